package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The iteration-complexity family on d = 1..256: liDdpm is consistent with d/eps (b about 1, a about 0.53); the
 * accelerated DDPM sampler's b of T / ln T (about 1.08) lies above the 1 of its O~(1/T) bound, and DiffLab's
 * momentumStochastic reconstruction is first order in eps (b about 1.09), far above Li and Cai's 1/2: both are findings
 * reported as VIOLATED, with a well inside its bound.
 */
class ComplexityClaimsTest {

    private static ClaimResult check(String id) {
        ClaimResult r = Catalogue.byId(id).check();
        r.checks().forEach(c -> System.out.printf("%s %s %s: %.4f [%.4f, %.4f] %s%n", id, c.subject(), c.quantity(), c.value(), c.lower(),
                c.upper(), c.verdict()));
        return r;
    }

    @Test
    void liDdpmIsWithinDOverEps() {
        ClaimResult r = check("complexity-li-ddpm");
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.checks().get(0).value()).isBetween(0.45, 0.6);
        assertThat(r.checks().get(1).value()).isBetween(0.95, 1.05);
        assertThat(r.tables().get(0).rows()).hasSize(15);
    }

    @Test
    void acceleratedSamplersMissTheirEpsExponent() {
        ClaimResult accelerated = check("complexity-accelerated-ddpm");
        ClaimResult momentum = check("complexity-momentum-stochastic");
        assertThat(accelerated.checks().get(0).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(accelerated.checks().get(1).verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(accelerated.checks().get(1).value()).isBetween(1.0, 1.2);
        assertThat(momentum.checks().get(0).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(momentum.checks().get(1).verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(momentum.checks().get(1).lower()).isGreaterThan(0.9);
    }

    @Test
    void badGridsAreNamed() {
        assertThatThrownBy(() -> new ComplexityClaim("c", "f", "s", "t", "liDdpm", new int[] {4}, new double[] {0.1, 0.01}, 1000, 1, 1, 1, ""))
                .hasMessageContaining("dims = [4]").hasMessageContaining("2 distinct");
        assertThatThrownBy(() -> new ComplexityClaim("c", "f", "s", "t", "liDdpm", new int[] {1, 4}, new double[] {0.1, 0.01}, 100, 200, 1, 1, ""))
                .hasMessageContaining("fromSteps = 200");
    }
}
