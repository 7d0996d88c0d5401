package org.difflab.dsl.langevin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OU coefficients against 40-digit values (mpmath) to 1e-12 relative, across the switch between series and closed forms. */
class OrnsteinUhlenbeckTest {

    /** gamma = 1, so x = s: Var(G | H)/s = (1 - e^{-2x})/(2x) - ((1 - e^{-x})/x)^2 and phi2(s) = x + expm1(-x). */
    @ParameterizedTest
    @CsvSource({
            "1e-6, 8.3333250000047214661e-14, 4.9999983333337495474e-13",
            "0.001, 8.3250047202784178283e-8, 4.9983337499166807616e-7",
            "0.01, 8.2504702841589381379e-6, 0.000049833749168053575977",
            "0.049, 0.00019054607152140475842, 0.0011811296985048534521",
            "0.05, 0.0001982058277822758196, 0.0012294245007140092268",
            "0.2, 0.0027363879190121632991, 0.018730753077981860682",
            "5, 0.060532679769760089489, 4.0067379469990854671"})
    void coefficientsAreAccurate(double s, double conditional, double phi2) {
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(1);
        assertThat(ou.conditionalVariance(s) / s).isCloseTo(conditional, within(1e-12 * conditional));
        assertThat(ou.phi2(s)).isCloseTo(phi2, within(1e-13 * phi2));
    }

    /** The note's (section 1.2) covariance, and its composition Sigma(s + r) = A_r Sigma(s) A_r^T + Sigma(r). */
    @Test
    void noiseCovarianceMatchesTheNoteAndComposes() {
        double gamma = 2;
        double s = 0.3;
        double r = 0.45;
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(gamma);
        double e = Math.exp(-gamma * s);
        double[][] c = ou.noiseCovariance(s);
        assertThat(c[0][0]).isCloseTo(2 / gamma * (s - 2 * (1 - e) / gamma + (1 - e * e) / (2 * gamma)), within(1e-15));
        assertThat(c[0][1]).isCloseTo((1 - e) * (1 - e) / gamma, within(1e-15));
        assertThat(c[1][1]).isCloseTo(1 - e * e, within(1e-15));
        double[][] a = {{1, ou.phi1(r)}, {0, ou.decay(r)}};
        double[][] cr = ou.noiseCovariance(r);
        double[][] total = ou.noiseCovariance(s + r);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double v = cr[i][j];
                for (int p = 0; p < 2; p++) {
                    for (int q = 0; q < 2; q++) {
                        v += a[i][p] * c[p][q] * a[j][q];
                    }
                }
                assertThat(v).as("entry %d %d", i, j).isCloseTo(total[i][j], within(1e-14));
            }
        }
    }
}
