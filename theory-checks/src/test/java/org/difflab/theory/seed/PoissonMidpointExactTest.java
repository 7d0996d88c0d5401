package org.difflab.theory.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Ddpm;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.ExactLaw;
import org.difflab.theory.metric.DiagonalGaussian;
import org.junit.jupiter.api.Test;

/**
 * The Poisson midpoint method by exact evaluation, on the oracles of poisson_midpoint.md sections 3.1 and 9.2: 1-D data
 * N(0, s^2) with its exact eps, DDPM fine chain with the posterior variance on 1000 training steps, output variance
 * over s^2 (1 for a perfect sampler). The output law is a Gaussian mixture over the random selections (one component
 * per auxiliary seed); its variance carries a sampling error over the selections, estimated from the components.
 * The note's numbers come from 300k Monte Carlo samples (about +-0.003).
 */
class PoissonMidpointExactTest {
    private static final NoiseSchedule LDM = Schedules.parse("sqrtlinear:T=1000,b0=0.0015,b1=0.0195");
    private static final NoiseSchedule LINEAR = Schedules.ddpm();
    private static final NoiseSchedule SHORT = Schedules.linearBeta(1e-4, 0.04, 250);
    private static final Integrator DDPM = Integrators.ddpm(Ddpm.Variance.SMALL);
    private static final Integrator BERNOULLI = Integrators.parse("poissonMidpoint");
    private static final Integrator ONE = Integrators.parse("poissonMidpoint:select=one");
    private static final double NOTE_ERROR = 0.003;

    /** Output variance over s^2 and its standard error over the selections. */
    private record Ratio(double value, double se) {
    }

    private static Ratio ratio(Integrator integrator, NoiseSchedule schedule, GridSpec grid, double s, int repetitions) {
        ExactLaw law = ExactEvaluator.of(integrator).target(Targets.gaussian(1, 0, s * s)).schedule(schedule).grid(grid)
                .repetitions(repetitions).auxSeed(1).evaluate();
        int n = law.components().size();
        double[] second = new double[n];
        double mean = 0;
        for (int c = 0; c < n; c++) {
            DiagonalGaussian g = law.components().get(c);
            second[c] = (g.variance(0) + g.mean(0) * g.mean(0)) / (s * s);
            mean += second[c] / n;
        }
        double sd = 0;
        for (double v : second) {
            sd += (v - mean) * (v - mean) / Math.max(1, n - 1);
        }
        Ratio r = new Ratio(law.momentMatched().variance(0) / (s * s), Math.sqrt(sd / n));
        System.out.printf("%-60s %-40s %-12s s = %.1f: variance ratio %.4f +- %.4f (NFE of the first run %d)%n", integrator.spec(),
                schedule.spec(), grid, s, r.value, r.se, law.nfe());
        return r;
    }

    private static void close(Ratio r, double note) {
        assertThat(r.value).isCloseTo(note, within(4 * Math.hypot(r.se, NOTE_ERROR)));
    }

    /**
     * Section 3.1 at s = 1, M equal blocks (Grids.power(M, 1)): PMM with about 2M evaluations lands within a few
     * percent of DDPM-1000 while DDPM with M steps is far off; each number matches the note's table.
     */
    @Test
    void equalBlocksReproduceTheToyTable() {
        Ratio fineLdm = ratio(DDPM, LDM, Grids.uniform(1000), 1, 1);
        close(fineLdm, 0.985);
        close(ratio(DDPM, LDM, Grids.power(25, 1), 1, 1), 0.764);
        Ratio pmmLdm = ratio(BERNOULLI, LDM, Grids.power(25, 1), 1, 128);
        close(pmmLdm, 1.027);
        close(ratio(ONE, LDM, Grids.power(25, 1), 1, 128), 1.000);
        close(ratio(DDPM, LDM, Grids.power(40, 1), 1, 1), 0.833);
        close(ratio(BERNOULLI, LDM, Grids.power(40, 1), 1, 128), 1.000);
        close(ratio(DDPM, LINEAR, Grids.uniform(1000), 1, 1), 0.990);
        close(ratio(BERNOULLI, LINEAR, Grids.power(25, 1), 1, 128), 1.036);
        close(ratio(DDPM, LINEAR, Grids.power(40, 1), 1, 1), 0.826);
        close(ratio(ONE, LINEAR, Grids.power(40, 1), 1, 128), 0.995);
        assertThat(Math.abs(pmmLdm.value - fineLdm.value)).isLessThan(0.06);
    }

    /**
     * Section 3.1, s = 0.1 (stiff near t = 0): with equal blocks PMM blows up (variance ratio 60 / 37 here, 72.6 / 39.4
     * in the note on the LDM schedule); quadratic blocks round(1000 (k/25)^2) (Grids.power(25, 2)) bring it back to the
     * note's 0.88 / 0.82 (LDM) and 1.06 / 0.97 (linear).
     */
    @Test
    void quadraticBlocksFixTheStiffCase() {
        assertThat(ratio(BERNOULLI, LDM, Grids.power(25, 1), 0.1, 64).value).isGreaterThan(10);
        assertThat(ratio(ONE, LDM, Grids.power(25, 1), 0.1, 64).value).isGreaterThan(10);
        assertThat(ratio(BERNOULLI, LINEAR, Grids.power(25, 1), 0.1, 64).value).isGreaterThan(3);
        close(ratio(BERNOULLI, LDM, Grids.power(25, 2), 0.1, 128), 0.88);
        close(ratio(ONE, LDM, Grids.power(25, 2), 0.1, 128), 0.82);
        close(ratio(BERNOULLI, LINEAR, Grids.power(25, 2), 0.1, 128), 1.06);
        close(ratio(ONE, LINEAR, Grids.power(25, 2), 0.1, 128), 0.97);
    }

    /**
     * Dense and sparse noise have the same law given the selection (note section 2.4): with the same auxiliary seeds
     * every mixture component agrees to 1e-10, for Bernoulli (lambda = 1 and 3) and one-midpoint selection, on DDPM-1000
     * with equal blocks and on the continuous VP schedule with sub-steps; sparse makes far fewer draws.
     */
    @Test
    void denseAndSparseNoiseHaveTheSameLaw() {
        Gaussian target = Gaussian.diagonal(new double[] {0.3, -1, 0}, new double[] {0.05, 1, 2});
        for (String options : List.of("", ",lambda=3", ",select=one", ",substeps=8")) {
            boolean continuous = options.contains("substeps");
            NoiseSchedule schedule = continuous ? Schedules.vp() : LINEAR;
            GridSpec grid = continuous ? Grids.uniform(20) : Grids.power(25, 1);
            ExactLaw dense = exact("poissonMidpoint:noise=dense" + options, target, schedule, grid);
            ExactLaw sparse = exact("poissonMidpoint:noise=sparse" + options, target, schedule, grid);
            double worst = 0;
            for (int c = 0; c < dense.components().size(); c++) {
                DiagonalGaussian a = dense.components().get(c);
                DiagonalGaussian b = sparse.components().get(c);
                for (int j = 0; j < 3; j++) {
                    worst = Math.max(worst, Math.abs(a.mean(j) - b.mean(j)) + Math.abs(a.variance(j) - b.variance(j)) / b.variance(j));
                }
            }
            System.out.printf("dense vs sparse%s: largest difference %.2e; Gaussian draws %d vs %d%n", options, worst, dense.draws(), sparse.draws());
            assertThat(worst).as(options).isLessThan(1e-10);
            assertThat(sparse.draws()).isLessThan(dense.draws() / 3);
        }
    }

    private static ExactLaw exact(String spec, Gaussian target, NoiseSchedule schedule, GridSpec grid) {
        return ExactEvaluator.of(Integrators.parse(spec)).target(target).schedule(schedule).grid(grid).repetitions(4).auxSeed(3).evaluate();
    }

    /**
     * Monte Carlo in float64, s = 1, a 250-step linear schedule (betas 1e-4..0.04) in 25 equal blocks. (1) Dense and sparse noise with
     * the same seed share the batch's selection, so both sample the same mixture component: with 50,000 samples each their
     * means and variances agree within 4 standard errors. (2) With per-sample selection the samples are draws from the whole mixture: with
     * 20,000 samples their variance matches the exact mixture within 4 standard errors (Monte Carlo and selection errors combined).
     */
    @Test
    void monteCarloAgreesWithTheLaw() {
        int n = 50_000;
        double[] dense = moments(mc("poissonMidpoint:noise=dense", n));
        double[] sparse = moments(mc("poissonMidpoint:noise=sparse", n));
        System.out.printf("Monte Carlo, shared selection: dense mean %.4f var %.4f, sparse mean %.4f var %.4f%n", dense[0], dense[1],
                sparse[0], sparse[1]);
        assertThat(dense[0] - sparse[0]).isCloseTo(0, within(4 * Math.sqrt(2 * dense[1] / n)));
        assertThat(dense[1] - sparse[1]).isCloseTo(0, within(4 * dense[1] * Math.sqrt(4.0 / n)));
        int m = 20_000; // per-sample selections evaluate the model at nearly every index of a block
        double[] perSample = moments(mc("poissonMidpoint:share=sample", m));
        Ratio exact = ratio(BERNOULLI, SHORT, Grids.power(25, 1), 1, 1024);
        System.out.printf("Monte Carlo, per-sample selection: mean %.4f, variance %.4f; exact mixture %.4f +- %.4f%n", perSample[0],
                perSample[1], exact.value, exact.se);
        assertThat(perSample[0]).isCloseTo(0, within(4 * Math.sqrt(perSample[1] / m)));
        assertThat(perSample[1]).isCloseTo(exact.value, within(4 * Math.hypot(perSample[1] * Math.sqrt(2.0 / m), exact.se)));
    }

    private static double[] mc(String spec, int n) {
        try (Samples s = Diffusion.sampler().schedule(SHORT).target(Targets.gaussian(1, 0, 1)).integrator(Integrators.parse(spec))
                .grid(Grids.power(25, 1)).dataType(DataType.FLOAT64).batchSize(n).seed(17).sample(n)) {
            return s.tensor().toDoubleArray();
        }
    }

    private static double[] moments(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / (x.length - 1);
        }
        return new double[] {mean, var};
    }
}
