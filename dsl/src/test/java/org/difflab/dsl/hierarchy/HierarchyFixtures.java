package org.difflab.dsl.hierarchy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.target.Gaussian;

/** States for hierarchy tests: noised draws of a Gaussian target at a few VP noise levels. */
final class HierarchyFixtures {
    private HierarchyFixtures() {}

    /** The VP level at t in (0, 1): alpha = cos(pi t / 2), sigma = sin(pi t / 2). */
    static NoiseLevel vp(double t) {
        return new NoiseLevel(t, Math.cos(Math.PI * t / 2), Math.sin(Math.PI * t / 2));
    }

    /** rows draws of alpha X0 + sigma Z, X0 ~ target, at each of the times, float64. */
    static List<StateBatch> noisedStates(NDManager manager, Gaussian target, double[] times, int rows, long seed) {
        Random r = new Random(seed);
        int d = target.dim();
        double[] mean = target.mean();
        double[][] cov = target.covariance();
        List<StateBatch> out = new ArrayList<>();
        for (double t : times) {
            NoiseLevel level = vp(t);
            double[][] x = new double[rows][d];
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    // isotropic targets only (the tests use Targets.gaussian)
                    double x0 = mean[j] + Math.sqrt(cov[j][j]) * r.nextGaussian();
                    row[j] = level.alpha() * x0 + level.sigma() * r.nextGaussian();
                }
            }
            out.add(new StateBatch(level, manager.create(x)));
        }
        return out;
    }

    /** Mean of ||x||^2 over all rows of the batches. */
    static double meanSquaredNorm(List<StateBatch> states) {
        double sum = 0;
        long n = 0;
        for (StateBatch b : states) {
            NDArray x = b.x();
            for (double v : x.toDoubleArray()) {
                sum += v * v;
            }
            n += x.getShape().get(0);
        }
        return sum / n;
    }
}
