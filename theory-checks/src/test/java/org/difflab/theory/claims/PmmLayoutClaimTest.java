package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The block-layout table of the Poisson midpoint method over data scale (exact W2 to the data), on two of its scales:
 * quadratic blocks win at scale 0.2, uniform ones at scale 1; the claim has a mutant (roles swapped; ControlsTest runs it);
 * bad setups are named.
 */
class PmmLayoutClaimTest {

    @Test
    void theLayoutToChooseDependsOnTheScale() {
        PmmLayoutClaim full = (PmmLayoutClaim) Catalogue.byId("pmm-block-layout-by-scale");
        ClaimResult r = new PmmLayoutClaim(full.id(), new double[] {1, 0.2}, full.blocks(), new double[] {1, 2}, full.pmm(), false).check();
        for (List<String> row : r.tables().get(0).rows()) {
            System.out.println(String.join(" | ", row));
        }
        r.checks().forEach(c -> System.out.println(c.subject() + " " + c.quantity() + " = " + c.value() + " " + c.verdict() + ": "
                + c.judgement().reason()));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.tables().get(0).rows()).hasSize(2);
        // scale 0.2: uniform 5.55e-2 against quadratic 4.32e-3; scale 1: uniform 1.94e-2 against quadratic 9.79e-2
        assertThat(r.checks().get(0).value()).isGreaterThan(0.04);
        assertThat(r.checks().get(1).value()).isGreaterThan(0.05);
        assertThat(Catalogue.entry("pmm-block-layout-by-scale").mutants()).hasSize(1);
    }

    @Test
    void badSetupsAreNamed() {
        assertThatThrownBy(() -> new PmmLayoutClaim("x", new double[] {0.5, 0.1}, 25, new double[] {1, 2}, "poissonMidpoint", false))
                .hasMessageContaining("scales = [0.5, 0.1]");
        assertThatThrownBy(() -> new PmmLayoutClaim("x", new double[] {1, 0.1}, 25, new double[] {1, 3}, "poissonMidpoint", false))
                .hasMessageContaining("powers including 1 and 2");
    }
}
