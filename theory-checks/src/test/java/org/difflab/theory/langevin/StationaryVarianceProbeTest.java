package org.difflab.theory.langevin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.theory.montecarlo.Estimate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The probed stationary variance of the real samplers on the 1-D standard Gaussian equals the closed forms of research
 * note section 9.1 (claim 1 of SAMPLERS.md section 4): LMC exactly, randomized midpoint (coupled and independent noise)
 * and PLMC(eta, K), K in {2, 4, 10}, within 4 standard errors, E[c], E[c^2] and E[N^2] included. Auxiliary draws come
 * in lattice-and-antithetic tuples (lattice 8 for the random midpoint, K for Bernoulli(1/K) selections). K = 100 is in
 * {@link StationaryVarianceLargeKTest}.
 */
class StationaryVarianceProbeTest {
    private static final double[] ETAS = {0.05, 0.1, 0.2, 0.4};
    private static final int R = 20_000;
    private static final List<String> TABLE = new ArrayList<>();

    @AfterAll
    static void print() {
        System.out.println("stationary variance, probe (R = " + R + " realisations in lattice/antithetic tuples) vs closed form:");
        TABLE.forEach(System.out::println);
    }

    private static void record(String what, double eta, Estimate v, double closed) {
        TABLE.add(String.format("  %-40s eta = %-5s V = %.7f (se %.1e)  closed form %.7f  %s", what, eta, v.value(), v.standardError(), closed,
                v.standardError() < 1e-12 ? "(exact average)" : String.format("(%+.2f se)", (v.value() - closed) / v.standardError())));
    }

    static Stream<Double> etas() {
        return Stream.of(0.05, 0.1, 0.2, 0.4);
    }

    @ParameterizedTest(name = "eta = {0}")
    @MethodSource("etas")
    void lmcIsExact(double eta) {
        StepMapMoments m = StationaryVariance.probe(LangevinIntegrators.lmc(), eta, R, 1);
        record("lmc", eta, m.variance(), StationaryVarianceClosedForm.lmc(eta));
        assertThat(m.exact()).isTrue();
        assertThat(m.variance().value()).isCloseTo(StationaryVarianceClosedForm.lmc(eta), within(1e-12));
        assertThat(m.c().value()).isCloseTo(1 - eta, within(1e-15));
        assertThat(m.noiseSquared().value()).isCloseTo(2 * eta, within(1e-15));
    }

    @ParameterizedTest(name = "eta = {0}")
    @MethodSource("etas")
    void randomizedMidpoint(double eta) {
        StepMapMoments coupled = StationaryVariance.probe(LangevinIntegrators.parse("randomizedMidpoint"), eta, 2, R, 8, 2);
        StepMapMoments independent = StationaryVariance.probe(LangevinIntegrators.parse("randomizedMidpoint:noise=independent"), eta, 2, R, 8, 3);
        record("randomizedMidpoint (coupled)", eta, coupled.variance(), StationaryVarianceClosedForm.rlmcCoupled(eta));
        record("randomizedMidpoint:noise=independent", eta, independent.variance(), StationaryVarianceClosedForm.rlmcIndependent(eta));
        assertThat(coupled.variance().agreesWith(StationaryVarianceClosedForm.rlmcCoupled(eta), 4, 1e-12)).as(coupled.toString()).isTrue();
        assertThat(independent.variance().agreesWith(StationaryVarianceClosedForm.rlmcIndependent(eta), 4, 1e-12)).as(independent.toString()).isTrue();
        // the bug is worse than plain LMC at every step size
        assertThat(independent.bias()).isGreaterThan(StationaryVarianceClosedForm.lmc(eta) - 1);
    }

    static Stream<Arguments> plmcGrid() {
        return Stream.of(2, 4, 10).flatMap(k -> etas().map(eta -> Arguments.of(k, eta)));
    }

    @ParameterizedTest(name = "K = {0}, eta = {1}")
    @MethodSource("plmcGrid")
    void poissonMidpoint(int k, double eta) {
        StepMapMoments m = StationaryVariance.probe(LangevinIntegrators.plmc(k), eta, 2, R, k, 10L * k + Math.round(100 * eta));
        double closed = StationaryVarianceClosedForm.plmc(eta, k);
        record("plmc:K=" + k, eta, m.variance(), closed);
        assertThat(m.variance().agreesWith(closed, 4, 1e-12)).as(m.toString()).isTrue();
        assertThat(m.c().agreesWith(StationaryVarianceClosedForm.plmcMeanC(eta, k), 4, 1e-12)).as("E[c] " + m.c()).isTrue();
        assertThat(m.cSquared().agreesWith(StationaryVarianceClosedForm.plmcMeanCSquared(eta, k), 4, 1e-12)).as("E[c^2] " + m.cSquared()).isTrue();
        assertThat(m.noiseSquared().agreesWith(StationaryVarianceClosedForm.plmcMeanNoiseSquared(eta, k), 4, 1e-12))
                .as("E[N^2] " + m.noiseSquared()).isTrue();
    }

    /** One uniform midpoint per step, dense and sparse noise (a Brownian bridge at each chain's sub-index): the same law. */
    @ParameterizedTest(name = "eta = {0}")
    @MethodSource("etas")
    void oneMidpointDenseAndSparse(double eta) {
        double closed = StationaryVarianceClosedForm.plmcOne(eta, 4);
        for (String spec : new String[] {"plmc:K=4,select=one", "plmc:K=4,select=one,noise=sparse"}) {
            StepMapMoments m = StationaryVariance.probe(LangevinIntegrators.parse(spec), eta, 2, 2000, 4, 5);
            record(spec, eta, m.variance(), closed);
            assertThat(m.variance().agreesWith(closed, 4, 1e-12)).as(m.toString()).isTrue();
        }
    }
}
