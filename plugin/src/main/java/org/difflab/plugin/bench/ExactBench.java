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
 * Throughput of the exact evaluator (issue 24, point 5): evaluations per second of an n-step run (1000 by default,
 * {@code difflab bench --steps}) in d = 1 and d = 64 (isotropic Gaussian N(1, 0.05 I), DDPM schedule, uniform grid), and probe rows times model calls
 * per second (the rows of every model call of an evaluation, {@link MeteredModel}, over its wall time).
 */
public final class ExactBench {
    /** The dimensions measured. */
    public static final int[] DIMS = {1, 64};

    /**
     * The figure these rows are read against (issue 24: "10x today's"), measured once and quoted, not recomputed: the
     * code before the performance work, its own bench's exact section with 1000 steps (d = 16 only), on the project's
     * shared 2-core VM, idle, in the same hour as docs/performance.md's idle table.
     */
    public static final String BEFORE = "exact: before the performance work (3456d8e, d = 16, 1000 steps, measured 2026-12-07 on "
            + "the project's shared 2-core VM, idle): ddim 10.5, ddpm 8.6, heun 9.8 evaluations/s";

    private ExactBench() {}

    /** Rows for ddim, ddpm and heun in each dimension, {@code steps} steps each. */
    public static List<BenchRow> run(int steps, int repeats, Consumer<String> progress) {
        List<BenchRow> rows = new ArrayList<>();
        for (int dim : DIMS) {
            for (String integrator : RawLoops.INTEGRATORS.subList(0, 3)) {
                String subject = integrator + " d=" + dim + " " + steps + " steps";
                progress.accept("exact: " + subject);
                double[] rowSteps = new double[repeats];
                double[] perSecond = new double[repeats];
                for (int r = -OverheadBench.WARM_UPS; r < repeats; r++) { // r < 0: warm-ups, not recorded
                    MeteredModel[] metered = new MeteredModel[1];
                    ExactEvaluator evaluator = ExactEvaluator.of(Integrators.parse(integrator)).target(Targets.gaussian(dim, 1, 0.05))
                            .schedule(Schedules.ddpm()).grid(Grids.uniform(steps)).model(m -> metered[0] = new MeteredModel(m));
                    long start = System.nanoTime();
                    evaluator.evaluate();
                    double s = (System.nanoTime() - start) / 1e9;
                    if (r >= 0) {
                        rowSteps[r] = metered[0].reading().rows() / s;
                        perSecond[r] = 1 / s;
                    }
                }
                rows.add(new BenchRow("exact", subject, "evaluations", "1/s", Spread.of(perSecond)));
                rows.add(new BenchRow("exact", subject, "probe rows x model calls", "1/s", Spread.of(rowSteps)));
            }
        }
        return rows;
    }
}
