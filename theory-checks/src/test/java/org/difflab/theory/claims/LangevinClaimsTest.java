package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Langevin family: the stationary variances agree with the closed forms (36 overdamped and 12 underdamped cases),
 * the bias orders are 1, 3, 1 (the independent-noise bug) and 2 (PLMC, K = 100), and a closed form that is off by
 * 1e-3 is caught.
 */
class LangevinClaimsTest {

    private static ClaimResult check(String id) {
        ClaimResult r = Catalogue.byId(id).check();
        r.checks().stream().filter(c -> c.verdict() != Verdict.HOLDS).forEach(c -> System.out.println(id + " " + c.subject() + ": "
                + c.judgement().reason()));
        return r;
    }

    @Test
    void stationaryVariancesEqualTheClosedForms() {
        ClaimResult over = check("langevin-stationary-variance");
        ClaimResult under = check("langevin-underdamped-stationary-variance");
        assertThat(over.checks()).hasSize(36);
        assertThat(under.checks()).hasSize(12);
        assertThat(over.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(under.verdict()).isEqualTo(Verdict.HOLDS);
        // LMC's probe is exact: 1/(1 - h/2) to rounding
        assertThat(over.checks().get(1).value()).isCloseTo(1 / 0.95, within(1e-12));
        assertThat(over.chart().lines()).hasSize(2 * 9);
    }

    @Test
    void biasOrdersAreOneThreeOneAndTwo() {
        ClaimResult r = check("langevin-bias-order");
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.checks()).extracting(Check::value).satisfiesExactly(
                lmc -> assertThat(lmc).isCloseTo(1, within(0.02)),
                coupled -> assertThat(coupled).isCloseTo(3, within(0.02)),
                independent -> assertThat(independent).isCloseTo(1, within(0.02)),
                plmc -> assertThat(plmc).isBetween(1.5, 2.3));
        ClaimResult under = check("langevin-underdamped-bias-order");
        assertThat(under.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(under.checks()).extracting(Check::value).satisfiesExactly(
                ulmc -> assertThat(ulmc).isCloseTo(1, within(0.05)),
                coupled -> assertThat(coupled).isCloseTo(3, within(0.2)),
                independent -> assertThat(independent).isCloseTo(2, within(0.2)));
    }

    @Test
    void aWrongClosedFormIsViolated() {
        double h = 0.2;
        StationaryVarianceClaim wrong = new StationaryVarianceClaim("wrong-closed-form", "test", Provenance.consistency("test paper", "test place"), "LMC's variance is 1e-3 above 1/(1 - h/2)",
                List.of(new StationaryVarianceClaim.Case("lmc", h, 2, 1, "1/(1 - h/2) + 1e-3", 1 / (1 - h / 2) + 1e-3),
                        new StationaryVarianceClaim.Case("randomizedMidpoint", h, 2, 8, "(1 + h^3/6) + 1e-3",
                                org.difflab.theory.langevin.StationaryVarianceClosedForm.rlmcCoupled(h) + 1e-3)), 4000, 4, "");
        ClaimResult r = wrong.check();
        assertThat(r.checks()).extracting(Check::verdict).containsExactly(Verdict.VIOLATED, Verdict.VIOLATED);
    }

    @Test
    void badCasesAreNamed() {
        assertThatThrownBy(() -> new BiasOrderClaim.Case("lmc", new double[] {0.4, 0.2, 0.1}, 2, 1, 1, 0.1))
                .hasMessageContaining("stepSizes = [0.4, 0.2, 0.1]").hasMessageContaining("must increase");
        assertThatThrownBy(() -> new StationaryVarianceClaim.Case("nope", 0.1, 2, 1, "", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }
}
