package org.difflab.plugin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.difflab.dsl.Require;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.theory.convergence.Convergence;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.convergence.OrderFit;
import org.difflab.theory.convergence.StepProxy;
import org.difflab.theory.report.Json;
import org.difflab.theory.claims.OrderChart;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.report.ChartPlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab converge}: one exact convergence study of one or more integrators: the error table and the fitted
 * orders (least squares on log error vs log T or log h, 95% CI, local slopes), optionally as JSON and as a log-log plot.
 */
@Command(name = "converge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Exact errors at several step counts and fitted convergence orders.")
final class ConvergeCommand implements Callable<Integer> {

    @Mixin
    ExactOptions options;

    @Option(names = "--integrator", required = true, paramLabel = "SPEC[,SPEC...]", description = "Integrators, e.g. ddim,heun.")
    String integrators;

    @Option(names = "--steps", required = true, split = ",", paramLabel = "T,T,...",
            description = "Increasing step counts, at least 2, e.g. 25,50,100,200.")
    int[] steps;

    @Option(names = "--proxy", defaultValue = "T", paramLabel = "T|h",
            description = "Fit against T or h = ln T / T (for the Li et al. schedules) (default: ${DEFAULT-VALUE}).")
    String proxy;

    @Option(names = "--json", description = "Print the result as JSON instead of text.")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Log-log plot of error vs steps with fitted and theory slopes.")
    Path plot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StepProxy stepProxy = ExactOptions.proxy(proxy);
        if (plot != null) {
            OutputPaths.file("--plot", plot, ".png");
        }
        for (int t : steps) {
            Require.positive("--steps", t);
        }
        options.budget("converge", steps);
        Integrator[] methods = ExactOptions.integrators(integrators).stream().map(Integrators::parse).toArray(Integrator[]::new);
        Convergence study = Convergence.study(methods).steps(steps).proxy(stepProxy);
        for (int t : steps) {
            options.validate(t);
            stepProxy.at(t);
        }
        DefaultsUsed.note(spec, options.schedule, options.grid, ExactOptions.OTHER_DEFAULTS);
        study.target(options.gaussian()).schedule(options.schedule()).grid(options.grid(steps[0])).init(options.init())
                .metric(options.metric()).exact();
        DiffLabRuntime.engine();
        long start = System.nanoTime();
        ConvergenceResult r = study.run();
        double wall = (System.nanoTime() - start) * 1e-9;
        List<ConvergenceResult.Series> series = new ArrayList<>(r.series().values());
        series.sort(Comparator.comparing(ConvergenceResult.Series::integrator));
        if (plot != null) {
            try (StagedFiles files = new StagedFiles()) {
                files.stage("--plot", plot, temp -> ChartPlot.write(OrderChart.of("convergence on " + options.target + " (" + options.schedule
                        + ", " + options.grid + ")", r, ConvergenceResult.Series::expectedOrder), temp));
                files.commit();
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.print(Json.write(json(r, series, wall)));
        } else {
            w.printf(Locale.ROOT, "target %s, schedule %s, grid %s, init %s, reference %s, metric %s%n", options.target,
                    options.schedule, options.grid, options.init, options.reference, r.metric());
            TextTable errors = new TextTable("integrator", ">steps", ">NFE", ">" + r.metric() + " error", ">wall s");
            for (ConvergenceResult.Series s : series) {
                for (ConvergenceResult.Point p : s.points()) {
                    errors.row(s.integrator(), p.steps(), p.nfe(), String.format(Locale.ROOT, "%.4e", p.error().value()),
                            String.format(Locale.ROOT, "%.3f", p.wallSeconds()));
                }
            }
            w.print(errors.render());
            w.println();
            TextTable fits = new TextTable("integrator", ">expected", ">order", ">95% CI", "local slopes");
            for (ConvergenceResult.Series s : series) {
                OrderFit f = s.fit();
                fits.row(s.integrator(), String.format(Locale.ROOT, "%.1f", s.expectedOrder()), f3(f.order()),
                        "[" + f3(f.lower()) + ", " + f3(f.upper()) + "]",
                        String.join(", ", Arrays.stream(f.localSlopes()).mapToObj(ConvergeCommand::f3).toList()));
            }
            w.printf(Locale.ROOT, "orders fitted against %s:%n", stepProxy == StepProxy.STEPS ? "T" : "h = ln T / T");
            w.print(fits.render());
            w.printf(Locale.ROOT, "%.1f s%s%n", wall, plot == null ? "" : ", plot -> " + plot);
        }
        w.flush();
        return 0;
    }

    private static Map<String, Object> json(ConvergenceResult r, List<ConvergenceResult.Series> series, double wall) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", r.metric());
        m.put("proxy", r.proxy());
        List<Object> out = new ArrayList<>();
        for (ConvergenceResult.Series s : series) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("integrator", s.integrator());
            x.put("expectedOrder", s.expectedOrder());
            x.put("order", s.fit().order());
            x.put("ciLow", s.fit().lower());
            x.put("ciHigh", s.fit().upper());
            x.put("localSlopes", s.fit().localSlopes());
            x.put("points", s.points().stream().map(ConvergeCommand::point).toList());
            out.add(x);
        }
        m.put("series", out);
        m.put("wallSeconds", wall);
        return m;
    }

    private static Map<String, Object> point(ConvergenceResult.Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", p.steps());
        m.put("nfe", p.nfe());
        m.put("error", p.error().value());
        m.put("errorLower", p.error().lower());
        m.put("errorUpper", p.error().upper());
        m.put("wallSeconds", p.wallSeconds());
        return m;
    }

    private static String f3(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }
}
