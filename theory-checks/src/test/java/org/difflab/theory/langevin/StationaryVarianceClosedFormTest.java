package org.difflab.theory.langevin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The oracles themselves: the table of research note section 9.1 to 1e-6, their limits, and the underdamped forms. */
class StationaryVarianceClosedFormTest {

    @ParameterizedTest(name = "eta = {0}")
    @CsvSource({
            "0.05, 1.025641, 1.002506, 1.012987, 1.006876, 1.003281, 1.001150, 1.000914, 1.000022, 1.052585",
            "0.1,  1.052632, 1.005025, 1.027023, 1.015176, 1.008391, 1.004440, 1.004007, 1.000184, 1.110702",
            "0.2,  1.111111, 1.010101, 1.058755, 1.037219, 1.025946, 1.019812, 1.019160, 1.001629, 1.245928",
            "0.4,  1.250000, 1.020408, 1.141304, 1.113888, 1.107909, 1.108585, 1.108871, 1.015936, 1.613546"})
    void tableOfTheNote(double eta, double lmc, double lmcFine, double k2, double k4, double k10, double k100, double kInf, double rlmc,
            double rlmcUncoupled) {
        assertThat(StationaryVarianceClosedForm.lmc(eta)).isCloseTo(lmc, within(1e-6));
        assertThat(StationaryVarianceClosedForm.lmc(eta / 10)).isCloseTo(lmcFine, within(1e-6));
        assertThat(StationaryVarianceClosedForm.plmc(eta, 2)).isCloseTo(k2, within(1e-6));
        assertThat(StationaryVarianceClosedForm.plmc(eta, 4)).isCloseTo(k4, within(1e-6));
        assertThat(StationaryVarianceClosedForm.plmc(eta, 10)).isCloseTo(k10, within(1e-6));
        assertThat(StationaryVarianceClosedForm.plmc(eta, 100)).isCloseTo(k100, within(1e-6));
        assertThat(StationaryVarianceClosedForm.plmcLimit(eta)).isCloseTo(kInf, within(1e-6));
        assertThat(StationaryVarianceClosedForm.rlmcCoupled(eta)).isCloseTo(rlmc, within(1e-6));
        assertThat(StationaryVarianceClosedForm.rlmcIndependent(eta)).isCloseTo(rlmcUncoupled, within(1e-6));
    }

    @ParameterizedTest(name = "eta = {0}")
    @CsvSource({"0.05", "0.1", "0.2", "0.4"})
    void limitsAgree(double eta) {
        assertThat(StationaryVarianceClosedForm.plmc(eta, 1)).isCloseTo(StationaryVarianceClosedForm.lmc(eta), within(1e-14));
        assertThat(StationaryVarianceClosedForm.plmc(eta, 1_000_000)).isCloseTo(StationaryVarianceClosedForm.plmcLimit(eta), within(1e-6));
        assertThat(StationaryVarianceClosedForm.plmcOne(eta, 1)).isCloseTo(StationaryVarianceClosedForm.lmc(eta), within(1e-14));
        assertThat(StationaryVarianceClosedForm.plmcOne(eta, 1_000_000)).isCloseTo(StationaryVarianceClosedForm.rlmcCoupled(eta), within(1e-6));
        // the leading terms the note quotes: 1 + h/2, 1 + h^3/6, 1 + h, 1 + eta^2/3
        double small = eta / 100;
        assertThat((StationaryVarianceClosedForm.lmc(small) - 1) / (small / 2)).isCloseTo(1, within(small));
        assertThat((StationaryVarianceClosedForm.rlmcCoupled(small) - 1) / (small * small * small / 6)).isCloseTo(1, within(2 * small));
        assertThat((StationaryVarianceClosedForm.rlmcIndependent(small) - 1) / small).isCloseTo(1, within(2 * small));
        assertThat((StationaryVarianceClosedForm.plmcLimit(small) - 1) / (small * small / 3)).isCloseTo(1, within(2 * small));
    }

    /** Underdamped oracles against a separate numpy implementation of the same derivation (Lyapunov solve; 60-point quadrature over alpha), gamma = 2. */
    @ParameterizedTest(name = "h = {0}")
    @CsvSource({
            "0.05, 0.012655560538579858, 2.6052950512500672e-06, 0.0008159073387246085",
            "0.1,  0.02561921436052428,  2.0864449035151722e-05, 0.0031999014015953176",
            "0.2,  0.05245032934731686,  0.0001673909921864336,  0.012352157133292296",
            "0.4,  0.1095786334201323,   0.0013440924912686558,  0.046631868055065695"})
    void underdampedOracles(double h, double ulmc, double coupled, double independent) {
        assertThat(StationaryVarianceClosedForm.ulmc(h, 2) - 1).isCloseTo(ulmc, within(1e-12));
        assertThat(StationaryVarianceClosedForm.rlmcUnderdamped(h, 2, true) - 1).isCloseTo(coupled, within(1e-12));
        assertThat(StationaryVarianceClosedForm.rlmcUnderdamped(h, 2, false) - 1).isCloseTo(independent, within(1e-12));
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> StationaryVarianceClosedForm.plmc(0.1, 0)).hasMessageContaining("K = 0");
        assertThatThrownBy(() -> StationaryVarianceClosedForm.lmc(-1)).hasMessageContaining("h = -1.0");
        assertThatThrownBy(() -> StationaryVarianceClosedForm.ulmc(0.1, 0)).hasMessageContaining("friction = 0.0");
    }
}
