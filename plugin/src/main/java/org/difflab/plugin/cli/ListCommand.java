package org.difflab.plugin.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.IntegratorInfo;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.langevin.LangevinIntegrator;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.spec.Closest;
import org.difflab.dsl.spec.Registry;
import org.difflab.dsl.target.Targets;
import org.difflab.runtime.DiffLabRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code difflab list [integrators|schedules|targets|grids|langevin|NAME] [--wide]}: the catalogue, with the spec syntax of each
 * entry, in 100 columns (long cells end in "..."; {@code --wide} shows them whole); {@code list NAME} shows one entry in
 * full.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List integrators, schedules, targets, grids or Langevin integrators with their spec syntax (all when none is named), in 100 columns; "
                + "'list NAME' shows one entry in full (e.g. list heun, list gmm).")
final class ListCommand implements Callable<Integer> {
    /** Width of the listing without --wide: a terminal's usual 100 columns. */
    static final int COLUMNS = 100;

    /** What can be listed. */
    enum Catalogue { integrators, schedules, targets, grids, langevin }

    @Parameters(arity = "0..1", paramLabel = "WHAT", description = "integrators, schedules, targets, grids, langevin, or the name of one entry.")
    String what;

    @Option(names = "--wide", description = "Do not shorten long cells to fit 100 columns.")
    boolean wide;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StringBuilder out = new StringBuilder();
        List<Catalogue> catalogues = new ArrayList<>();
        if (what == null) {
            catalogues.addAll(Arrays.asList(Catalogue.values()));
        } else if (Arrays.stream(Catalogue.values()).anyMatch(c -> c.name().equals(what))) {
            catalogues.add(Catalogue.valueOf(what));
        } else {
            out.append(entry(what));
        }
        for (Catalogue c : catalogues) {
            if (out.length() > 0) {
                out.append(System.lineSeparator());
            }
            out.append(render(c));
        }
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String render(Catalogue c) {
        return switch (c) {
            case integrators -> integrators();
            case schedules -> specs("Schedules (--schedule)", Schedules.specs());
            case targets -> specs("Targets (--target)", Targets.specs());
            case grids -> specs("Grids (--grid; the step count comes from --steps)", Grids.specs());
            case langevin -> langevin();
        };
    }

    private String integrators() {
        TextTable t = new TextTable("name", "parameters", ">NFE/step", "stochastic", ">order", "k-diffusion", "description");
        for (Registry.Entry<Integrator> r : Integrators.registrations()) {
            IntegratorInfo i = Integrators.parse(r.name()).info();
            t.row(r.name(), r.parameters().isEmpty() ? "-" : r.parameters(), i.nfePerStep(), i.stochastic() ? "yes" : "no",
                    i.expectedOrder(), PeerNames.of(r.name()).kDiffusionFunction(), r.description());
        }
        StringBuilder codeOnly = new StringBuilder();
        Integrators.codeOnly().keySet().forEach(name -> codeOnly.append("Not listed: ").append(name)
                .append(" (built in code only; 'difflab list ").append(name).append("' says why)").append(System.lineSeparator()));
        return "Integrators (--integrator name[:key=value,...]; defaults shown)" + System.lineSeparator() + fit(t) + codeOnly;
    }

    private String langevin() {
        TextTable t = new TextTable("name", "parameters", "description");
        for (Registry.Entry<LangevinIntegrator> r : LangevinIntegrators.registrations()) {
            t.row(r.name(), r.parameters().isEmpty() ? "-" : r.parameters(), r.description());
        }
        return "Langevin integrators (difflab langevin --integrator; --potential doublewell:d=1,a=1 or a target)" + System.lineSeparator()
                + fit(t);
    }

    private String specs(String title, Map<String, String> specs) {
        TextTable t = new TextTable("name", "spec (defaults shown)", "description");
        specs.forEach((s, description) -> t.row(name(s), s, description));
        return title + System.lineSeparator() + fit(t);
    }

    private String fit(TextTable t) {
        String text = t.render(wide ? Integer.MAX_VALUE : COLUMNS);
        return text.contains("...") ? text + "(shortened to " + COLUMNS + " columns: 'difflab list NAME' or --wide shows it all)"
                + System.lineSeparator() : text;
    }

    /** Every entry named {@code name}, each field on its own line. */
    private static String entry(String name) {
        StringBuilder b = new StringBuilder();
        List<String> names = new ArrayList<>(Arrays.stream(Catalogue.values()).map(Enum::name).toList());
        for (Registry.Entry<Integrator> r : Integrators.registrations()) {
            names.add(r.name());
            if (r.name().equals(name)) {
                IntegratorInfo i = Integrators.parse(r.name()).info();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("integrator", r.name());
                m.put("parameters", r.parameters().isEmpty() ? "-" : r.parameters());
                m.put("NFE/step", i.nfePerStep());
                m.put("stochastic", i.stochastic() ? "yes" : "no");
                m.put("order", i.expectedOrder());
                m.put("k-diffusion", PeerNames.of(r.name()).kDiffusion());
                m.put("diffusers", PeerNames.of(r.name()).diffusers());
                m.put("description", r.description());
                m.forEach((k, v) -> b.append(String.format("%-12s %s%n", k + ":", v)));
            }
        }
        Integrators.codeOnly().forEach((codeOnly, why) -> {
            names.add(codeOnly);
            if (codeOnly.equals(name)) {
                b.append(String.format("%-12s %s%n%-12s %s%n", "integrator:", codeOnly + " (not registered)", "why:", why));
            }
        });
        for (Registry.Entry<LangevinIntegrator> r : LangevinIntegrators.registrations()) {
            names.add(r.name());
            if (r.name().equals(name)) {
                b.append(String.format("%-12s %s%n%-12s %s%n%-12s %s%n", "langevin:", r.name(), "parameters:", r.parameters().isEmpty() ? "-"
                        : r.parameters(), "description:", r.description()));
            }
        }
        for (Map.Entry<String, Map<String, String>> c : Map.of("schedule", Schedules.specs(), "target", Targets.specs(), "grid", Grids.specs())
                .entrySet()) {
            c.getValue().forEach((s, description) -> {
                names.add(name(s));
                if (name(s).equals(name)) {
                    b.append(b.length() > 0 ? System.lineSeparator() : "").append(String.format("%-12s %s%n%-12s %s%n", c.getKey() + ":", s,
                            "description:", description));
                }
            });
        }
        if (b.length() == 0) {
            throw new IllegalArgumentException("WHAT = " + name + " is not allowed: must be one of integrators, schedules, targets, grids, langevin or an "
                    + "entry's name (see 'difflab list')" + Closest.suggestion(name, names));
        }
        return b.toString();
    }

    private static String name(String spec) {
        return spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
    }
}
