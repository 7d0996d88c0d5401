package org.difflab.dsl.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.hierarchy.SyntheticHierarchy;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/**
 * ML-EM's always-on coarse levels ({@code open=k}, as the paper keeps p_k = 1 for its coarse levels): gates 1..k open
 * at every step while the finer ones keep their rates, open = K is Euler-Maruyama with the top level bit for bit, and a
 * k outside [0, K] is refused by name.
 */
class MultilevelAlwaysOnTest {
    private static final Gaussian TARGET = Targets.gaussian(4, 1, 0.5);
    private static final ModelHierarchy HIERARCHY = SyntheticHierarchy.linear(TARGET.exactScore(), 5, 2.5, 7)
            .withDifferences(new double[] {6, 2, 1, 0.5, 0.25});

    private static Samples run(String spec) {
        return Diffusion.sampler().target(TARGET).model(HIERARCHY).integrator(Integrators.parse(spec)).grid(Grids.uniform(50)).seed(3)
                .batchSize(8).sample(8);
    }

    /**
     * Gates 1..k are open at every step (p = 1) and the finer gates keep their rates; since the estimator telescopes, the
     * always-on levels need no base call (the base enters only when gate 1 is closed).
     */
    @Test
    void coarseGatesAreAlwaysOpenAndTheFineOnesKeepTheirRates() {
        MultilevelEulerMaruyama gated = (MultilevelEulerMaruyama) Integrators.parse("mlem:rate=0.01");
        MultilevelEulerMaruyama open = (MultilevelEulerMaruyama) Integrators.parse("mlem:rate=0.01,open=2");
        for (double t : new double[] {0.05, 0.5, 0.95}) {
            double[] pg = gated.probabilities(HIERARCHY, t, 0.02);
            double[] po = open.probabilities(HIERARCHY, t, 0.02);
            assertThat(pg[0]).isLessThan(1);
            assertThat(po[0]).isEqualTo(1);
            assertThat(po[1]).isEqualTo(1);
            assertThat(java.util.Arrays.copyOfRange(po, 2, 5)).containsExactly(java.util.Arrays.copyOfRange(pg, 2, 5));
        }
        try (Samples g = run("mlem:rate=0.01"); Samples o = run("mlem:rate=0.01,open=1")) {
            System.out.printf("base calls over 50 steps, gated: %d; open=1: %d%n", g.counters().get(MultilevelEulerMaruyama.BASE),
                    o.counters().get(MultilevelEulerMaruyama.BASE));
            assertThat(g.counters().get(MultilevelEulerMaruyama.BASE)).isPositive();
            assertThat(o.counters().get(MultilevelEulerMaruyama.BASE)).isZero();
        }
        try (Samples all = run("mlem:rate=2,open=5"); Samples em = run("mlem:rate=inf")) {
            assertThat(all.tensor().toFloatArray()).isEqualTo(em.tensor().toFloatArray());
        }
        assertThat(Integrators.parse("mlem:open=1").spec()).endsWith(",open=1");
    }

    @Test
    void anOpenCountOutsideTheHierarchyIsRefused() {
        assertThatThrownBy(() -> Integrators.parse("mlem:open=-1")).hasMessageContaining("open = -1").hasMessageContaining(">= 0");
        assertThatThrownBy(() -> run("mlem:rate=2,open=6").close()).hasMessageContaining("open = 6")
                .hasMessageContaining("hierarchy of 5 levels").hasMessageContaining("[0, 5]");
    }
}
