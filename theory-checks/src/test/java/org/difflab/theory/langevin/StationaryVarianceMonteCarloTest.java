package org.difflab.theory.langevin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.theory.montecarlo.Estimate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain Monte Carlo with the real sampler agrees with the closed forms: 40,000 chains from N(0, 1) on the 1-D standard
 * Gaussian, 30 steps of h = 0.4 (horizon 12; the initial error has decayed below 10^-5), sample variance within 4
 * standard errors (research note section 9.1 (a), at the step size where the samplers differ most).
 */
class StationaryVarianceMonteCarloTest {
    private static final double H = 0.4;

    static Stream<Arguments> samplers() {
        return Stream.of(
                Arguments.of("lmc", StationaryVarianceClosedForm.lmc(H)),
                Arguments.of("randomizedMidpoint", StationaryVarianceClosedForm.rlmcCoupled(H)),
                Arguments.of("randomizedMidpoint:noise=independent", StationaryVarianceClosedForm.rlmcIndependent(H)),
                Arguments.of("plmc:K=4", StationaryVarianceClosedForm.plmc(H, 4)),
                Arguments.of("plmc:K=4,select=one,noise=sparse", StationaryVarianceClosedForm.plmcOne(H, 4)),
                Arguments.of("ulmc", StationaryVarianceClosedForm.ulmc(H, 2)),
                Arguments.of("randomizedMidpoint:form=underdamped", StationaryVarianceClosedForm.rlmcUnderdamped(H, 2, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void sampleVarianceMatchesClosedForm(String spec, double closed) {
        Estimate v = StationaryVariance.monteCarlo(LangevinIntegrators.parse(spec), H, 40_000, 30, 3);
        System.out.printf("Monte Carlo %-40s h = %s: s^2 = %.5f (se %.5f), closed form %.5f (%+.2f se)%n", spec, H, v.value(), v.standardError(), closed,
                (v.value() - closed) / v.standardError());
        assertThat(v.agreesWith(closed, 4, 0)).as(v.toString()).isTrue();
    }
}
