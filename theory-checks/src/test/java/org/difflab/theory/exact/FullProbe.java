package org.difflab.theory.exact;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.target.Gaussian;
import org.difflab.theory.metric.DiagonalGaussian;

/**
 * Test oracle: the exact law by the original full-probe method, one row per Gaussian draw of the run (1 + K rows,
 * O(T K) work), without any collapse of the past. Same auxiliary generators as {@link ProbeNoise}, so a run sees the
 * same auxiliary values as the evaluator's repetition with the same seed. Diagonal targets only (no rotation).
 */
final class FullProbe implements NoiseStream {
    private final int rows;
    private final SplittableRandom perSample;
    private final SplittableRandom shared;
    private int draws;

    private FullProbe(int draws, long auxSeed) {
        this.rows = 1 + draws;
        SplittableRandom root = new SplittableRandom(auxSeed);
        this.perSample = root.split();
        this.shared = root.split();
    }

    /**
     * The exact law of one run with this auxiliary seed; {@code draws}: room for at least K rows (K may differ between
     * auxiliary seeds, e.g. Poisson-midpoint sparse noise); rows never drawn stay equal to row 0 and add nothing.
     */
    static DiagonalGaussian law(Integrator integrator, Gaussian target, TimeGrid grid, Init init, UnaryOperator<ScoreModel> model,
            int draws, long auxSeed) {
        if (target.eigenbasis() != null) {
            throw new IllegalArgumentException("target must be diagonal");
        }
        FullProbe noise = new FullProbe(draws, auxSeed);
        int d = target.dim();
        double[] mean = target.mean();
        double[] lambda = target.eigenvalues();
        DiffusionProblem problem = new DiffusionProblem(grid.schedule(), model.apply(target.exactScore()));
        double[] values;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray z = noise.normal(manager, new Shape(d), DataType.FLOAT64);
            NDArray x;
            if (init == Init.PRIOR) {
                x = z.mul(problem.schedule().priorStd());
            } else {
                x = NoisedTarget.draw(manager, z, NoisedTarget.law(grid.level(0), mean, lambda));
            }
            values = Solve.run(integrator, problem, grid, noise, List.of(), x).x().toDoubleArray();
        }
        if (noise.draws > draws) {
            throw new IllegalStateException("full probe made " + noise.draws + " draws, room for " + draws);
        }
        double[] m = Arrays.copyOf(values, d);
        double[] v = new double[d];
        for (int row = 1; row < noise.rows; row++) {
            for (int j = 0; j < d; j++) {
                double a = values[row * d + j] - m[j];
                v[j] += a * a;
            }
        }
        return new DiagonalGaussian(m, v);
    }

    @Override
    public int size() {
        return rows;
    }

    @Override
    public long first() {
        return 0;
    }

    @Override
    public NDArray normal(NDManager manager, Shape event, DataType type, double tFrom, double tTo) {
        return normal(manager, event, type);
    }

    @Override
    public NDArray normal(NDManager manager, Shape event, DataType type) {
        int k = ++draws;
        int e = Math.toIntExact(event.size());
        double[] values = new double[rows * e];
        Arrays.fill(values, k * e, (k + 1) * e, 1.0);
        return manager.create(values, new Shape(rows).addAll(event)).toType(type, false);
    }

    @Override
    public double[] uniform() {
        double[] out = new double[rows];
        Arrays.fill(out, perSample.nextDouble());
        return out;
    }

    @Override
    public double uniformShared() {
        return shared.nextDouble();
    }
}
