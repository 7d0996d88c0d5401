package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ML-EM claims on the synthetic hierarchies: EM with the top level pays eps^-(gamma+1); ML-EM pays a few top-level
 * calls per sample whatever eps, so its speedup at equal error grows as eps falls; at fixed rates its cost plateaus in
 * the step count and the Poisson-jump limit sits on the plateau.
 */
class MultilevelClaimsTest {

    /**
     * Every gate open is EM bit for bit; over gates the estimate is unbiased with the multilevel variance, at gate
     * probabilities that span clamped (1) to rare (&lt; 0.1) levels.
     */
    @Test
    void estimatorIsEulerMaruyamaWhenOpenAndUnbiasedWithTheMultilevelVarianceOtherwise() {
        ClaimResult r = Catalogue.byId("mlem-estimator").check();
        for (List<String> row : r.tables().get(1).rows()) {
            double[] p = java.util.Arrays.stream(row.get(1).split(", ")).mapToDouble(Double::parseDouble).toArray();
            assertThat(p[0]).as("p_1 at t = %s", row.get(0)).isEqualTo(1.0);
            assertThat(p[p.length - 1]).as("p_K at t = %s", row.get(0)).isLessThan(0.01);
        }
        for (Check c : r.checks()) {
            assertThat(c.verdict()).as(c.subject() + " " + c.quantity() + ": " + c.judgement().reason()).isEqualTo(Verdict.HOLDS);
        }
        assertThat(r.checks()).hasSize(4 + 2 * 3);
    }

    @Test
    void costExponentsAndSpeedup() {
        for (String id : List.of("mlem-cost-exponent-gamma-2p5", "mlem-cost-exponent-gamma-3")) {
            MultilevelCostClaim claim = (MultilevelCostClaim) Catalogue.byId(id);
            ClaimResult r = claim.check();
            Check ml = r.checks().get(0);
            Check em = r.checks().get(1);
            assertThat(em.verdict()).as(em.judgement().reason()).isEqualTo(Verdict.HOLDS);
            assertThat(em.lower()).isLessThanOrEqualTo(-(claim.gamma() + 1)).as(em.judgement().reason());
            // ML-EM's slope is well above EM's: a whole power of eps is saved (within the tolerance of gamma)
            assertThat(ml.value() - em.value()).as(ml.judgement().reason()).isGreaterThan(0.5);
            assertThat(Math.abs(ml.value() + claim.gamma())).as(ml.judgement().reason()).isLessThan(0.35);
            List<List<String>> rows = r.tables().get(0).rows();
            assertThat(rows).hasSize(claim.toLevels() - claim.fromLevels() + 1);
            for (List<String> row : rows) {
                assertThat(Double.parseDouble(row.get(7))).as("top-level calls per sample at K = %s", row.get(0)).isBetween(1.0, 10.0);
            }
            double first = Double.parseDouble(rows.get(0).get(8));
            double last = Double.parseDouble(rows.get(rows.size() - 1).get(8));
            assertThat(last).as("speedup at the smallest eps").isGreaterThan(10).isGreaterThan(5 * first);
        }
    }

    @Test
    void costAndDistancePlateauAsTheStepShrinks() {
        ClaimResult r = Catalogue.byId("mlem-eta-plateau").check();
        assertThat(r.checks()).hasSize(4);
        Check cost = r.checks().get(0);
        assertThat(cost.verdict()).as(cost.judgement().reason()).isEqualTo(Verdict.HOLDS);
        List<List<String>> rows = r.tables().get(0).rows();
        // EM's cost grows 64-fold over the steps, ML-EM's less than 2-fold
        double mlFirst = Double.parseDouble(rows.get(0).get(4));
        double mlLast = Double.parseDouble(rows.get(rows.size() - 2).get(4));
        double emFirst = Double.parseDouble(rows.get(0).get(5));
        double emLast = Double.parseDouble(rows.get(rows.size() - 2).get(5));
        assertThat(emLast / emFirst).isCloseTo(64.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(mlLast / mlFirst).isLessThan(2);
        assertThat(rows.get(rows.size() - 1).get(0)).isEqualTo("mlemPoisson");
        assertThat(r.checks().get(3).verdict()).as(r.checks().get(3).judgement().reason()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> new MultilevelCostClaim("x", 2, 4, 8, 2, 0.1, 10, 0.2, "")).hasMessageContaining("gamma = 2.0")
                .hasMessageContaining("gamma > 2");
        assertThatThrownBy(() -> new MultilevelCostClaim("x", 2.5, 4, 5, 2, 0.1, 10, 0.2, "")).hasMessageContaining("levels 4..5");
        assertThatThrownBy(() -> new MultilevelPlateauClaim("x", 3, 10, new int[] {8, 16}, 10, 0.1)).hasMessageContaining("steps = [8, 16]");
    }
}
