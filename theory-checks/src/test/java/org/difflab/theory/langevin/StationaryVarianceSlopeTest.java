package org.difflab.theory.langevin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.theory.convergence.OrderFit;
import org.junit.jupiter.api.Test;

/**
 * How the stationary variance's bias |V - 1| on the 1-D standard Gaussian scales with the step size (claim 1 of
 * SAMPLERS.md section 4): order 1 for LMC, 3 for the coupled randomized midpoint, 1 for its independent-noise bug.
 * Fits of log |V - 1| = a + p log h + c h ({@link OrderFit}) over h = 0.025 .. 0.4; the closed forms' own fits over these
 * points are 0.99, 3.00 and 0.99. PLMC with large K is in {@link StationaryVarianceLargeKTest}.
 */
class StationaryVarianceSlopeTest {
    private static final double[] ETAS = {0.025, 0.05, 0.1, 0.2, 0.4};

    private static OrderFit fit(String spec, double expected, double tolerance) {
        BiasOrder order = StationaryVariance.biasOrder(LangevinIntegrators.parse(spec), ETAS, 2, 4000, 8, 11);
        System.out.println(order);
        assertThat(order.fit().order()).as(order.toString()).isCloseTo(expected, within(tolerance));
        return order.fit();
    }

    @Test
    void lmcIsFirstOrder() {
        fit("lmc", 1, 0.05);
    }

    @Test
    void coupledRandomizedMidpointIsThirdOrder() {
        OrderFit f = fit("randomizedMidpoint", 3, 0.1);
        assertThat(f.contains(3)).as(f.toString()).isTrue();
    }

    @Test
    void independentNoiseFallsBackToFirstOrder() {
        fit("randomizedMidpoint:noise=independent", 1, 0.1);
    }
}
