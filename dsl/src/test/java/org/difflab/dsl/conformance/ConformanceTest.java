package org.difflab.dsl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every registered integrator passes the generic suite; broken integrators are caught by it. */
class ConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyRegisteredIntegratorConforms() {
        return Integrators.all().stream().map(integrator -> DynamicTest.dynamicTest(integrator.spec(), () -> {
            long start = System.nanoTime();
            ConformanceReport report = Conformance.check(integrator);
            System.out.printf("%s  (%.1f s)%n", report, (System.nanoTime() - start) / 1e9);
            assertThat(report.passed()).as(report.toString()).isTrue();
        }));
    }

    /**
     * Batch invariance where samplers take decisions from per-row numbers, with the counters of the reference run
     * (one batch of 1000) showing that each decision path ran on a good share of rows: the momentum clip (in 2 and 48
     * dimensions, the latter with a rotated, matrix-product score), Poisson
     * midpoints selected per sample, ML-EM gates opened per sample on a model hierarchy. picardBlocks and paradigms run
     * the check in {@link #everyRegisteredIntegratorConforms} on this very setup; here their reference run's counters show
     * rows stopping at different sweeps and sliding by different amounts.
     */
    @TestFactory
    Stream<DynamicTest> batchInvarianceHoldsWithTheDecisionPathsActive() {
        return Stream.of(
                DynamicTest.dynamicTest("momentumStochastic:clip=0.2", () -> {
                    Map<String, Long> c = invariant(Integrators.parse("momentumStochastic:clip=0.2"), ConformanceTest::ring, "ring8");
                    assertThat((double) c.get("clipped") / c.get("corrected")).as("share of corrections clipped").isBetween(0.2, 0.8);
                }),
                DynamicTest.dynamicTest("momentumStochastic:clip=0.25 in 48 dimensions", () -> {
                    Map<String, Long> c = invariant(Integrators.parse("momentumStochastic:clip=0.25"), ConformanceTest::wide,
                            "a 48-dimensional mixture with a rotated component");
                    assertThat((double) c.get("clipped") / c.get("corrected")).as("share of corrections clipped").isBetween(0.2, 0.8);
                }),
                DynamicTest.dynamicTest("poissonMidpoint:lambda=2,share=sample", () -> {
                    Map<String, Long> c = invariant(Integrators.parse("poissonMidpoint:lambda=2,share=sample"), ConformanceTest::shortChain,
                            "ring8 over a 100-step DDPM chain");
                    assertThat(c.get("selections")).as("per-sample selections").isPositive().isLessThan(c.get("midpoints") * BatchInvariance.SAMPLES / 2);
                }),
                DynamicTest.dynamicTest("mlem:rate=1,share=sample on a hierarchy", () -> {
                    Map<String, Long> c = invariant(Integrators.parse("mlem:rate=1,share=sample"), ConformanceTest::hierarchy,
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

    /**
     * A clipped sampler whose per-row norm runs through a batch-shaped reduction (each row's sum of squares read off a
     * running sum over the whole batch) is caught by the batch-invariance check; the same sampler with
     * {@link RowReductions#norm} passes it.
     */
    @Test
    void aNormThroughABatchShapedReductionFailsBatchInvariance() {
        CheckResult mutant = Conformance.batchInvariance(clipping(ConformanceTest::normFromRunningSum));
        System.out.println("norm through a running sum over the batch: " + mutant);
        assertThat(mutant.verdict()).as(mutant.toString()).isEqualTo(CheckResult.Verdict.FAIL);
        BatchInvariance.Outcome twin = Conformance.batchInvarianceOutcome(clipping(RowReductions::norm), ConformanceTest::ring, "ring8");
        System.out.println("norm by RowReductions: " + twin.result());
        assertThat(twin.result().verdict()).as(twin.result().toString()).isEqualTo(CheckResult.Verdict.PASS);
        assertThat((double) twin.counters().get("clipped") / (BatchInvariance.SAMPLES * Conformance.BATCH_STEPS)).as("share clipped")
                .isBetween(0.2, 0.8);
    }

    /** A DDIM step whose predicted noise is clipped to norm 0.5 per row, the norm computed by {@code norm}. */
    private static Integrator clipping(UnaryOperator<NDArray> norm) {
        return new Stub(1) {
            @Override
            public NDArray run(RunContext ctx, NDArray x) {
                for (int i = 0; i < ctx.steps(); i++) {
                    var p = ctx.predict(x, i);
                    NDArray n = norm.apply(p.eps());
                    ctx.count("clipped", n.gt(0.5).toType(DataType.INT64, false).sum().getLong());
                    NDArray eps = p.eps().div(n.maximum(0.5).div(0.5));
                    x = ctx.endStep(i, p.x0().mul(ctx.level(i + 1).alpha()).add(eps.mul(ctx.level(i + 1).sigma())));
                }
                return x;
            }
        };
    }

    /** Row norms [B, 1] as differences of a running sum of squares over the flattened batch (float32). */
    private static NDArray normFromRunningSum(NDArray x) {
        long rows = x.getShape().get(0);
        NDArray ends = x.mul(x).reshape(-1).cumSum(0).reshape(rows, -1).get(":, -1");
        NDArray starts = ends.zerosLike().get("0:1").concat(ends.get("0:" + (rows - 1)), 0);
        return ends.sub(starts).sqrt().reshape(rows, 1);
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

    private static Sampler ring() {
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

    @Test
    void coversAllSevenStandardIntegrators() {
        assertThat(Integrators.all()).extracting(Integrator::name).contains("ddpm", "ddim", "eulerMaruyama", "probabilityFlowEuler",
                "heun", "dpmSolverPP2M", "dpmSolverPP2MSde");
    }

    /** An integrator that draws from the engine's global generator cannot be batch invariant. */
    @Test
    void globalRandomnessFailsBatchInvariance() {
        Integrator leaky = new Stub(1) {
            @Override
            public NDArray run(RunContext ctx, NDArray x) {
                for (int i = 0; i < ctx.steps(); i++) {
                    NDArray z = x.getManager().randomNormal(x.getShape(), x.getDataType());
                    x = ctx.endStep(i, ctx.predict(x, i).x0().mul(ctx.level(i + 1).alpha()).add(z.mul(ctx.level(i + 1).sigma())));
                }
                return x;
            }
        };
        assertThat(Conformance.batchInvariance(leaky).verdict()).isEqualTo(CheckResult.Verdict.FAIL);
    }

    /** Declaring one evaluation per step while spending two is caught. */
    @Test
    void wrongNfeDeclarationFails() {
        Integrator twice = new Stub(1) {
            @Override
            public NDArray run(RunContext ctx, NDArray x) {
                for (int i = 0; i < ctx.steps(); i++) {
                    ctx.predict(x, i);
                    x = ctx.endStep(i, ctx.predict(x, i).x0().mul(ctx.level(i + 1).alpha()).add(ctx.predict(x, i).eps().mul(0)));
                }
                return x;
            }
        };
        assertThat(Conformance.nfe(twice).verdict()).isEqualTo(CheckResult.Verdict.FAIL);
    }

    /**
     * For a random-evaluation integrator the check is spent = steps + its counter: spending two evaluations per step
     * while counting no extras fails, and so does not recording the counter at all.
     */
    @Test
    void miscountedRandomNfeFails() {
        for (boolean record : new boolean[] {true, false}) {
            Integrator miscounted = new Stub(1) {
                @Override
                public Optional<String> randomNfeCounter() {
                    return Optional.of("extra");
                }

                @Override
                public NDArray run(RunContext ctx, NDArray x) {
                    if (record) {
                        ctx.count("extra", 0);
                    }
                    for (int i = 0; i < ctx.steps(); i++) {
                        ctx.predict(x, i);
                        x = ctx.endStep(i, ctx.predict(x, i).x0().mul(ctx.level(i + 1).alpha()));
                    }
                    return x;
                }
            };
            assertThat(Conformance.nfe(miscounted).verdict()).as("counter recorded: %s", record).isEqualTo(CheckResult.Verdict.FAIL);
        }
    }

    /** A sampler that ignores half the drift misses the target's moments. */
    @Test
    void biasedSamplerFailsMoments() {
        Integrator biased = new Stub(1) {
            @Override
            public NDArray run(RunContext ctx, NDArray x) {
                for (int i = 0; i < ctx.steps(); i++) {
                    var p = ctx.predict(x, i);
                    var next = ctx.level(i + 1);
                    x = ctx.endStep(i, p.x0().mul(next.alpha() * 1.2).add(p.eps().mul(next.sigma())));
                }
                return x;
            }
        };
        assertThat(Conformance.moments(biased, new Conformance.Options(100, 4000, 10, 1L << 30)).verdict())
                .isEqualTo(CheckResult.Verdict.FAIL);
    }

    /**
     * A sampler that keeps one tensor per step out of the step's scope (the DJL pitfall) is caught by the live-tensor
     * count, however the resident size moves (a 64 GiB limit rules that measure out here).
     */
    @Test
    void tensorKeptEveryStepFailsNativeMemory() {
        Integrator keeping = new Stub(1) {
            @Override
            public NDArray run(RunContext ctx, NDArray x) {
                for (int i = 0; i < ctx.steps(); i++) {
                    NDArray kept = x.mul(0.5);
                    NDScope.unregister(kept);
                    x = ctx.endStep(i, ctx.predict(x, i).x0().mul(ctx.level(i + 1).alpha()).add(kept.mul(0)));
                }
                return x;
            }
        };
        CheckResult result = Conformance.nativeMemory(keeping, new Conformance.Options(10, 100, 200, 64L << 30));
        assertThat(result.verdict()).as(result.toString()).isEqualTo(CheckResult.Verdict.FAIL);
        assertThat(result.detail()).contains("2 first, 201 last");
    }

    private abstract static class Stub implements Integrator {
        private final int nfe;

        Stub(int nfe) {
            this.nfe = nfe;
        }

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public int nfePerStep() {
            return nfe;
        }

        @Override
        public boolean stochastic() {
            return false;
        }

        @Override
        public double expectedOrder() {
            return 1;
        }
    }
}
