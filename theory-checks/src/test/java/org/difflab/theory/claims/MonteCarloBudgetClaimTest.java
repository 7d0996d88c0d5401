package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Monte Carlo budget claim separates a sampler that matches the reference from one that does not. */
class MonteCarloBudgetClaimTest {

    @Test
    void tellsCloseFromFarOnAMixture() {
        MonteCarloBudgetClaim c = new MonteCarloBudgetClaim("mc-budget", "test", Provenance.consistency("test paper", "test place"), "DDPM-25 is far, DDPM-1000 again is close",
                "gmm:preset=ring8,radius=2,var=0.1", "linear:T=1000", BudgetRun.reference("ddpm:variance=small", "uniform", 1000),
                List.of(BudgetRun.far("ddpm:variance=small", "uniform", 10), BudgetRun.close("ddim", "uniform", 1000)), 0.3, 3000, 7, "");
        ClaimResult r = c.check();
        System.out.println(r.tables().get(0).rows());
        r.checks().forEach(k -> System.out.println(k.judgement().reason()));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }
}
