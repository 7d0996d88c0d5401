package org.difflab.theory.langevin;

import static org.assertj.core.api.Assertions.assertThat;

import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.theory.convergence.OrderFit;
import org.junit.jupiter.api.Test;

/**
 * PLMC(eta, 100): the probed stationary variance equals the closed form at eta in {0.05, 0.1, 0.2, 0.4}, and |V - 1|
 * grows about as eta^2 there (claim 1 of SAMPLERS.md section 4: slope ~2 for large K). The quadratic regime is eta >> 1/K:
 * at fixed K the bias tends to LMC(eta/K)'s eta/(2K) as eta goes to 0, so the slope bends towards 1 below eta ~ 0.01 for
 * K = 100 (the closed form's local slopes are 1.95, 2.16 and 2.45 on these intervals; its plain fit is 2.18, its
 * next-order fit 1.80).
 */
class StationaryVarianceLargeKTest {
    private static final double[] ETAS = {0.05, 0.1, 0.2, 0.4};

    @Test
    void closedFormsAndQuadraticBias() {
        BiasOrder order = StationaryVariance.biasOrder(LangevinIntegrators.plmc(100), ETAS, 2, 6000, 100, 7);
        System.out.println(order);
        for (StepMapMoments m : order.points()) {
            double closed = StationaryVarianceClosedForm.plmc(m.stepSize(), 100);
            System.out.printf("  plmc:K=100 eta = %-5s V = %.7f (se %.1e)  closed form %.7f  (%+.2f se)%n", m.stepSize(), m.variance().value(),
                    m.variance().standardError(), closed, (m.variance().value() - closed) / m.variance().standardError());
            assertThat(m.variance().agreesWith(closed, 4, 1e-12)).as(m.toString()).isTrue();
        }
        OrderFit fit = order.fit();
        assertThat(fit.plainOrder()).as(fit.toString()).isBetween(1.9, 2.5);
        for (double local : fit.localSlopes()) {
            assertThat(local).as(fit.toString()).isBetween(1.7, 2.7);
        }
    }
}
