package org.difflab.theory.convergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The next-order model recovers the order of synthetic errors whose deviation from a power law is systematic. */
class OrderFitTest {
    private static final int[] STEPS = {80, 160, 320, 640, 1280};

    private static double[] errors(double c, double p, double d, boolean exponential) {
        double[] e = new double[STEPS.length];
        for (int i = 0; i < e.length; i++) {
            double h = 1.0 / STEPS[i];
            e[i] = c * Math.pow(h, p) * (exponential ? Math.exp(d * h) : 1 + d * h);
        }
        return e;
    }

    @Test
    void recoversTheOrderOfTheModelExactly() {
        OrderFit fit = OrderFit.fit(STEPS, errors(0.3, 2, 3, true), StepProxy.STEPS);
        assertThat(fit.corrected()).isTrue();
        assertThat(fit.order()).isCloseTo(2, within(1e-9));
        assertThat(fit.nextOrder()).isCloseTo(3, within(1e-6));
    }

    @Test
    void correctedIntervalContainsTheOrderWhereThePlainOneMissesIt() {
        OrderFit fit = OrderFit.fit(STEPS, errors(0.3, 2, 3, false), StepProxy.STEPS);
        assertThat(fit.order()).isCloseTo(2, within(1e-3)); // bias from the unmodelled -D^2 h^2 / 2 of log(1 + D h)
        assertThat(fit.contains(2)).as(fit.toString()).isTrue();
        assertThat(fit.plainContains(2)).as(fit.toString()).isFalse();
        assertThat(fit.localSlopes()).hasSize(STEPS.length - 1);
    }

    @Test
    void fallsBackToThePlainSlopeWithFewPoints() {
        OrderFit fit = OrderFit.fit(new int[] {10, 20, 40}, new double[] {1e-2, 2.5e-3, 6.25e-4}, StepProxy.STEPS);
        assertThat(fit.corrected()).isFalse();
        assertThat(fit.order()).isCloseTo(2, within(1e-12)).isEqualTo(fit.plainOrder());
    }
}
