package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The equal-budget claim kind on samplers whose numbers the Poisson-midpoint note tabulates (section 3.1). */
class EqualBudgetClaimTest {

    @Test
    void ddpmAtTwentyFiveStepsIsFarFromDdpmThousand() {
        EqualBudgetClaim c = new EqualBudgetClaim("ddpm-budget", "test", Provenance.consistency("test paper", "test place"), "DDPM-25 is far from DDPM-1000",
                "gaussian:d=1,mean=0,var=1", "linear:T=1000", BudgetRun.reference("ddpm:variance=small", "uniform", 1000),
                List.of(BudgetRun.far("ddpm:variance=small", "uniform", 25),
                        BudgetRun.far("ddpm:variance=small", "uniform", 40)),
                0.05, 0.1, 1, "");
        ClaimResult r = c.check();
        System.out.println(r.tables().get(0).rows());
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        // note section 3.1, linear schedule: DDPM-1000 0.990, DDPM-25 0.749, DDPM-40 0.826 (variance / s^2, 300k samples)
        assertThat(r.checks().get(0).value()).isCloseTo(0.749 / 0.990, within(0.02));
        assertThat(r.checks().get(1).value()).isCloseTo(0.826 / 0.990, within(0.02));
    }
}
