package org.difflab.plugin.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.difflab.dsl.Require;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.ExactLaw;
import org.difflab.theory.metric.DiagonalGaussian;
import org.difflab.theory.metric.Metric;
import org.difflab.theory.metric.MetricValue;
import org.difflab.theory.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab eval}: one exact evaluation (no Monte Carlo error) of an integrator on a Gaussian target: the
 * metric to the reference law, the evaluations spent, and the output law's mean and variance beside the reference's,
 * in the eigenbasis of the target covariance.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Exact error of one integrator at one step count on a Gaussian target.")
final class EvalCommand implements Callable<Integer> {
    private static final int SHOWN = 6;

    @Mixin
    ExactOptions options;

    @Option(names = "--integrator", required = true, paramLabel = "SPEC", description = "Integrator, e.g. heun or ddim:eta=0.5.")
    String integrator;

    @Option(names = "--steps", required = true, paramLabel = "T", description = "Number of sampling steps (>= 1).")
    int steps;

    @Option(names = "--json", description = "Print the result as JSON instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Require.positive("--steps", steps);
        options.budget("eval", steps);
        options.validate(steps);
        Integrator method = Integrators.parse(integrator);
        Metric metric = options.metric();
        DefaultsUsed.note(spec, options.schedule, options.grid, ExactOptions.OTHER_DEFAULTS); // after every check: bad input is one line
        DiffLabRuntime.engine();
        long start = System.nanoTime();
        ExactLaw law = ExactEvaluator.of(method).target(options.gaussian()).schedule(options.schedule()).grid(options.grid(steps))
                .init(options.init()).evaluate();
        MetricValue value = law.metric(metric);
        double wall = (System.nanoTime() - start) * 1e-9;
        DiagonalGaussian out = law.momentMatched();
        DiagonalGaussian ref = law.reference();
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", options.target);
            m.put("integrator", method.spec());
            m.put("steps", steps);
            m.put("schedule", options.schedule);
            m.put("grid", options.grid);
            m.put("init", options.init);
            m.put("reference", options.reference);
            m.put("metric", metric.name());
            m.put("value", value.value());
            m.put("lower", value.lower());
            m.put("upper", value.upper());
            m.put("standardError", value.standardError());
            m.put("nfe", law.nfe());
            m.put("mean", out.mean());
            m.put("variance", out.variance());
            m.put("referenceMean", ref.mean());
            m.put("referenceVariance", ref.variance());
            m.put("wallSeconds", wall);
            w.print(Json.write(m));
        } else {
            w.printf(Locale.ROOT, "%s, %d steps on %s (schedule %s, grid %s, init %s, reference %s)%n", method.spec(), steps,
                    options.target, options.schedule, options.grid, options.init, options.reference);
            w.printf(Locale.ROOT, "%s = %s%n", metric.name(), value);
            w.printf(Locale.ROOT, "NFE = %d, wall %.3f s%n", law.nfe(), wall);
            w.printf(Locale.ROOT, "output mean     %s   reference %s%n", head(out.mean()), head(ref.mean()));
            w.printf(Locale.ROOT, "output variance %s   reference %s%n", head(out.variance()), head(ref.variance()));
            w.println("(coordinates in the eigenbasis of the target covariance)");
        }
        w.flush();
        return 0;
    }

    /** The first coordinates, with a count of the rest. */
    private static String head(double[] v) {
        String shown = Arrays.stream(v).limit(SHOWN).mapToObj(x -> String.format(Locale.ROOT, "%.6g", x))
                .reduce((a, b) -> a + ", " + b).orElse("");
        return "[" + shown + (v.length > SHOWN ? ", ... (" + (v.length - SHOWN) + " more)" : "") + "]";
    }
}
