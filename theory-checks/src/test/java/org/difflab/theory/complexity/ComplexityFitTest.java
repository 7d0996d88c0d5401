package org.difflab.theory.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The power-law fit recovers known exponents from exact T = C d^a eps^-b values. */
class ComplexityFitTest {

    @Test
    void recoversExponentsOfAnExactPowerLaw() {
        int[] dims = {1, 4, 16, 64};
        double[] eps = {1e-1, 3e-2, 1e-2};
        double c = 7.5;
        double a = 0.5;
        double b = 1.0 / 3;
        int n = dims.length * eps.length;
        double[] d = new double[n];
        double[] e = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = dims[i / eps.length];
            e[i] = eps[i % eps.length];
            t[i] = c * Math.pow(d[i], a) * Math.pow(e[i], -b);
        }
        ComplexityFit fit = ComplexityFit.of(d, e, t);
        assertThat(fit.a()).isCloseTo(a, within(1e-9));
        assertThat(fit.b()).isCloseTo(b, within(1e-9));
        assertThat(Math.exp(fit.logC())).isCloseTo(c, within(1e-8));
        assertThat(fit.points()).isEqualTo(n);
        assertThat(fit.aUpper() - fit.aLower()).isLessThan(1e-9);
    }

    @Test
    void rejectsUnidentifiableDesigns() {
        assertThatThrownBy(() -> ComplexityFit.of(new double[] {4, 4, 4, 4}, new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 distinct dims");
        assertThatThrownBy(() -> ComplexityFit.of(new double[] {1, 2}, new double[] {0.1, 0.2}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need >= 4 points");
    }
}
