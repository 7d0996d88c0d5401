package org.difflab.dsl.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import java.util.Map;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/**
 * The knobs of {@code liCai} (DiffLab's second-order reconstruction of Li and Cai's sampler): validation, spec
 * round-trip, the burn-in (a burn-in over the whole run is liDdpm bit for bit) and the default clip, which does not fire
 * on the Li schedule at the step counts of the complexity claim (Monte Carlo counts). Its order is measured by exact
 * evaluation in theory-checks (LiCaiClaimsTest).
 */
class LiCaiStochasticTest {

    private static Samples run(Integrator integrator, int dim, int trainingSteps, int n) {
        return Diffusion.sampler().schedule(Schedules.li(trainingSteps, 2, 6)).target(Targets.gaussian(dim, 1, 0.05)).integrator(integrator)
                .grid(Grids.uniform(trainingSteps - 1).endingAtTMin()).dataType(DataType.FLOAT64).seed(5).batchSize(n).sample(n);
    }

    @Test
    void knobsAreValidatedAndRoundTrip() {
        Integrator d = Integrators.parse("liCai");
        assertThat(d.spec()).isEqualTo("liCai:c=0.5,split=0.0,clip=1.0,burnIn=1");
        assertThat(Integrators.parse("liCai:c=0.25,split=0.5,clip=inf,burnIn=3").spec()).isEqualTo("liCai:c=0.25,split=0.5,clip=Infinity,burnIn=3");
        assertThat(d.expectedOrder()).isEqualTo(2);
        assertThatThrownBy(() -> Integrators.parse("liCai:split=1.5")).hasMessageContaining("split = 1.5").hasMessageContaining("[0.0, 1.0]");
        assertThatThrownBy(() -> Integrators.parse("liCai:split=-0.1")).hasMessageContaining("split = -0.1");
        assertThatThrownBy(() -> Integrators.parse("liCai:clip=0")).hasMessageContaining("clip = 0.0").hasMessageContaining("> 0 or Infinity");
        assertThatThrownBy(() -> Integrators.parse("liCai:burnIn=0")).hasMessageContaining("burnIn = 0").hasMessageContaining(">= 1");
        assertThatThrownBy(() -> Integrators.parse("liCai:c=nan")).hasMessageContaining("c = nan").hasMessageContaining("finite");
    }

    @Test
    void aBurnInOverTheWholeRunIsLiDdpmAndCountsNoCorrection() {
        try (Samples a = run(Integrators.parse("liCai:burnIn=1000"), 3, 40, 8); Samples b = run(new LiDdpm(), 3, 40, 8)) {
            assertThat(a.rows()).isEqualTo(b.rows());
            assertThat(a.counters()).doesNotContainKey("corrected");
        }
        try (Samples a = run(Integrators.parse("liCai:burnIn=10"), 3, 40, 8)) {
            assertThat(a.counters()).containsEntry("corrected", 8L * (39 - 10));
        }
    }

    /** The default clip (norm clip sqrt(d) beta_t) never fires where the complexity claim measures (d = 16 and 256). */
    @Test
    void defaultClipDoesNotFire() {
        for (int[] c : new int[][] {{16, 400, 128}, {256, 1500, 16}}) {
            try (Samples s = run(Integrators.parse("liCai"), c[0], c[1], c[2])) {
                Map<String, Long> counters = s.counters();
                System.out.printf("liCai clip = 1, d = %d, T = %d: clipped %d of %d corrections%n", c[0], c[1], counters.get("clipped"),
                        counters.get("corrected"));
                assertThat(counters.get("corrected")).isEqualTo((long) c[2] * (c[1] - 2));
                assertThat(counters.get("clipped")).isZero();
            }
        }
        try (Samples s = run(Integrators.parse("liCai:clip=0.001"), 16, 400, 64)) {
            assertThat(s.counters().get("clipped")).as("a tiny clip fires").isPositive();
        }
    }
}
