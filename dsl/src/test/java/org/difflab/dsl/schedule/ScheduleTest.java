package org.difflab.dsl.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static double rel(double expected) {
        return Math.max(Math.abs(expected), 1e-300);
    }

    // Ho et al.: abar_1 = 1 - beta_1, abar_T = prod (1 - beta_k); the product is recomputed here from the
    // paper's definition, independently of the schedule's log-sum.
    @Test
    void linearBetaAlphaBarIsTheProductOfAlphas() {
        DiscreteSchedule s = Schedules.ddpm();
        assertThat(s.alphaBar(0)).isEqualTo(1.0);
        assertThat(s.alphaBar(1)).isCloseTo(1 - 1e-4, within(1e-15));
        double prod = 1;
        for (int k = 1; k <= 1000; k++) {
            double beta = 1e-4 + (0.02 - 1e-4) * (k - 1) / 999.0;
            assertThat(s.beta(k)).isCloseTo(beta, within(1e-15));
            prod *= 1 - beta;
            if (k % 97 == 0) {
                assertThat(s.alphaBar(k)).isCloseTo(prod, within(1e-12 * prod));
            }
        }
        assertThat(s.alphaBar(1000)).isCloseTo(prod, within(1e-12 * prod));
        assertThat(prod).isCloseTo(4.04e-5, within(0.01e-5));
        // alpha(t)^2 at integer t is abar_t
        assertThat(s.alpha(1000) * s.alpha(1000)).isCloseTo(prod, within(1e-12 * prod));
    }

    // Variance preserving: alpha^2 + sigma^2 = 1 at every (also non-integer) time.
    @Test
    void variancePreservingSchedulesKeepUnitVariance() {
        List<NoiseSchedule> vp = List.of(Schedules.ddpm(), Schedules.cosine(1000), Schedules.sqrtLinear(1000),
                Schedules.li(400, 2, 6), Schedules.vp());
        for (NoiseSchedule s : vp) {
            for (int i = 0; i <= 300; i++) {
                double t = s.tMax() * i / 300.0 * 0.999_37;
                double a = s.alpha(t);
                double sg = s.sigma(t);
                assertThat(a * a + sg * sg).as("%s at t=%s", s, t).isCloseTo(1.0, within(1e-13));
            }
            assertThat(s.priorStd()).isEqualTo(1.0);
        }
    }

    // Between indices ln abar is linear, so abar(k + w) = abar_k^(1-w) abar_{k+1}^w.
    @Test
    void discreteSchedulesInterpolateLogAlphaBarLinearly() {
        DiscreteSchedule s = Schedules.ddpm();
        for (int k : new int[] {0, 1, 10, 500, 999}) {
            for (double w : new double[] {0.1, 0.3, 0.5, 0.9}) {
                double expected = Math.pow(s.alphaBar(k), 1 - w) * Math.pow(s.alphaBar(k + 1), w);
                double a = s.alpha(k + w);
                assertThat(a * a).isCloseTo(expected, within(1e-12 * expected));
            }
        }
        // monotone between indices
        assertThat(s.alpha(10.25)).isLessThan(s.alpha(10)).isGreaterThan(s.alpha(11));
    }

    /** Checks f = d ln alpha/dt and g^2 = d sigma^2/dt - 2 f sigma^2 by central differences at t. */
    private static void assertSdeCoefficients(NoiseSchedule s, double t, double h, double tol) {
        double f = (Math.log(s.alpha(t + h)) - Math.log(s.alpha(t - h))) / (2 * h);
        double sp = s.sigma(t + h);
        double sm = s.sigma(t - h);
        double st = s.sigma(t);
        double g2 = (sp * sp - sm * sm) / (2 * h) - 2 * f * st * st;
        assertThat(s.drift(t)).as("drift of %s at %s", s, t).isCloseTo(f, within(tol * (1 + Math.abs(f))));
        assertThat(s.diffusionSquared(t)).as("g^2 of %s at %s", s, t).isCloseTo(g2, within(tol * (1 + Math.abs(g2))));
    }

    // The forward SDE coefficients must be the derivatives of the declared (alpha, sigma); a mismatch would
    // make the reverse SDE / probability-flow ODE sample the wrong marginals.
    @Test
    void driftAndDiffusionMatchFiniteDifferencesOnContinuousSchedules() {
        for (int i = 1; i < 20; i++) {
            double u = i / 20.0;
            assertSdeCoefficients(Schedules.vp(), u, 1e-5, 1e-7);
            assertSdeCoefficients(Schedules.ve(), u, 1e-6, 1e-6);
            assertSdeCoefficients(Schedules.edm(), 80 * u, 1e-4, 1e-7);
        }
    }

    // Discrete schedules: f and g^2 are piecewise constant, exact derivatives inside each (k-1, k).
    @Test
    void driftAndDiffusionArePiecewiseDerivativesOnDiscreteSchedules() {
        for (DiscreteSchedule s : List.of(Schedules.ddpm(), Schedules.cosine(1000), Schedules.li(200, 2, 6))) {
            int n = s.trainingSteps();
            for (int k : new int[] {1, 2, n / 3, n / 2, n - 1, n}) {
                assertSdeCoefficients(s, k - 0.5, 1e-3, 1e-8);
                assertThat(s.drift(k - 0.5)).isCloseTo(0.5 * Math.log(1 - s.beta(k)), within(1e-15));
                assertThat(s.drift(k)).isEqualTo(s.drift(k - 0.5)); // (k-1, k] belongs to beta_k
            }
        }
    }

    // Nichol & Dhariwal eq. 17: abar(t) = f(t)/f(0), f(t) = cos^2(((t/T + s)/(1 + s)) pi/2), wherever the
    // beta clip at 0.999 is inactive.
    @Test
    void cosineMatchesClosedForm() {
        int n = 1000;
        double s = 0.008;
        CosineSchedule c = Schedules.cosine(n);
        java.util.function.IntToDoubleFunction f = t -> Math.pow(Math.cos(((double) t / n + s) / (1 + s) * Math.PI / 2), 2);
        int checked = 0;
        for (int k = 1; k <= n; k++) {
            if (1 - f.applyAsDouble(k) / f.applyAsDouble(k - 1) >= 0.999) {
                break; // clipped from here on
            }
            double expected = f.applyAsDouble(k) / f.applyAsDouble(0);
            assertThat(c.alphaBar(k)).as("abar_%d", k).isCloseTo(expected, within(1e-10 * expected));
            checked++;
        }
        assertThat(checked).isGreaterThan(990);
        assertThat(c.spec()).isEqualTo("cosine:T=1000,s=0.008");
    }

    // Latent-diffusion schedule: sqrt(beta) is linear from sqrt(b0) to sqrt(b1).
    @Test
    void sqrtLinearBetas() {
        SqrtLinearSchedule s = Schedules.sqrtLinear(1000);
        assertThat(s.beta(1)).isCloseTo(0.00085, within(1e-15));
        assertThat(s.beta(1000)).isCloseTo(0.012, within(1e-15));
        double r0 = Math.sqrt(0.00085);
        double r1 = Math.sqrt(0.012);
        for (int k = 1; k <= 1000; k += 37) {
            double r = r0 + (r1 - r0) * (k - 1) / 999.0;
            assertThat(s.beta(k)).isCloseTo(r * r, within(1e-15));
        }
    }

    // Li et al. (eq. 22): beta_1 = T^-c0, beta_{t+1} = (c1 ln T/T) min(beta_1 (1 + c1 ln T/T)^t, 1).
    @Test
    void liScheduleFollowsItsRecursion() {
        for (int n : new int[] {100, 400, 1000}) {
            LiSchedule s = Schedules.li(n, 2, 6);
            double rate = 6 * Math.log(n) / n;
            double b1 = Math.pow(n, -2.0);
            assertThat(s.beta(1)).isCloseTo(b1, within(1e-18));
            for (int t = 1; t < n; t++) {
                double expected = rate * Math.min(b1 * Math.pow(1 + rate, t), 1);
                assertThat(s.beta(t + 1)).isCloseTo(expected, within(1e-14 * expected));
            }
            assertThat(s.tMin()).isEqualTo(1);
        }
    }

    // Lemma 7-style properties used in the convergence proofs: alpha_t >= 1/2 for every t and
    // abar_T <= T^(-c1/2), i.e. the chain reaches the prior, for every T in 100..1000 (c0 = 2, c1 = 6).
    @Test
    void liScheduleSatisfiesLemma7Properties() {
        for (int n = 100; n <= 1000; n++) {
            LiSchedule s = Schedules.li(n, 2, 6);
            for (int t = 1; t <= n; t++) {
                assertThat(s.alphaStep(t)).isGreaterThanOrEqualTo(0.5);
            }
            assertThat(s.alphaBar(n)).as("T=%d", n).isLessThanOrEqualTo(Math.pow(n, -3.0));
        }
    }

    // timeOfLambda inverts lambda: the log-SNR and Karras grids depend on it.
    @Test
    void timeOfLambdaInvertsLambda() {
        for (NoiseSchedule s : List.of(Schedules.ddpm(), Schedules.cosine(1000), Schedules.li(400, 2, 6),
                Schedules.vp(), Schedules.ve(), Schedules.edm())) {
            for (int i = 0; i <= 40; i++) {
                double t = s.tMin() + (s.tMax() - s.tMin()) * i / 40.0 * 0.9973;
                double back = s.timeOfLambda(s.lambda(t));
                assertThat(back).as("%s at t=%s", s, t).isCloseTo(t, within(1e-9 * s.tMax()));
                assertThat(s.lambda(t)).isCloseTo(Math.log(s.alpha(t) / s.sigma(t)), within(1e-9));
            }
        }
    }

    // Every documented spec parses, and spec() rebuilds an identical schedule.
    @Test
    void everyDocumentedSpecRoundTrips() {
        Map<String, String> specs = Schedules.specs();
        assertThat(specs).hasSize(7);
        for (String text : specs.keySet()) {
            NoiseSchedule s = Schedules.parse(text);
            assertThat(text).startsWith(s.name() + ":");
            NoiseSchedule again = Schedules.parse(s.spec());
            assertThat(again.spec()).isEqualTo(s.spec());
            assertThat(again.getClass()).isEqualTo(s.getClass());
            for (int i = 0; i <= 10; i++) {
                double t = s.tMax() * i / 10.0;
                assertThat(again.alpha(t)).isEqualTo(s.alpha(t));
                assertThat(again.sigma(t)).isEqualTo(s.sigma(t));
            }
        }
        // defaults: a bare name gives the documented default
        assertThat(Schedules.parse("linear").spec()).isEqualTo(Schedules.ddpm().spec());
        assertThat(Schedules.parse(" LI:T=100 ").spec()).isEqualTo("li:T=100,c0=2.0,c1=6.0");
    }
}
