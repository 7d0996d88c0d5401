package org.difflab.theory.langevin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.difflab.dsl.langevin.LangevinIntegrators;
import org.junit.jupiter.api.Test;

/**
 * Underdamped samplers on the 1-D standard Gaussian (friction 2): ULMC's probed stationary position variance equals the
 * Lyapunov solution of its exact OU step and its bias is first order; Shen-Lee's underdamped randomized midpoint has a
 * third-order bias with coupled noise and a second-order one with independent noise (so coupling wins at every h), both
 * matching the quadrature oracle; PLMC on the ULMC fine chain lands near ULMC(eta/K), far below ULMC(eta).
 */
class StationaryVarianceUnderdampedTest {
    private static final double[] ULMC_ETAS = {0.05, 0.1, 0.2, 0.4};
    private static final double[] RLMC_ETAS = {0.1, 0.2, 0.4, 0.8};

    @Test
    void ulmcIsExactAndFirstOrder() {
        BiasOrder order = StationaryVariance.biasOrder(LangevinIntegrators.ulmc(), ULMC_ETAS, 2, 1, 1, 1);
        System.out.println(order);
        for (StepMapMoments m : order.points()) {
            assertThat(m.exact()).isTrue();
            assertThat(m.variance().value()).as("h = %s", m.stepSize()).isCloseTo(StationaryVarianceClosedForm.ulmc(m.stepSize(), 2), within(1e-10));
        }
        assertThat(order.fit().order()).as(order.toString()).isCloseTo(1, within(0.1));
    }

    @Test
    void randomizedMidpointCoupledIsThirdOrderAndBeatsIndependent() {
        BiasOrder coupled = StationaryVariance.biasOrder(LangevinIntegrators.parse("randomizedMidpoint:form=underdamped"), RLMC_ETAS, 2, 4000, 8, 21);
        BiasOrder independent = StationaryVariance.biasOrder(LangevinIntegrators.parse("randomizedMidpoint:form=underdamped,noise=independent"),
                RLMC_ETAS, 2, 4000, 8, 31);
        System.out.println(coupled);
        System.out.println(independent);
        for (int i = 0; i < RLMC_ETAS.length; i++) {
            double h = RLMC_ETAS[i];
            StepMapMoments c = coupled.points().get(i);
            StepMapMoments d = independent.points().get(i);
            double oracleC = StationaryVarianceClosedForm.rlmcUnderdamped(h, 2, true);
            double oracleD = StationaryVarianceClosedForm.rlmcUnderdamped(h, 2, false);
            System.out.printf("  h = %-4s coupled V = %.8f (se %.1e) oracle %.8f; independent V = %.8f (se %.1e) oracle %.8f%n", h, c.variance().value(),
                    c.variance().standardError(), oracleC, d.variance().value(), d.variance().standardError(), oracleD);
            assertThat(c.variance().agreesWith(oracleC, 4, 1e-12)).as(c.toString()).isTrue();
            assertThat(d.variance().agreesWith(oracleD, 4, 1e-12)).as(d.toString()).isTrue();
            assertThat(d.bias() - c.bias()).as("h = %s", h).isGreaterThan(10 * (c.variance().standardError() + d.variance().standardError()));
        }
        assertThat(coupled.fit().order()).as(coupled.toString()).isCloseTo(3, within(0.2));
        assertThat(independent.fit().order()).as(independent.toString()).isCloseTo(2, within(0.2));
    }

    @Test
    void poissonMidpointOnUlmcApproachesTheFineChain() {
        assertThat(StationaryVariance.probe(LangevinIntegrators.parse("plmc:K=1,form=underdamped"), 0.2, 2, 1, 1, 1).variance().value())
                .isEqualTo(StationaryVariance.probe(LangevinIntegrators.ulmc(), 0.2, 2, 1, 1, 1).variance().value());
        StepMapMoments plmc = StationaryVariance.probe(LangevinIntegrators.parse("plmc:K=10,form=underdamped"), 0.2, 2, 4000, 10, 41);
        double coarse = StationaryVarianceClosedForm.ulmc(0.2, 2) - 1;
        double fine = StationaryVarianceClosedForm.ulmc(0.02, 2) - 1;
        System.out.printf("plmc:K=10,form=underdamped at eta = 0.2: |V - 1| = %.3e (se %.1e); ULMC(0.2) %.3e, ULMC(0.02) %.3e%n", plmc.bias(),
                plmc.variance().standardError(), coarse, fine);
        assertThat(Math.abs(plmc.bias() - fine)).isLessThan(0.1 * coarse);
        // one midpoint per step, dense or sparse noise: with the lattice of K shifts the average over the midpoint is exact
        double dense = StationaryVariance.probe(LangevinIntegrators.parse("plmc:K=10,form=underdamped,select=one"), 0.2, 2, 20, 10, 5).variance().value();
        double sparse = StationaryVariance.probe(LangevinIntegrators.parse("plmc:K=10,form=underdamped,select=one,noise=sparse"), 0.2, 2, 20, 10, 5)
                .variance().value();
        assertThat(sparse).isCloseTo(dense, within(1e-12));
    }
}
