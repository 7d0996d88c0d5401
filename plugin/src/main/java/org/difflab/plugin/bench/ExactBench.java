package org.difflab.plugin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.exact.ExactEvaluator;

/**
 * Throughput of the exact evaluator: probe rows times model calls per second (the rows of every model call of an evaluation,
 * its counting run and its probe run, {@link MeteredModel}, over its wall time), on a 16-dimensional Gaussian with a
 * full covariance (the evaluator works in its eigenbasis), DDPM schedule, uniform grid.
 */
public final class ExactBench {
    private static final int WARM_UPS = OverheadBench.WARM_UPS;

    private ExactBench() {}

    /** Rows for ddim, ddpm and heun. */
    public static List<BenchRow> run(int steps, int repeats, Consumer<String> progress) {
        List<BenchRow> rows = new ArrayList<>();
        for (String integrator : RawLoops.INTEGRATORS) {
            progress.accept("exact: " + integrator + " " + steps + " steps");
            double[] rowSteps = new double[repeats];
            double[] seconds = new double[repeats];
            for (int r = -WARM_UPS; r < repeats; r++) { // r < 0: warm-ups, not recorded
                MeteredModel[] metered = new MeteredModel[1];
                ExactEvaluator evaluator = ExactEvaluator.of(Integrators.parse(integrator)).target(Targets.rotatedGaussian(16, 0, 0.05, 20, 1))
                        .schedule(Schedules.ddpm()).grid(Grids.uniform(steps)).model(m -> metered[0] = new MeteredModel(m));
                long start = System.nanoTime();
                evaluator.evaluate();
                double s = (System.nanoTime() - start) / 1e9;
                if (r >= 0) {
                    rowSteps[r] = metered[0].reading().rows() / s;
                    seconds[r] = s;
                }
            }
            String subject = integrator + " d=16 " + steps + " steps";
            rows.add(new BenchRow("exact", subject, "probe rows x model calls", "1/s", Spread.of(rowSteps)));
            rows.add(new BenchRow("exact", subject, "one evaluation", "s", Spread.of(seconds)));
        }
        return rows;
    }
}
