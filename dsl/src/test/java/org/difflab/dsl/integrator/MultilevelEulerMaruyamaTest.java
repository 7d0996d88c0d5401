package org.difflab.dsl.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Map;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.hierarchy.SyntheticHierarchy;
import org.difflab.dsl.noise.PerSampleNoise;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/**
 * ML-EM: with every gate open it is Euler-Maruyama with the top level bit for bit; its drift estimate is unbiased with
 * variance sum_k (1/p_k - 1) |Delta_k(x)|^2 (Monte Carlo over gates at a fixed state); the counters account for every
 * level call; bad specs are named.
 */
class MultilevelEulerMaruyamaTest {
    private static final Gaussian TARGET = Targets.gaussian(4, 1, 0.5);
    private static final double[] DELTAS = {6, 2, 1, 0.5, 0.25};
    private static final ModelHierarchy HIERARCHY = SyntheticHierarchy.linear(TARGET.exactScore(), 5, 2.5, 7).withDifferences(DELTAS);

    private static double[] sample(String spec, int steps, int n, int batch) {
        try (Samples s = Diffusion.sampler().target(TARGET).model(HIERARCHY).integrator(Integrators.parse(spec)).grid(Grids.uniform(steps))
                .dataType(DataType.FLOAT64).seed(11).batchSize(batch).sample(n)) {
            return s.tensor().toDoubleArray();
        }
    }

    @Test
    void everyGateOpenIsEulerMaruyamaWithTheTopLevelBitForBit() {
        double[] em = sample("eulerMaruyama", 40, 64, 64);
        assertThat(sample("mlem:rate=inf", 40, 64, 64)).isEqualTo(em);
        assertThat(sample("mlem:rate=1e9,share=sample", 40, 64, 64)).isEqualTo(em);
        assertThat(sample("mlem:rate=inf,lambda=0", 40, 8, 8)).isEqualTo(sample("eulerMaruyama:lambda=0", 40, 8, 8));
    }

    /**
     * The exponential form integrates f x exactly, the Euler form does not: on the probability-flow ODE (lambda = 0, same
     * initial draws) they differ by O(1/T), so doubling the steps halves the gap.
     */
    @Test
    void exponentialAndEulerFormsAgreeToFirstOrder() {
        double[] gap = new double[2];
        for (int i = 0; i < 2; i++) {
            int steps = 200 << i;
            double[] euler = sample("mlem:rate=inf,lambda=0", steps, 16, 16);
            double[] exponential = sample("mlem:rate=inf,lambda=0,form=exponential", steps, 16, 16);
            for (int j = 0; j < euler.length; j++) {
                gap[i] = Math.max(gap[i], Math.abs(euler[j] - exponential[j]));
            }
        }
        assertThat(gap[0]).isGreaterThan(1e-4);
        assertThat(gap[1] / gap[0]).isBetween(0.4, 0.6);
    }

    @Test
    void samplesDoNotDependOnTheBatchSize() {
        assertThat(sample("mlem:rate=2,share=sample", 30, 16, 16)).isEqualTo(sample("mlem:rate=2,share=sample", 30, 16, 5));
        assertThat(sample("mlem:rate=2,share=batch", 30, 16, 16)).isEqualTo(sample("mlem:rate=2,share=batch", 30, 16, 5));
    }

    /**
     * One step (the whole grid) with lambda = 0 from a fixed state x, 200,000 rows with their own gates: v = (x + f dt x - x') / (c dt)
     * has mean s^K(x) and per-coordinate variance sum_k (1/p_k - 1) Delta_k(x)^2, with level 1 always on (p_1 = 1) and
     * gated above the base (p_1 &lt; 1, Delta_1 = s^1 - s^0).
     */
    @Test
    void driftEstimateIsUnbiasedWithTheMultilevelVariance() {
        driftEstimateIsUnbiased(HIERARCHY, 1.0);
        driftEstimateIsUnbiased(HIERARCHY.withDifferences(new double[] {0.5, 2, 1, 0.5, 0.25}), 0.63);
    }

    private static void driftEstimateIsUnbiased(ModelHierarchy hierarchy, double p1) {
        int rows = 200_000;
        var schedule = Schedules.vp();
        TimeGrid grid = Grids.uniform(1).on(schedule);
        MultilevelEulerMaruyama mlem = new MultilevelEulerMaruyama(3, 0, MultilevelEulerMaruyama.Form.EULER, MultilevelEulerMaruyama.Share.SAMPLE);
        double t = grid.t(0);
        double dt = grid.t(1) - t;
        double[] p = mlem.probabilities(hierarchy, t, Math.abs(dt));
        assertThat(java.util.Arrays.stream(p).min().orElseThrow()).as(java.util.Arrays.toString(p)).isLessThan(0.05);
        assertThat(p[0]).isCloseTo(p1, within(0.01));
        double[] x0 = {0.3, -1.2, 2.0, 0.7};
        try (NDManager m = NDManager.newBaseManager()) {
            double[] rep = new double[rows * 4];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(x0, 0, rep, r * 4, 4);
            }
            NDArray x = m.create(rep, new ai.djl.ndarray.types.Shape(rows, 4));
            Solve.Solution s = Solve.run(mlem, new DiffusionProblem(schedule, hierarchy), grid,
                    new PerSampleNoise(5).open(0, rows), List.of(), x.duplicate());
            double[] out = s.x().toDoubleArray();
            double f = schedule.drift(t);
            double c = schedule.diffusionSquared(t) / 2;
            NoiseLevel level = grid.level(0);
            NDArray fixed = m.create(x0, new ai.djl.ndarray.types.Shape(1, 4));
            double[] top = hierarchy.score(5, fixed, level).toDoubleArray();
            double[] variance = new double[4];
            for (int k = 1; k <= 5; k++) {
                double[] delta = hierarchy.difference(k, fixed, level).toDoubleArray();
                for (int j = 0; j < 4; j++) {
                    variance[j] += (1 / p[k - 1] - 1) * delta[j] * delta[j];
                }
            }
            for (int j = 0; j < 4; j++) {
                double mean = 0;
                double sq = 0;
                for (int r = 0; r < rows; r++) {
                    double v = (x0[j] + f * dt * x0[j] - out[r * 4 + j]) / (c * dt);
                    mean += v / rows;
                    sq += v * v / rows;
                }
                double var = sq - mean * mean;
                assertThat(mean).as("coordinate %d", j).isCloseTo(top[j], within(5 * Math.sqrt(variance[j] / rows)));
                // the sample variance of a Bernoulli mixture: 5% relative at 200,000 rows is > 5 s.e. here
                assertThat(var).as("coordinate %d", j).isCloseTo(variance[j], within(0.05 * variance[j]));
            }
            Map<String, Long> counters = s.counters();
            long calls = 0;
            for (int k = 1; k <= 5; k++) {
                calls += counters.get("level" + k);
            }
            calls += counters.get(MultilevelEulerMaruyama.BASE);
            assertThat(counters.get(MultilevelEulerMaruyama.BASE)).isEqualTo(p1 < 1 ? 1 : 0);
            assertThat(s.nfe()).isEqualTo(calls).isEqualTo(1 + counters.get(MultilevelEulerMaruyama.EXTRA));
        }
    }

    @Test
    void countersAccountForEveryCall() {
        try (Samples s = Diffusion.sampler().target(TARGET).model(HIERARCHY).integrator(Integrators.parse("mlem:rate=2")).grid(Grids.uniform(50))
                .seed(3).batchSize(8).sample(8)) {
            Map<String, Long> c = s.counters();
            long calls = 0;
            for (int k = 1; k <= 5; k++) {
                calls += c.get("level" + k);
                assertThat(c.get("levelRows" + k)).isEqualTo(8 * c.get("level" + k));
            }
            assertThat(s.nfe()).isEqualTo(calls + c.get(MultilevelEulerMaruyama.BASE)).isEqualTo(50 + c.get(MultilevelEulerMaruyama.EXTRA));
            assertThat(c.get("level5")).isLessThan(50);
        }
    }

    @Test
    void badSpecsAreNamed() {
        assertThatThrownBy(() -> Integrators.parse("mlem:rate=0")).hasMessageContaining("rate = 0");
        assertThatThrownBy(() -> Integrators.parse("mlem:form=rk4")).hasMessageContaining("form").hasMessageContaining("euler or exponential");
        assertThatThrownBy(() -> Integrators.parse("mlem:share=row")).hasMessageContaining("share").hasMessageContaining("batch or sample");
        assertThatThrownBy(() -> HIERARCHY.withDifferences(new double[] {1, 2})).hasMessageContaining("one per level, 5");
    }
}
