package org.difflab.theory.claims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.data.ImageGrid;
import org.difflab.runtime.data.SyntheticShapes;
import org.difflab.theory.montecarlo.PairedDistances;

/**
 * {@link MonteCarloBudgetClaim} on a trained image network: every run draws {@code samples} images from the network
 * with the real sampler, and each run's distance to images of the data set the network was trained on
 * ({@link SyntheticShapes}, the same generative process, other seeds) is measured by MMD^2 (one Gaussian-kernel
 * bandwidth for every run) and the squared sliced 2-Wasserstein distance, with bootstrap errors that cover the sampling
 * of both sets ({@link PairedDistances}). All runs share the seed, so image i of every run starts from the same noise,
 * and the difference to the reference gets the paired bootstrap's standard error. Contenders are judged against the
 * reference by {@link MonteCarloComparison}, metric by metric; the report shows a grid of the first images of every run.
 *
 * @param id         short stable id
 * @param family     the report section
 * @param provenance the paper, the place in it and the kind of claim
 * @param statement  what the theory states
 * @param model      the network, built when checked
 * @param imageSize  side of the data set's images (16 or 32), which the network was trained on
 * @param schedule   the network's training schedule spec
 * @param reference  the reference run
 * @param contenders the runs judged against it
 * @param samples    images per run, and data images
 * @param seed       seed of the samplers (data images and metrics use seeds derived from it)
 * @param note       what a reader should know (may be empty)
 */
public record NetworkBudgetClaim(String id, String family, Provenance provenance, String statement, ClaimModel model, int imageSize, String schedule,
                                 BudgetRun reference, List<BudgetRun> contenders, int samples, long seed, String note) implements Claim {
    private static final double Z = 3;
    private static final int RESAMPLES = 100;
    private static final int DIRECTIONS = 64;
    /** Images shown per run in the report's grids. */
    private static final int SHOWN = 16;

    public NetworkBudgetClaim {
        Claim.requireId(id);
        if (model == null || reference == null || contenders == null || contenders.isEmpty() || provenance == null) {
            throw new IllegalArgumentException("model = " + model + ", reference = " + reference + ", contenders = " + contenders
                    + " are not allowed for claim " + id + ": give a model, a reference and at least 1 contender");
        }
        SyntheticShapes.of(imageSize);
        Schedules.parse(schedule);
        if (samples < 16) {
            throw new IllegalArgumentException("samples = " + samples + " is not allowed for claim " + id + ": must be >= 16");
        }
        contenders = List.copyOf(contenders);
        note = Claim.orEmpty(note);
    }

    @Override
    public String rule() {
        return MonteCarloComparison.RULE + "; here the distances are MMD^2 and sliced W2^2 to data images, with a paired bootstrap "
                + "(runs paired row by row by their seed)";
    }

    /** This claim with other contenders (e.g. a mutant, for a control) and fewer images. */
    public NetworkBudgetClaim withContenders(List<BudgetRun> runs, int fewerSamples) {
        return new NetworkBudgetClaim(id, family, provenance, statement, model, imageSize, schedule, reference, runs, fewerSamples, seed, note);
    }

    @Override
    public List<String> integrators() {
        return BudgetRun.integrators(reference, contenders);
    }

    @Override
    public String expectation() {
        return MonteCarloComparison.expectation("MMD^2 and sliced W2^2 to data images",
                String.format(Locale.ROOT, "at most %.0f standard errors of the difference", Z));
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "model %s, schedule %s, reference %s, %d images per run and %d data images (SyntheticShapes %dx%d, "
                        + "seed %d); MMD^2 with one bandwidth (median distance of data and reference images pooled); sliced W2^2 over %d "
                        + "directions; standard errors and those of the differences by a paired bootstrap over %d resamples; sampler seed %d "
                        + "(image i of every run from the same noise)", model.description(), schedule, reference.label(), samples, samples,
                imageSize, imageSize, seed + 1, DIRECTIONS, RESAMPLES, seed);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        SyntheticShapes shapes = SyntheticShapes.of(imageSize);
        double[][] data = rows(shapes.images(seed + 1, 0, samples), samples);
        NoiseSchedule s = Schedules.parse(schedule);
        List<BudgetRun> runs = new ArrayList<>();
        runs.add(reference);
        runs.addAll(contenders);
        List<Run> done = model.with(m -> runs.stream().map(r -> run(m, s, r)).toList());
        List<double[][]> images = done.stream().map(Run::rows).toList();
        List<PairedDistances> distances = List.of(PairedDistances.mmd(images, data, RESAMPLES, seed + 2),
                PairedDistances.slicedW2(images, data, DIRECTIONS, RESAMPLES, seed + 3));
        List<String> names = List.of("MMD^2", "sliced W2^2");
        Table.Builder table = Table.of("distances of each run's images to data images (differences: paired bootstrap)", "sampler", "grid", "NFE",
                "MMD^2", "s.e.", "minus reference", "s.e.", "sliced W2^2", "s.e.", "minus reference", "s.e.", "wall s");
        List<Check> checks = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        PairedDistances mmd = distances.get(0);
        PairedDistances sw = distances.get(1);
        for (int i = 0; i < runs.size(); i++) {
            BudgetRun run = runs.get(i);
            Run r = done.get(i);
            table.row(run.integrator(), run.grid() + "(" + run.steps() + ")", r.nfe, sci(mmd.values()[i]), sci(mmd.standardErrors()[i]),
                    sci(mmd.differences()[i]), sci(mmd.differenceErrors()[i]), sci(sw.values()[i]), sci(sw.standardErrors()[i]),
                    sci(sw.differences()[i]), sci(sw.differenceErrors()[i]), String.format(Locale.ROOT, "%.1f", r.wallSeconds));
            figures.add(new Figure(String.format(Locale.ROOT, "%s%s, %d NFE per image", i == 0 ? "reference " : "", run.label(), r.nfe), r.grid));
            if (i == 0) {
                continue;
            }
            for (int k = 0; k < distances.size(); k++) {
                PairedDistances d = distances.get(k);
                checks.add(MonteCarloComparison.judge(run.label(), names.get(k) + " - reference's", run.expect(), d.values()[i], d.values()[0],
                        d.differenceErrors()[i], Z));
            }
            points.add(new double[] {r.nfe, sw.values()[i], 1.96 * sw.standardErrors()[i]});
        }
        figures.add(new Figure("data: SyntheticShapes " + imageSize + "x" + imageSize + " (seed " + (seed + 1) + ")",
                ImageGrid.render(shapes.images(seed + 1, 0, SHOWN), SHOWN, 3, imageSize, imageSize, 8, 3)));
        Chart chart = MonteCarloComparison.chart(id + ": sliced W2^2 to data images", "sliced W2^2", reference, sw.values()[0],
                done.get(0).nfe, contenders, points);
        return new ClaimResult(this, checks, List.of(table.build()), chart, figures, (System.nanoTime() - start) * 1e-9);
    }

    /** One run's images as rows, its NFE per image, wall time and a grid of its first images. */
    private record Run(double[][] rows, long nfe, double wallSeconds, BufferedImage grid) {}

    private Run run(ScoreModel m, NoiseSchedule s, BudgetRun run) {
        long start = System.nanoTime();
        try (Samples x = Diffusion.sampler().schedule(s).model(m).integrator(Integrators.parse(run.integrator()))
                .grid(Grids.parse(run.grid(), run.steps())).seed(seed).sample(samples)) {
            double wall = (System.nanoTime() - start) * 1e-9;
            NDArray shown = x.tensor().get(new NDIndex("0:{}", Math.min(SHOWN, samples)));
            return new Run(x.rows(), x.nfe(), wall, ImageGrid.render(shown, 8, 3));
        }
    }

    private static double[][] rows(float[] flat, int n) {
        int d = flat.length / n;
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = flat[i * d + j];
            }
        }
        return out;
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
