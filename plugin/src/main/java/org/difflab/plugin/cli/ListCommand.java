package org.difflab.plugin.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.difflab.runtime.DiffLabRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code difflab list [integrators|schedules|targets|grids]}: the catalogue, with the spec syntax of each entry. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List integrators, schedules, targets or grids with their spec syntax (all four when none is named).")
final class ListCommand implements Callable<Integer> {

    /** What can be listed. */
    enum Catalogue { integrators, schedules, targets, grids }

    @Parameters(arity = "0..1", paramLabel = "WHAT", description = "One of: ${COMPLETION-CANDIDATES}.")
    Catalogue what;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DiffLabRuntime.engine();
        StringBuilder out = new StringBuilder();
        for (Catalogue c : what == null ? Catalogue.values() : new Catalogue[] {what}) {
            if (out.length() > 0) {
                out.append(System.lineSeparator());
            }
            out.append(render(c));
        }
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static String render(Catalogue c) {
        return switch (c) {
            case integrators -> integrators();
            case schedules -> specs("Schedules (--schedule)", Schedules.specs());
            case targets -> specs("Targets (--target)", Targets.specs());
            case grids -> specs("Grids (--grid; the step count comes from --steps)", Grids.specs());
        };
    }

    private static String integrators() {
        TextTable t = new TextTable("name", "parameters", ">NFE/step", "stochastic", ">order", "description");
        for (Integrators.Registration r : Integrators.registrations()) {
            Integrator i = Integrators.parse(r.name());
            t.row(r.name(), r.parameters().isEmpty() ? "-" : r.parameters(), i.nfePerStep(), i.stochastic() ? "yes" : "no",
                    i.expectedOrder(), r.description());
        }
        return "Integrators (--integrator name[:key=value,...]; defaults shown)" + System.lineSeparator() + t.render();
    }

    private static String specs(String title, Map<String, String> specs) {
        TextTable t = new TextTable("name", "spec (defaults shown)", "description");
        specs.forEach((s, description) -> t.row(s.contains(":") ? s.substring(0, s.indexOf(':')) : s, s, description));
        return title + System.lineSeparator() + t.render();
    }
}
