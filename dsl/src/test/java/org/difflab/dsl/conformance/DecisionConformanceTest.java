package org.difflab.dsl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.hierarchy.SyntheticHierarchy;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.sampler.Sampler;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.GaussianMixture;
import org.difflab.dsl.target.Targets;
import org.difflab.dsl.tensor.RowReductions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The samplers that take decisions: every registered integrator with a random evaluation count (Poisson midpoints,
 * ML-EM, Picard blocks, ParaDiGMS) passes the generic suite, and batch invariance holds with each decision path active.
 * The rest of the registry runs in {@link ConformanceTest}; the two classes are split so that the module's two test
 * forks share the suite's longest work (docs/testing.md).
 */
class DecisionConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyRegisteredIntegratorWithARandomCostConforms() {
        return ConformanceTest.conform(Integrators.all().stream().filter(i -> i.randomNfeCounter().isPresent()));
    }

    /**
     * Batch invariance where samplers take decisions from per-row numbers, with the counters of the reference run
     * (one batch of 1000) showing that each decision path ran on a good share of rows: the momentum clip (in 2 and 48
     * dimensions, the latter with a rotated, matrix-product score), Poisson
     * midpoints selected per sample, ML-EM gates opened per sample on a model hierarchy. picardBlocks and paradigms run
     * the check in {@link #everyRegisteredIntegratorWithARandomCostConforms} on this very setup; here their reference run's counters show
     * rows stopping at different sweeps and sliding by different amounts.
     */
    @TestFactory
    Stream<DynamicTest> batchInvarianceHoldsWithTheDecisionPathsActive() {
        return Stream.of(
                DynamicTest.dynamicTest("momentumStochastic:clip=0.2", () -> {
                    Map<String, Long> c = invariant(Integrators.parse("momentumStochastic:clip=0.2"), DecisionConformanceTest::ring, "ring8");
                    assertThat((double) c.get("clipped") / c.get("corrected")).as("share of corrections clipped").isBetween(0.2, 0.8);
                }),
                DynamicTest.dynamicTest("momentumStochastic:clip=0.25 in 48 dimensions", () -> {
                    Map<String, Long> c = invariant(Integrators.parse("momentumStochastic:clip=0.25"), DecisionConformanceTest::wide,
                            "a 48-dimensional mixture with a rotated component");
                    assertThat((double) c.get("clipped") / c.get("corrected")).as("share of corrections clipped").isBetween(0.2, 0.8);
                }),
                DynamicTest.dynamicTest("poissonMidpoint:lambda=2,share=sample", () -> {
                    Map<String, Long> c = invariant(Integrators.parse("poissonMidpoint:lambda=2,share=sample"), DecisionConformanceTest::shortChain,
                            "ring8 over a 100-step DDPM chain");
                    assertThat(c.get("selections")).as("per-sample selections").isPositive().isLessThan(c.get("midpoints") * BatchInvariance.SAMPLES / 2);
                }),
                DynamicTest.dynamicTest("mlem:rate=1,share=sample on a hierarchy", () -> {
                    Map<String, Long> c = invariant(Integrators.parse("mlem:rate=1,share=sample"), DecisionConformanceTest::hierarchy,
                            "ring8 under a 3-level nonlinear SyntheticHierarchy, pilot deltas 0.2, 0.1, 0.05");
                    for (int k = 1; k <= 3; k++) {
                        assertThat(c.get("levelRows" + k)).as("rows through level %d's gate", k).isPositive()
                                .isLessThan(c.get("level" + k) * BatchInvariance.SAMPLES);
                    }
                }),
                DynamicTest.dynamicTest("picardBlocks (registered setup)", () -> {
                    Map<String, Long> c = referenceCounters(Integrators.parse("picardBlocks"));
                    long blocks = (Conformance.BATCH_STEPS + 7) / 8;
                    assertThat(c.get(RunContext.TOLERANCE_STOPS)).as("rows stopped before a block's last sweep").isPositive()
                            .isLessThan(blocks * BatchInvariance.SAMPLES);
                }),
                DynamicTest.dynamicTest("paradigms (registered setup)", () -> {
                    Map<String, Long> c = referenceCounters(Integrators.parse("paradigms"));
                    long batched = Conformance.BATCH_STEPS + c.get("extraCalls");
                    assertThat(c.get(RunContext.TOLERANCE_STOPS)).isPositive();
                    assertThat(c.get("sampleEvaluations")).as("rows covering fewer points than if all slid alike")
                            .isLessThan(batched * BatchInvariance.SAMPLES);
                }));
    }

    private static Map<String, Long> invariant(Integrator integrator, Supplier<Sampler> setup, String what) {
        long start = System.nanoTime();
        BatchInvariance.Outcome o = Conformance.batchInvarianceOutcome(integrator, setup, what);
        System.out.printf("%s: %s  (%.1f s)%n", integrator.spec(), o.result(), (System.nanoTime() - start) / 1e9);
        assertThat(o.result().verdict()).as(o.result().toString()).isEqualTo(CheckResult.Verdict.PASS);
        return o.counters();
    }

    /** The counters of the batch-invariance check's reference run (one batch of 1000 on the mixture, seed 11). */
    private static Map<String, Long> referenceCounters(Integrator integrator) {
        try (Samples s = ring().integrator(integrator).seed(11).batchSize(BatchInvariance.SAMPLES).sample(BatchInvariance.SAMPLES)) {
            System.out.println(integrator.spec() + ": reference counters " + s.counters());
            return s.counters();
        }
    }

    static Sampler ring() {
        return Diffusion.sampler().schedule(Schedules.ddpm()).target(Targets.ring(8, 2, 0.01)).grid(Grids.uniform(Conformance.BATCH_STEPS));
    }

    /**
     * The mixture over a 100-step DDPM chain (betas 1e-3..0.2): Poisson midpoint blocks of 5 fine steps, so a 1000-row
     * batch with per-sample selections evaluates the model at 80 midpoints, not the 980 of the 1000-step chain.
     */
    static Sampler shortChain() {
        return Diffusion.sampler().schedule(Schedules.linearBeta(1e-3, 0.2, 100)).target(Targets.ring(8, 2, 0.01))
                .grid(Grids.uniform(Conformance.BATCH_STEPS));
    }

    /**
     * A 48-dimensional mixture of a rotated Gaussian (its score through {@link RowReductions#matMul}) and an isotropic
     * one: rows of 48 entries, and 1000-row operations beyond the 32,768 entries at which 2 threads split them.
     */
    private static Sampler wide() {
        GaussianMixture target = new GaussianMixture(List.of(Targets.rotatedGaussian(48, 0.5, 0.05, 4, 3), Targets.gaussian(48, -0.5, 0.1)),
                new double[] {1, 2}, "wide");
        return Diffusion.sampler().schedule(Schedules.ddpm()).target(target).grid(Grids.uniform(Conformance.BATCH_STEPS));
    }

    private static Sampler hierarchy() {
        ModelHierarchy h = SyntheticHierarchy.nonlinear(Targets.ring(8, 2, 0.01).exactScore(), 3, 2.5, 1).withDifferences(new double[] {0.2, 0.1, 0.05});
        return Diffusion.sampler().schedule(Schedules.ddpm()).model(h).grid(Grids.uniform(Conformance.BATCH_STEPS));
    }
}
