package org.difflab.dsl.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.DiscreteSchedule;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.difflab.dsl.testing.FunctionModel;
import org.junit.jupiter.api.Test;

/**
 * The Poisson midpoint integrator against the research note (poisson_midpoint.md): the literal recursion of section 2.2,
 * the fine DDPM chain when every block is at most two fine steps, the NFE law of section 9.1 (c), the block layout,
 * and its argument checks. Exact-evaluation checks (dense = sparse in law, the toy table of section 3.1) are in
 * theory-checks' PoissonMidpointExactTest.
 */
class PoissonMidpointTest {
    private static final double MEAN = 0.3;
    private static final double VAR = 0.5;

    private static PoissonMidpoint pmm(double lambda, MidpointSelection.Rule select, MidpointSelection.Share share,
            MidpointNoise noise, OptionalInt substeps) {
        return PoissonMidpoint.diffusion(lambda, select, share, noise, Ddpm.Variance.SMALL, substeps);
    }

    private static double[][] sample(Integrator integrator, Target target, GridSpec grid, long seed, int n) {
        return sample(integrator, Schedules.ddpm(), target, grid, seed, n);
    }

    private static double[][] sample(Integrator integrator, NoiseSchedule schedule, Target target, GridSpec grid, long seed, int n) {
        try (Samples s = Diffusion.sampler().schedule(schedule).target(target).integrator(integrator).grid(grid).seed(seed)
                .dataType(DataType.FLOAT64).sample(n)) {
            return s.rows();
        }
    }

    /**
     * Blocks of K = 2 with every index selected (lambda >= K, weight 1) are the fine chain itself, because the midpoint
     * X+_1 is exactly X_1: PMM on power(T/2, 1) equals DDPM on all T training steps, path by path with the same seed,
     * in both noise forms (sparse draws the same two increments): on DDPM-1000 for Gaussian data (both variances), and
     * on a 200-step linear schedule for the 8-component ring (a nonlinear drift).
     */
    @Test
    void twoStepBlocksWithEveryIndexSelectedAreTheFineDdpmChain() {
        for (Object[] c : new Object[][] {{Schedules.ddpm(), Targets.gaussian(1, MEAN, VAR), Ddpm.Variance.SMALL},
                {Schedules.ddpm(), Targets.gaussian(1, MEAN, VAR), Ddpm.Variance.LARGE},
                {Schedules.linearBeta(1e-4, 0.1, 200), Targets.ring(8, 2, 0.01), Ddpm.Variance.SMALL}}) {
            DiscreteSchedule schedule = (DiscreteSchedule) c[0];
            Target target = (Target) c[1];
            Ddpm.Variance variance = (Ddpm.Variance) c[2];
            int t = schedule.trainingSteps();
            double[][] fine = sample(Integrators.ddpm(variance), schedule, target, Grids.uniform(t), 21, 32);
            for (MidpointNoise form : MidpointNoise.values()) {
                double[][] blocks = sample(PoissonMidpoint.diffusion(2, MidpointSelection.Rule.BERNOULLI, MidpointSelection.Share.BATCH, form,
                        variance, OptionalInt.empty()), schedule, target, Grids.power(t / 2, 1), 21, 32);
                double worst = 0;
                for (int i = 0; i < fine.length; i++) {
                    for (int j = 0; j < fine[i].length; j++) {
                        worst = Math.max(worst, Math.abs(blocks[i][j] - fine[i][j]) / (1 + Math.abs(fine[i][j])));
                    }
                }
                System.out.printf("K = 2, lambda = 2, %s, %s, %s: largest relative difference to DDPM-%d %.2e%n", form, variance, target.spec(), t,
                        worst);
                assertThat(worst).as("%s, %s on %s", form, variance, target.spec()).isLessThan(1e-12);
            }
        }
    }

    /**
     * Against note section 2.2 written out literally for one sample (midpoints by their explicit sums, the fine
     * recursion step by step, DDPM coefficients in the form of section 1.3), with scripted Gaussian and uniform
     * draws: K = 40 blocks, Bernoulli with lambda = 1 and 3, and one midpoint. Also checks that every Gaussian draw is
     * tied to its fine interval.
     */
    @Test
    void matchesTheLiteralRecursionOfTheNote() {
        DiscreteSchedule schedule = Schedules.ddpm();
        TimeGrid grid = Grids.power(25, 1).on(schedule);
        for (Object[] c : new Object[][] {{1.0, MidpointSelection.Rule.BERNOULLI}, {3.0, MidpointSelection.Rule.BERNOULLI},
                {1.0, MidpointSelection.Rule.ONE}}) {
            double lambda = (double) c[0];
            MidpointSelection.Rule select = (MidpointSelection.Rule) c[1];
            for (double x0 : new double[] {-1.3, 0.4, 2.2}) {
                Scripted noise = new Scripted(5, 6);
                double got = run(pmm(lambda, select, MidpointSelection.Share.BATCH, MidpointNoise.DENSE, OptionalInt.empty()),
                        schedule, grid, noise, x0);
                double want = literal(schedule, grid, x0, new Random(5), new Random(6), lambda, select);
                assertThat(got).as("lambda %s, %s, x0 = %s", lambda, select, x0).isCloseTo(want, within(1e-11 * (1 + Math.abs(want))));
                assertThat(noise.intervals).hasSize(999);
                for (int j = 0; j < 999; j++) {
                    assertThat(noise.intervals.get(j)).containsExactly(1000.0 - j, 999.0 - j);
                }
            }
        }
    }

    /** Note section 2.2 for one sample, data N(MEAN, VAR) with its exact eps; no code shared with the integrator. */
    private static double literal(DiscreteSchedule s, TimeGrid grid, double x, Random gauss, Random unif, double lambda,
            MidpointSelection.Rule select) {
        for (int n = 0; n < grid.steps(); n++) {
            int from = (int) grid.t(n);
            int k = from - (int) grid.t(n + 1);
            double[] a = new double[k];
            double[] g = new double[k];
            double[] gamma = new double[k];
            double[] z = new double[k];
            for (int i = 0; i < k; i++) {
                int t = from - i;
                double beta = s.beta(t);
                a[i] = 1 / Math.sqrt(1 - beta);
                g[i] = -beta / (Math.sqrt(1 - beta) * Math.sqrt(1 - s.alphaBar(t)));
                gamma[i] = Math.sqrt(beta * (1 - s.alphaBar(t - 1)) / (1 - s.alphaBar(t)));
                z[i] = gamma[i] > 0 ? gauss.nextGaussian() : 0;
            }
            double[] w = new double[k];
            if (k >= 2 && select == MidpointSelection.Rule.BERNOULLI) {
                double p = Math.min(1, lambda / k);
                for (int i = 1; i < k; i++) {
                    w[i] = unif.nextDouble() < p ? 1 / p : 0;
                }
            } else if (k >= 2) {
                int i = Math.min(k - 1, (int) (unif.nextDouble() * k));
                w[i] = i > 0 ? k : 0;
            }
            double b0 = eps(s, from, x);
            double xi = x;
            for (int i = 0; i < k; i++) {
                double drift = b0;
                if (w[i] != 0) {
                    double mid = x;
                    for (int j = 0; j < i; j++) {
                        mid = a[j] * mid;
                    }
                    for (int j = 0; j < i; j++) {
                        double carry = 1;
                        for (int l = j + 1; l < i; l++) {
                            carry *= a[l];
                        }
                        mid += carry * (g[j] * b0 + gamma[j] * z[j]);
                    }
                    drift = b0 + w[i] * (eps(s, from - i, mid) - b0);
                }
                xi = a[i] * xi + g[i] * drift + gamma[i] * z[i];
            }
            x = xi;
        }
        return x;
    }

    private static double eps(DiscreteSchedule s, int t, double x) {
        double abar = s.alphaBar(t);
        return Math.sqrt(1 - abar) * (x - Math.sqrt(abar) * MEAN) / (abar * VAR + 1 - abar);
    }

    private static double run(Integrator integrator, NoiseSchedule schedule, TimeGrid grid, NoiseStream noise, double x0) {
        try (NDManager manager = NDManager.newBaseManager()) {
            DiffusionProblem problem = new DiffusionProblem(schedule, Targets.gaussian(1, MEAN, VAR).exactScore());
            NDArray x = manager.create(new double[] {x0}, new Shape(1, 1));
            return Solve.run(integrator, problem, grid, noise, List.of(), x).x().toDoubleArray()[0];
        }
    }

    /** One row of Gaussian draws from one java.util.Random and shared uniforms from another; records the intervals. */
    private static final class Scripted implements NoiseStream {
        final List<double[]> intervals = new ArrayList<>();
        private final Random gauss;
        private final Random unif;

        Scripted(long gaussSeed, long unifSeed) {
            gauss = new Random(gaussSeed);
            unif = new Random(unifSeed);
        }

        @Override
        public int size() {
            return 1;
        }

        @Override
        public long first() {
            return 0;
        }

        @Override
        public NDArray normal(NDManager manager, Shape event, DataType type, double tFrom, double tTo) {
            intervals.add(new double[] {tFrom, tTo});
            return normal(manager, event, type);
        }

        @Override
        public NDArray normal(NDManager manager, Shape event, DataType type) {
            return manager.create(new double[] {gauss.nextGaussian()}, new Shape(1).addAll(event)).toType(type, false);
        }

        @Override
        public double[] uniform() {
            return new double[] {unif.nextDouble()};
        }

        @Override
        public double uniformShared() {
            return unif.nextDouble();
        }
    }

    /** A one-operation eps model: the NFE law does not depend on the model. */
    private static final ScoreModel CHEAP = new FunctionModel(Parameterization.EPS, new Shape(1), (x, level) -> x.mul(0.5));

    /**
     * Note section 9.1 (c): with the selection shared by the batch, a block of K fine steps costs 1 + Binomial(K - 1, 1/K)
     * evaluations, mean 2 - 1/K. 20,000 blocks each of K = 40 and K = 25 (vp, substeps = K); the mean is within
     * 4 standard errors (evaluating i = 0 too would shift it by 1/K, 3.6 and 5.7 standard errors), the extra calls
     * pass a chi-square test (p > 0.001), and the run spends steps + midpoints exactly.
     */
    @Test
    void extraEvaluationsPerBlockAreBinomial() {
        int blocks = 20_000;
        for (int k : new int[] {40, 25}) {
            PoissonMidpoint integrator = pmm(1, MidpointSelection.Rule.BERNOULLI, MidpointSelection.Share.BATCH, MidpointNoise.SPARSE,
                    OptionalInt.of(k));
            long[] perBlock = new long[blocks];
            long[] last = {0};
            Samples s = Diffusion.sampler().schedule(Schedules.vp()).model(CHEAP).integrator(integrator)
                    .grid(Grids.uniform(blocks + 1)).seed(k).observer(e -> {
                        if (e.step() < blocks) {
                            perBlock[e.step()] = e.nfe() - last[0] - 1;
                        }
                        last[0] = e.nfe();
                    }).sample(1);
            long nfe = s.nfe();
            long midpoints = s.counters().get(PoissonMidpoint.MIDPOINTS);
            s.close();
            assertThat(nfe).isEqualTo(blocks + 1 + midpoints);
            BinomialDistribution law = new BinomialDistribution(k - 1, 1.0 / k);
            double mean = 0;
            long[] observed = new long[5];
            for (long extra : perBlock) {
                mean += (1.0 + extra) / blocks;
                observed[(int) Math.min(extra, 4)]++;
            }
            double[] expected = new double[5];
            for (int m = 0; m < 4; m++) {
                expected[m] = blocks * law.probability(m);
            }
            expected[4] = blocks * (1 - law.cumulativeProbability(3));
            double se = Math.sqrt(law.getNumericalVariance() / blocks);
            double p = new ChiSquareTest().chiSquareTest(expected, observed);
            System.out.printf("K = %d: mean NFE per block %.4f (2 - 1/K = %.4f, se %.4f); extra calls 0..3, >=4: %s; chi-square p = %.3f%n", k,
                    mean, 2 - 1.0 / k, se, java.util.Arrays.toString(observed), p);
            assertThat(mean).isCloseTo(2 - 1.0 / k, within(4 * se));
            assertThat(p).isGreaterThan(1e-3);
        }
    }

    /**
     * Block layout: on a continuous schedule K equal sub-steps per grid step, and the step to t = 0 is one fine step
     * from tMin (seen through the intervals the dense draws are tied to); lambda > K caps p at 1 and is counted.
     */
    @Test
    void continuousBlocksAreEqualSubStepsAndTheLastStepStartsAtTMin() {
        NoiseSchedule vp = Schedules.vp();
        TimeGrid grid = Grids.uniform(3).on(vp); // 1, (1 + tMin)/2, tMin, 0
        Scripted noise = new Scripted(1, 2);
        PoissonMidpoint integrator = pmm(10, MidpointSelection.Rule.BERNOULLI, MidpointSelection.Share.BATCH, MidpointNoise.DENSE,
                OptionalInt.of(4));
        try (NDManager manager = NDManager.newBaseManager()) {
            DiffusionProblem problem = new DiffusionProblem(vp, Targets.gaussian(1).exactScore());
            Solve.Solution sol = Solve.run(integrator, problem, grid, noise, List.of(), manager.create(new double[] {0.5}, new Shape(1, 1)));
            assertThat(sol.nfe()).isEqualTo(3 + 3 + 3 + 0);
            assertThat(sol.counters()).containsEntry(PoissonMidpoint.MIDPOINTS, 6L).containsEntry("cappedBlocks", 2L);
        }
        assertThat(noise.intervals).hasSize(8); // the step tMin -> 0 has no noise
        for (int n = 0; n < 2; n++) {
            for (int j = 0; j < 4; j++) {
                double[] iv = noise.intervals.get(4 * n + j);
                double h = (grid.t(n + 1) - grid.t(n)) / 4;
                assertThat(iv[0]).isCloseTo(grid.t(n) + j * h, within(1e-15));
                assertThat(iv[1]).isCloseTo(grid.t(n) + (j + 1) * h, within(1e-15));
            }
        }
    }

    @Test
    void specRoundTripsAndDefaults() {
        Integrator d = Integrators.parse("poissonMidpoint");
        assertThat(d.spec()).isEqualTo("poissonMidpoint:lambda=1.0,select=bernoulli,share=batch,noise=sparse,variance=small");
        assertThat(Integrators.parse("poissonMidpoint:share=sample").spec()).contains("noise=dense");
        for (String text : new String[] {"poissonMidpoint:select=one,share=sample,variance=large,substeps=7",
                "poissonMidpoint:lambda=2.5,noise=dense"}) {
            Integrator i = Integrators.parse(text);
            assertThat(Integrators.parse(i.spec()).spec()).isEqualTo(i.spec());
        }
        assertThat(d.nfePerStep()).isEqualTo(2);
        assertThat(d.randomNfeCounter()).contains(PoissonMidpoint.MIDPOINTS);
        assertThat(Integrators.poissonMidpoint().spec()).isEqualTo(d.spec());
    }

    @Test
    void badConfigurationsAreRejectedWithParameterAndValue() {
        for (String[] c : new String[][] {{"poissonMidpoint:lambda=0", "lambda = 0"}, {"poissonMidpoint:select=two", "select = two"},
                {"poissonMidpoint:share=all", "share = all"}, {"poissonMidpoint:noise=white", "noise = white"},
                {"poissonMidpoint:share=sample,noise=sparse", "noise = sparse"}, {"poissonMidpoint:select=one,lambda=2", "lambda = 2"},
                {"poissonMidpoint:substeps=0", "substeps = 0"}, {"poissonMidpoint:variance=tiny", "variance = tiny"}}) {
            assertThatThrownBy(() -> Integrators.parse(c[0])).as(c[0]).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c[1]);
        }
        Integrator withSubsteps = Integrators.parse("poissonMidpoint:substeps=8");
        assertThatThrownBy(() -> sample(withSubsteps, Targets.gaussian(1), Grids.uniform(10), 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("substeps = 8").hasMessageContaining("discrete");
        TimeGrid fractional = new TimeGrid(Schedules.ddpm(), new double[] {1000, 500.5, 0});
        assertThatThrownBy(() -> run(Integrators.poissonMidpoint(), Schedules.ddpm(), fractional, new Scripted(1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("500.5");
    }
}
