package org.difflab.dsl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.SplittableRandom;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ParameterizationTest {
    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();

    /** VP levels near both ends, a mid level, and VE/EDM levels with alpha = 1, sigma > 1. */
    private static final List<NoiseLevel> LEVELS = List.of(new NoiseLevel(1, 0.999, Math.sqrt(1 - 0.999 * 0.999)),
            new NoiseLevel(2, 0.8, 0.6), new NoiseLevel(3, 0.05, Math.sqrt(1 - 0.0025)), new NoiseLevel(4, 1, 7.5));

    private static NDArray random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] v = new double[8][5];
        for (double[] row : v) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 4 * r.nextDouble() - 2;
            }
        }
        return MANAGER.get().create(v);
    }

    private static void assertClose(NDArray actual, NDArray expected, double tol, String what) {
        double[] a = actual.toDoubleArray();
        double[] e = expected.toDoubleArray();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("%s [%d]", what, i).isCloseTo(e[i], within(tol * (1 + Math.abs(e[i]))));
        }
    }

    // fromEps and toEps are inverse for every parameterisation: conversions lose nothing (float64).
    @Test
    void fromEpsThenToEpsIsTheIdentity() {
        NDArray x = random(1);
        NDArray eps = random(2);
        for (NoiseLevel level : LEVELS) {
            for (Parameterization p : Parameterization.values()) {
                NDArray pred = p.fromEps(eps, x, level);
                assertClose(p.toEps(pred, x, level), eps, 1e-12, p + " at " + level);
            }
        }
    }

    // With x = alpha x0 + sigma eps built here, every parameterisation of eps converts to the same x0,
    // and to the score -eps/sigma; V is alpha eps - sigma x0 (Salimans and Ho).
    @Test
    void conversionsAgreeWithTheForwardProcess() {
        NDArray x0 = random(3);
        NDArray eps = random(4);
        for (NoiseLevel level : LEVELS) {
            double a = level.alpha();
            double s = level.sigma();
            NDArray x = x0.mul(a).add(eps.mul(s));
            NDArray v = eps.mul(a).sub(x0.mul(s));
            assertClose(Parameterization.V.fromEps(eps, x, level), v, 1e-12, "v at " + level);
            assertClose(Parameterization.X0.fromEps(eps, x, level), x0, 1e-11 / a, "x0 at " + level);
            for (Parameterization p : Parameterization.values()) {
                NDArray pred = p.fromEps(eps, x, level);
                assertClose(p.toX0(pred, x, level), x0, 1e-11 / a, "toX0 of " + p + " at " + level);
                assertClose(p.toScore(pred, x, level), eps.div(-s), 1e-11 / s, "toScore of " + p + " at " + level);
                Prediction view = new Prediction(x, level, p, pred);
                assertClose(view.eps(), eps, 1e-11, "Prediction.eps of " + p);
                assertClose(view.x0(), x0, 1e-11 / a, "Prediction.x0 of " + p);
            }
        }
    }
}
