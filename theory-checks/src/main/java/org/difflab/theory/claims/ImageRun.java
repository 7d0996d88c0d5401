package org.difflab.theory.claims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.observe.ProgressReport;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.runtime.classifier.FeatureClassifier;
import org.difflab.runtime.data.ImageGrid;

/**
 * One sampler's images as a feature claim uses them: their classifier features (rows for FD and KD), the classes the
 * classifier assigns them, the NFE per image and wall time of the sampling, and a grid of the first images for the
 * report. The images themselves are not kept.
 *
 * @param features    one row of features per image
 * @param classes     the classifier's class of each image
 * @param nfe         model evaluations per image
 * @param wallSeconds wall time of the sampling (not of the features)
 * @param grid        a grid of the first {@link #SHOWN} images
 */
record ImageRun(double[][] features, int[] classes, long nfe, double wallSeconds, BufferedImage grid) {
    /** Images shown per run in the report's grids. */
    static final int SHOWN = 16;

    /**
     * Draws {@code samples} images with {@code run} from the seed (image i of every run starts from the same noise),
     * reporting the sampler's progress every 2 s to {@code progress}, and evaluates the classifier on them.
     */
    static ImageRun draw(ScoreModel model, NoiseSchedule schedule, BudgetRun run, int samples, long seed, FeatureClassifier classifier,
                         Consumer<String> progress) {
        long start = System.nanoTime();
        try (Samples x = Diffusion.sampler().schedule(schedule).model(model).integrator(Integrators.parse(run.integrator()))
                .grid(Grids.parse(run.grid(), run.steps())).seed(seed).observer(new ProgressReport(progress, 2000)).sample(samples)) {
            double wall = (System.nanoTime() - start) * 1e-9;
            NDArray images = x.tensor().toType(DataType.FLOAT32, false).clip(-1, 1);
            NDArray shown = images.get(new NDIndex("0:{}", Math.min(SHOWN, samples)));
            return new ImageRun(classifier.features(images), classifier.predict(images), x.nfe(), wall, ImageGrid.render(shown, 8, 3));
        }
    }

    /** The fraction of images in each of {@code classCount} classes. */
    static double[] histogram(int[] classes, int classCount) {
        double[] h = new double[classCount];
        for (int c : classes) {
            h[c] += 1.0 / classes.length;
        }
        return h;
    }

    /** The total variation distance of a histogram to the uniform one: half the sum of |h_c - 1/C|. */
    static double totalVariationToUniform(double[] histogram) {
        double tv = 0;
        for (double p : histogram) {
            tv += Math.abs(p - 1.0 / histogram.length);
        }
        return tv / 2;
    }
}
