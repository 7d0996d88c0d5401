package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Poisson-midpoint claims measured in full. Asserted: the verdicts and numbers as measured. The budget claims
 * average PMM's Bernoulli selections exactly, so the linear schedule's PMM with 25 blocks is judged on its exact 1.0485
 * (review pmm_fulltext.md section 7.1: inside the 5% band), not on a 64-realisation estimate whose 95% interval
 * straddled the band's edge; they are reconstructions, and they no longer judge DDIM, whose distance the paper never
 * bounds.
 */
class PoissonMidpointClaimsTest {

    private static ClaimResult check(String id) {
        ClaimResult r = Catalogue.byId(id).check();
        r.checks().forEach(c -> System.out.printf("%s | %s | %.4f [%.4f, %.4f] | %s | %s%n", id, c.subject(), c.value(), c.lower(), c.upper(),
                c.verdict(), c.judgement().reason()));
        return r;
    }

    @Test
    void pmmMatchesDdpmThousandAtFiftyAndEightyNfeOnBothSchedules() {
        ClaimResult ldm = check("pmm-ddpm-budget-ldm");
        assertThat(ldm.claim().kind()).isEqualTo(ClaimKind.RECONSTRUCTION);
        assertThat(ldm.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(ldm.checks()).hasSize(6);
        assertThat(ldm.checks().get(0).value()).as("Bernoulli, 25 blocks, exact over the selections").isCloseTo(1.0412, within(0.002));
        assertThat(ldm.checks().get(0).uncertainty()).startsWith("exact");
        assertThat(ldm.checks().get(4).value()).as("DDPM-50, small variance").isCloseTo(0.869, within(0.002));
        ClaimResult linear = check("pmm-ddpm-budget-linear");
        assertThat(linear.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(linear.checks().get(0).value()).as("the review's exact 1.0485").isCloseTo(1.0485, within(0.0005));
        assertThat(linear.checks().get(0).lower()).as("exact: no interval").isNaN();
        assertThat(linear.checks().get(1).value()).as("Bernoulli, 40 blocks").isCloseTo(1.0143, within(0.0005));
        assertThat(linear.checks().get(2).lower()).as("select=one is sampled: an interval").isLessThan(linear.checks().get(2).value());
    }

    @Test
    void uniformBlocksBlowUpAtSmallDataScaleAndQuadraticBlocksDoNot() {
        ClaimResult r = check("pmm-stiff-block-layout");
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.checks().get(0).value()).isGreaterThan(3);
        assertThat(r.checks().get(2).value()).isCloseTo(1, within(0.2));
    }

    @Test
    void extraCallsAreBinomial() {
        ClaimResult r = check("pmm-nfe-per-step");
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.checks().get(0).value()).isCloseTo(2 - 1.0 / 40, within(0.06));
    }
}
