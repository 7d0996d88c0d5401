package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.theory.convergence.OrderFit;
import org.junit.jupiter.api.Test;

/**
 * DiffLab's second-order reconstruction of Li and Cai's sampler ({@code liCai}) measured by exact evaluation: second
 * order against h = ln T / T in d = 1 and d = 64 (last local slopes at least 1.9), its mutants in place, its
 * complexity exponent b near 1/2, and the paper's regime eps &lt;= 1/sqrt(d) enforced.
 */
class LiCaiClaimsTest {

    private static OrderFit fit(int dim, String spec, int... steps) {
        OrderFit f = LiClaims.experiment(dim, steps).study(List.of(spec)).run().of(Integrators.parse(spec).spec()).fit();
        System.out.printf("%s d = %d: order %.4f [%.4f, %.4f], local slopes %s%n", spec, dim, f.order(), f.lower(), f.upper(),
                Arrays.toString(f.localSlopes()));
        return f;
    }

    @Test
    void secondOrderInOneAndSixtyFourDimensions() {
        for (int dim : new int[] {1, 64}) {
            OrderFit f = fit(dim, "liCai:clip=inf", 1600, 3200, 6400);
            double[] local = f.localSlopes();
            assertThat(local[local.length - 1]).as("last local slope, d = " + dim).isGreaterThanOrEqualTo(1.9);
            assertThat(f.order()).isBetween(1.9, 2.1);
        }
        assertThat(Catalogue.byId("li-cai-rate").kind()).isEqualTo(ClaimKind.RECONSTRUCTION);
    }

    /** The coefficient 1/4 and the half-noise split are the rate claims' mutants (ControlsTest runs them: first order, caught). */
    @Test
    void rateClaimsCarryBothMutants() {
        for (String id : new String[] {"li-cai-rate", "li-cai-rate-d64"}) {
            assertThat(Catalogue.entry(id).mutants()).extracting(Control::name).containsExactly("liCai:c=0.25", "liCai:split=0.5");
        }
    }

    @Test
    void complexityExponentIsNearOneHalfAndTheRegimeIsEnforced() {
        ClaimResult r = Catalogue.byId("complexity-li-cai").check();
        r.checks().forEach(c -> System.out.printf("complexity-li-cai %s: %.4f [%.4f, %.4f] %s %s%n", c.quantity(), c.value(), c.lower(),
                c.upper(), c.verdict(), c.judgement().reason()));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(r.checks().get(0).value()).isBetween(0.45, 0.65);
        assertThatThrownBy(() -> LiCaiClaims.insideRegime(new int[] {1, 256}, new double[] {0.1, 0.01}))
                .hasMessageContaining("eps = 0.1 with d = 256").hasMessageContaining("<= 1/sqrt(d) = 0.0625");
    }
}
