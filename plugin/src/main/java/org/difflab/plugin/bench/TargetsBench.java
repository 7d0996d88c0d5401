package org.difflab.plugin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;

/**
 * The per-step cost of the targets' exact scores (issue 24, point 4): DDIM through DiffLab's {@code Sampler} on the
 * exact score of a 2-D Gaussian and of the ring of eight Gaussians ({@code gmm:preset=ring8}), at batch 1 and 64, with
 * the time inside the score calls ({@link MeteredModel}) and, per repeat, the mixture's step against the Gaussian's:
 * what a toy-target prototype pays per step, and how much of it is the mixture's score.
 */
public final class TargetsBench {
    /** The two targets compared, by spec. */
    public static final List<String> TARGETS = List.of("gaussian:d=2,mean=1,var=0.05", "gmm:preset=ring8");

    /** The batch sizes compared: one sample (the fixed cost per call) and the usual 64. */
    public static final int[] BATCHES = {1, 64};

    private TargetsBench() {}

    /** Rows for both targets at both batch sizes, and the mixture / Gaussian ratios. */
    public static List<BenchRow> run(int steps, int repeats, Consumer<String> progress) {
        List<BenchRow> rows = new ArrayList<>();
        for (int batch : BATCHES) {
            double[][] perStep = new double[TARGETS.size()][repeats];
            double[][] inScore = new double[TARGETS.size()][repeats];
            for (int r = -OverheadBench.WARM_UPS; r < repeats; r++) { // r < 0: warm-ups, not recorded; targets in turn
                for (int k = 0; k < TARGETS.size(); k++) {
                    progress.accept("targets: " + TARGETS.get(k) + " batch=" + batch + (r < 0 ? " (warm-up)" : " repeat " + (r + 1) + " of " + repeats));
                    double[] times = time(Targets.parse(TARGETS.get(k)), batch, steps, r);
                    if (r >= 0) {
                        perStep[k][r] = times[0];
                        inScore[k][r] = times[1];
                    }
                }
            }
            for (int k = 0; k < TARGETS.size(); k++) {
                String subject = TARGETS.get(k) + " ddim batch=" + batch;
                rows.add(new BenchRow("targets", subject, "DiffLab", "us/step", Spread.of(perStep[k])));
                rows.add(new BenchRow("targets", subject, "in the exact score", "us/step", Spread.of(inScore[k])));
            }
            String ratio = "mixture / Gaussian, batch=" + batch;
            rows.add(new BenchRow("targets", ratio, "per step", "x", Spread.of(OverheadBench.ratio(perStep[1], perStep[0]))));
            rows.add(new BenchRow("targets", ratio, "in the exact score", "x", Spread.of(OverheadBench.ratio(inScore[1], inScore[0]))));
        }
        return rows;
    }

    /** Microseconds per step of one run, and of it inside the score calls. */
    private static double[] time(Target target, int batch, int steps, long seed) {
        MeteredModel model = new MeteredModel(target.exactScore());
        long start = System.nanoTime();
        try (Samples s = Diffusion.sampler().schedule(Schedules.ddpm()).model(model).integrator(Integrators.parse("ddim"))
                .grid(Grids.uniform(steps)).batchSize(batch).seed(seed).sample(batch)) {
            long wall = System.nanoTime() - start;
            return new double[] {wall / 1e3 / steps, model.reading().nanos() / 1e3 / steps};
        }
    }
}
