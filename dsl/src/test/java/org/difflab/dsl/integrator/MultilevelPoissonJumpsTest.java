package org.difflab.dsl.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.hierarchy.SyntheticHierarchy;
import org.difflab.dsl.integrator.MultilevelEulerMaruyama.Share;
import org.difflab.dsl.noise.PerSampleNoise;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.junit.jupiter.api.Test;

/**
 * The Poisson-jump limit of ML-EM: exact between events (no jumps: the exact reverse process keeps the noised target's
 * marginals, and a run does not depend on where the grid points lie), the same law as stepped ML-EM at a small step,
 * counters that account for every call, batch invariance, and named errors for models it cannot run.
 */
class MultilevelPoissonJumpsTest {
    private static final Gaussian TARGET = Gaussian.diagonal(new double[] {1, -0.5, 0, 2}, new double[] {0.5, 1, 0.1, 2});
    private static final NoiseSchedule VP = Schedules.vp();
    private static final ModelHierarchy SYNTHETIC = SyntheticHierarchy.linear(TARGET.exactScore(), 4, 2.5, 3)
            .withDifferences(new double[] {0.8, 0.7, 0.35, 0.18});

    /** Two levels equal to the base: every jump is zero, so the run is the exact reverse process of the base. */
    private static ModelHierarchy noJumps() {
        return ModelHierarchy.of(List.of(TARGET.exactScore(), TARGET.exactScore()), new double[] {1, 8}).withBase(TARGET.exactScore())
                .withDifferences(new double[] {1, 1});
    }

    /** Rows drawn from the noised target at time t. */
    private static NDArray marginal(NDManager m, double t, int rows, long seed) {
        Random r = new Random(seed);
        double a = VP.alpha(t);
        double s = VP.sigma(t);
        double[] mu = TARGET.mean();
        double[] x = new double[rows * 4];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 4; j++) {
                double v = TARGET.covariance()[j][j];
                x[i * 4 + j] = a * mu[j] + Math.sqrt(a * a * v + s * s) * r.nextGaussian();
            }
        }
        return m.create(x, new Shape(rows, 4));
    }

    @Test
    void withoutJumpsTheRunIsTheExactReverseProcess() {
        int rows = 40_000;
        try (NDManager m = NDManager.newBaseManager()) {
            for (double lambda : new double[] {0, 1}) {
                TimeGrid grid = Grids.uniform(5).endingAtTMin().on(VP);
                NDArray x = marginal(m, grid.t(0), rows, 4);
                Solve.Solution s = Solve.run(new MultilevelPoissonJumps(30, lambda, Share.BATCH), new DiffusionProblem(VP, noJumps()), grid,
                        new PerSampleNoise(5).open(0, rows), List.of(), x);
                double[] out = s.x().toDoubleArray();
                double end = grid.t(grid.steps());
                for (int j = 0; j < 4; j++) {
                    double mean = 0;
                    double sq = 0;
                    for (int r = 0; r < rows; r++) {
                        mean += out[r * 4 + j] / rows;
                        sq += out[r * 4 + j] * out[r * 4 + j] / rows;
                    }
                    double a = VP.alpha(end);
                    double sigma = VP.sigma(end);
                    double v = a * a * TARGET.covariance()[j][j] + sigma * sigma;
                    assertThat(mean).as("lambda %s, mean %d", lambda, j).isCloseTo(a * TARGET.mean()[j], within(5 * Math.sqrt(v / rows)));
                    assertThat(sq - mean * mean).as("lambda %s, variance %d", lambda, j).isCloseTo(v, within(5 * v * Math.sqrt(2.0 / rows)));
                }
                assertThat(s.counters().get(MultilevelPoissonJumps.EVENTS)).isPositive();
            }
            // the flow composes exactly: one grid step or seven give the same states
            TimeGrid one = Grids.uniform(1).endingAtTMin().on(VP);
            TimeGrid seven = Grids.uniform(7).endingAtTMin().on(VP);
            NDArray x = marginal(m, one.t(0), 16, 6);
            double[] a = Solve.run(new MultilevelPoissonJumps(30, 0, Share.BATCH), new DiffusionProblem(VP, noJumps()), one,
                    new PerSampleNoise(5).open(0, 16), List.of(), x.duplicate()).x().toDoubleArray();
            double[] b = Solve.run(new MultilevelPoissonJumps(30, 0, Share.BATCH), new DiffusionProblem(VP, noJumps()), seven,
                    new PerSampleNoise(5).open(0, 16), List.of(), x.duplicate()).x().toDoubleArray();
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).isCloseTo(a[i], within(1e-4 * (1 + Math.abs(a[i]))));
            }
        }
    }

    private static double[][] runs(Integrator integrator, int steps, int runs, int rows) {
        double[][] out = new double[runs][];
        for (int r = 0; r < runs; r++) {
            try (Samples s = Diffusion.sampler().schedule(VP).target(TARGET).model(SYNTHETIC).integrator(integrator)
                    .grid(Grids.uniform(steps).endingAtTMin()).dataType(DataType.FLOAT64).seed(100 + r).sample(rows)) {
                out[r] = s.tensor().toDoubleArray();
            }
        }
        return out;
    }

    /** Per coordinate: the mean and the second moment of each run's rows (runs are independent, rows within a run are not). */
    private static double[][][] perRunMoments(double[][] runs) {
        double[][][] m = new double[2][runs.length][4];
        for (int r = 0; r < runs.length; r++) {
            int rows = runs[r].length / 4;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < 4; j++) {
                    double x = runs[r][i * 4 + j];
                    m[0][r][j] += x / rows;
                    m[1][r][j] += x * x / rows;
                }
            }
        }
        return m;
    }

    /**
     * Stepped ML-EM (exponential form, eta = 1/400) and the Poisson-jump limit sample one law: per coordinate the
     * means and second moments of 60 runs of 64 samples each agree within 4 standard errors (the runs' spread), for
     * gates shared by the batch and per sample; and the two spend about as many level calls per run.
     */
    @Test
    void agreesInLawWithSteppedMlemAtASmallStep() {
        for (Share share : Share.values()) {
            double[][][] stepped = perRunMoments(runs(new MultilevelEulerMaruyama(20, 1, MultilevelEulerMaruyama.Form.EXPONENTIAL, share), 400, 60, 64));
            double[][][] jumps = perRunMoments(runs(new MultilevelPoissonJumps(20, 1, share), 1, 60, 64));
            for (int moment = 0; moment < 2; moment++) {
                for (int j = 0; j < 4; j++) {
                    double[] a = column(stepped[moment], j);
                    double[] b = column(jumps[moment], j);
                    double se = Math.sqrt(variance(a) / a.length + variance(b) / b.length);
                    assertThat(mean(b)).as("%s moment %d coordinate %d", share, moment + 1, j).isCloseTo(mean(a), within(4 * se));
                }
            }
        }
    }

    @Test
    void countersAccountForEveryCallAndSamplesDoNotDependOnTheBatchSize() {
        for (Share share : Share.values()) {
            MultilevelPoissonJumps jumps = new MultilevelPoissonJumps(20, 1, share);
            try (Samples s = Diffusion.sampler().schedule(VP).target(TARGET).model(SYNTHETIC).integrator(jumps).grid(Grids.uniform(3)).seed(3)
                    .sample(8)) {
                Map<String, Long> c = s.counters();
                long calls = c.get(MultilevelEulerMaruyama.BASE);
                for (int k = 1; k <= 4; k++) {
                    calls += c.get("level" + k);
                }
                assertThat(s.nfe()).isEqualTo(calls).isEqualTo(3 + c.get(MultilevelEulerMaruyama.EXTRA));
                assertThat(c.get(MultilevelPoissonJumps.EVENTS)).isPositive();
            }
            double[] big;
            double[] small;
            try (Samples s = Diffusion.sampler().schedule(VP).target(TARGET).model(SYNTHETIC).integrator(jumps).grid(Grids.uniform(3)).dataType(DataType.FLOAT64).seed(9)
                    .batchSize(16).sample(16)) {
                big = s.tensor().toDoubleArray();
            }
            try (Samples s = Diffusion.sampler().schedule(VP).target(TARGET).model(SYNTHETIC).integrator(jumps).grid(Grids.uniform(3)).dataType(DataType.FLOAT64).seed(9)
                    .batchSize(5).sample(16)) {
                small = s.tensor().toDoubleArray();
            }
            assertThat(small).as(share.toString()).isEqualTo(big);
        }
    }

    @Test
    void modelsWithoutAnExactGaussianBaseAreRefused() {
        var sampler = Diffusion.sampler().schedule(VP).target(TARGET).integrator(new MultilevelPoissonJumps(1, 1, Share.BATCH)).grid(Grids.uniform(3));
        assertThatThrownBy(() -> sampler.sample(2)).hasMessageContaining("model = exact score").hasMessageContaining("needs a ModelHierarchy");
        ModelHierarchy noPilot = SyntheticHierarchy.linear(TARGET.exactScore(), 3, 2.5, 1);
        assertThatThrownBy(() -> sampler.model(noPilot).sample(2)).hasMessageContaining("no pilot differences");
        ModelHierarchy noBase = ModelHierarchy.of(noPilot.levels()).withDifferences(new double[] {1, 1, 1});
        assertThatThrownBy(() -> sampler.model(noBase).sample(2)).hasMessageContaining("model base = none is not allowed");
        double[][] coupled = {{1, 0.5, 0, 0}, {0.5, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        ModelHierarchy fullBase = noBase.withBase(Gaussian.full(new double[4], coupled).exactScore());
        assertThatThrownBy(() -> sampler.model(fullBase).sample(2)).hasMessageContaining("diagonal Gaussian");
        assertThatThrownBy(() -> new MultilevelPoissonJumps(Double.POSITIVE_INFINITY, 1, Share.BATCH)).hasMessageContaining("rate = Infinity");
        assertThatThrownBy(() -> new MultilevelPoissonJumps(0, 1, Share.BATCH)).hasMessageContaining("rate = 0");
    }

    /** Not a registered sampler: a spec naming it is told why (Gaussian-based hierarchy) and where it is built, in any case. */
    @Test
    void specNamingItIsToldItIsBuiltInCodeOnly() {
        assertThat(Integrators.registrations()).noneMatch(r -> r.name().equalsIgnoreCase("mlemPoisson"));
        assertThat(Integrators.codeOnly()).containsOnlyKeys("mlemPoisson");
        for (String spec : List.of("mlemPoisson", "MLEMPOISSON:rate=2")) {
            assertThatThrownBy(() -> Integrators.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("name = mlemPoisson is not allowed: must be a registered integrator: mlemPoisson is the grid-free")
                    .hasMessageContaining("diagonal Gaussian").hasMessageContaining("mlem-eta-plateau");
        }
        assertThatThrownBy(() -> Integrators.parse("mlemPoison")).hasMessageContaining("must be one of ddpm");
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v / a.length;
        }
        return s;
    }

    private static double variance(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m) / (a.length - 1);
        }
        return s;
    }
}
