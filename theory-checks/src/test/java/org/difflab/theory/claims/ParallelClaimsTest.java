package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parallel-in-time claims: Picard sweeps reach the sequential exponential integrator bit for bit at K = M and
 * contract geometrically before; ParaDiGMS needs a fraction of the rounds at about twice the evaluations, fewer
 * rounds as the tolerance grows, and is the sequential sampler at tol = 0.
 */
class ParallelClaimsTest {

    @Test
    void picardSweepsAreExactAtMAndContractBefore() {
        ClaimResult r = Catalogue.byId("picard-sweeps").check();
        assertThat(r.checks()).hasSize(4);
        for (Check c : r.checks()) {
            assertThat(c.verdict()).as(c.subject() + " " + c.quantity() + ": " + c.judgement().reason()).isEqualTo(Verdict.HOLDS);
        }
        // the ODE contracts from the first sweep: at least 4-fold per sweep
        assertThat(r.checks().get(3).upper()).isLessThan(0.25);
    }

    @Test
    void paradigmsSavesRoundsAtMoreEvaluations() {
        for (String id : List.of("paradigms-rounds-ddim-200", "paradigms-rounds-ddpm-1000")) {
            ClaimResult r = Catalogue.byId(id).check();
            for (Check c : r.checks()) {
                assertThat(c.verdict()).as(id + " " + c.quantity() + ": " + c.judgement().reason()).isEqualTo(Verdict.HOLDS);
            }
            List<List<String>> rows = r.tables().get(0).rows();
            long previousRounds = Long.MAX_VALUE;
            for (List<String> row : rows) {
                long rounds = Long.parseLong(row.get(1));
                assertThat(rounds).as("%s rounds at tol %s", id, row.get(0)).isLessThanOrEqualTo(previousRounds);
                assertThat(Double.parseDouble(row.get(4))).as("%s evaluations / steps at tol %s", id, row.get(0)).isGreaterThan(1).isLessThan(4);
                previousRounds = rounds;
            }
        }
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> new PicardSweepsClaim("x", 3, 64, 8, 1)).hasMessageContaining("points = 3");
        assertThatThrownBy(() -> new ParadigmsClaim("x", "ddpm", 100, 1, 0.1, 8)).hasMessageContaining("window = 1");
    }
}
