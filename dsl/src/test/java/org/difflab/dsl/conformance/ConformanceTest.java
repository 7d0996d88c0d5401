package org.difflab.dsl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.IntegratorInfo;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.tensor.RowReductions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered integrator with a fixed evaluation count passes the generic suite (those with a random count:
 * {@link DecisionConformanceTest}); broken integrators are caught by it.
 */
class ConformanceTest {

    /** The registered integrators with a fixed evaluation count; those with a random one run in {@link DecisionConformanceTest}. */
    @TestFactory
    Stream<DynamicTest> everyRegisteredIntegratorWithAFixedCostConforms() {
        return conform(Integrators.all().stream().filter(i -> i.randomNfeCounter().isEmpty()));
    }

    /** One dynamic test per integrator: the whole suite passes (its report and time printed). */
    static Stream<DynamicTest> conform(Stream<Integrator> integrators) {
        return integrators.map(integrator -> DynamicTest.dynamicTest(integrator.spec(), () -> {
            long start = System.nanoTime();
            ConformanceReport report = Conformance.check(integrator);
            System.out.printf("%s  (%.1f s)%n", report, (System.nanoTime() - start) / 1e9);
            assertThat(report.passed()).as(report.toString()).isTrue();
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
        BatchInvariance.Outcome twin = Conformance.batchInvarianceOutcome(clipping(RowReductions::norm), DecisionConformanceTest::ring, "ring8");
        System.out.println("norm by RowReductions: " + twin.result());
        assertThat(twin.result().verdict()).as(twin.result().toString()).isEqualTo(CheckResult.Verdict.PASS);
        assertThat((double) twin.counters().get("clipped") / (BatchInvariance.SAMPLES * Conformance.BATCH_STEPS)).as("share clipped")
                .isBetween(0.2, 0.8);
    }

    /** A DDIM step whose predicted noise is clipped to norm 0.5 per row, the norm computed by {@code norm}. */
    private static Integrator clipping(UnaryOperator<NDArray> norm) {
        return new Stub(1, (ctx, i, x) -> {
            var p = ctx.predict(x, i);
            NDArray n = norm.apply(p.eps());
            ctx.count("clipped", n.gt(0.5).toType(DataType.INT64, false).sum().getLong());
            NDArray eps = p.eps().div(n.maximum(0.5).div(0.5));
            return p.x0().mul(ctx.level(i + 1).alpha()).add(eps.mul(ctx.level(i + 1).sigma()));
        });
    }

    /** Row norms [B, 1] as differences of a running sum of squares over the flattened batch (float32). */
    private static NDArray normFromRunningSum(NDArray x) {
        long rows = x.getShape().get(0);
        NDArray ends = x.mul(x).reshape(-1).cumSum(0).reshape(rows, -1).get(":, -1");
        NDArray starts = ends.zerosLike().get("0:1").concat(ends.get("0:" + (rows - 1)), 0);
        return ends.sub(starts).sqrt().reshape(rows, 1);
    }

    @Test
    void coversAllSevenStandardIntegrators() {
        assertThat(Integrators.all()).extracting(Integrator::name).contains("ddpm", "ddim", "eulerMaruyama", "probabilityFlowEuler",
                "heun", "dpmSolverPP2M", "dpmSolverPP2MSde");
    }

    /** An integrator that draws from the engine's global generator cannot be batch invariant. */
    @Test
    void globalRandomnessFailsBatchInvariance() {
        Integrator leaky = new Stub(1, (ctx, i, x) -> {
            NDArray z = x.getManager().randomNormal(x.getShape(), x.getDataType());
            return ctx.predict(x, i).x0().mul(ctx.level(i + 1).alpha()).add(z.mul(ctx.level(i + 1).sigma()));
        });
        assertThat(Conformance.batchInvariance(leaky).verdict()).isEqualTo(CheckResult.Verdict.FAIL);
    }

    /** Declaring one evaluation per step while spending two is caught. */
    @Test
    void wrongNfeDeclarationFails() {
        Integrator twice = new Stub(1, (ctx, i, x) -> {
            ctx.predict(x, i);
            return ctx.predict(x, i).x0().mul(ctx.level(i + 1).alpha()).add(ctx.predict(x, i).eps().mul(0));
        });
        assertThat(Conformance.nfe(twice).verdict()).isEqualTo(CheckResult.Verdict.FAIL);
    }

    /**
     * For a random-evaluation integrator the check is spent = steps + its counter: spending two evaluations per step
     * while counting no extras fails, and so does not recording the counter at all.
     */
    @Test
    void miscountedRandomNfeFails() {
        for (boolean record : new boolean[] {true, false}) {
            MutantStep spendsTwo = (ctx, i, x) -> {
                ctx.predict(x, i);
                return ctx.predict(x, i).x0().mul(ctx.level(i + 1).alpha());
            };
            Integrator miscounted = new Integrator() {
                @Override
                public IntegratorInfo info() {
                    return IntegratorInfo.deterministic("stub", 1, 1);
                }

                @Override
                public Optional<String> randomNfeCounter() {
                    return Optional.of("extra");
                }

                @Override
                public NDArray run(RunContext ctx, NDArray x) {
                    if (record) {
                        ctx.count("extra", 0);
                    }
                    return spendsTwo.run(ctx, x);
                }
            };
            assertThat(Conformance.nfe(miscounted).verdict()).as("counter recorded: %s", record).isEqualTo(CheckResult.Verdict.FAIL);
        }
    }

    /** A sampler that ignores half the drift misses the target's moments. */
    @Test
    void biasedSamplerFailsMoments() {
        Integrator biased = new Stub(1, (ctx, i, x) -> {
            var p = ctx.predict(x, i);
            var next = ctx.level(i + 1);
            return p.x0().mul(next.alpha() * 1.2).add(p.eps().mul(next.sigma()));
        });
        assertThat(Conformance.moments(biased, new Conformance.Options(100, 4000, 10, 1L << 30)).verdict())
                .isEqualTo(CheckResult.Verdict.FAIL);
    }

    /**
     * A sampler that keeps one tensor per step out of the step's scope (the DJL pitfall) is caught by the live-tensor
     * count, however the resident size moves (a 64 GiB limit rules that measure out here).
     */
    @Test
    void tensorKeptEveryStepFailsNativeMemory() {
        Integrator keeping = new Stub(1, (ctx, i, x) -> {
            NDArray kept = x.mul(0.5);
            NDScope.unregister(kept);
            return ctx.predict(x, i).x0().mul(ctx.level(i + 1).alpha()).add(kept.mul(0));
        });
        CheckResult result = Conformance.nativeMemory(keeping, new Conformance.Options(10, 100, 200, 64L << 30));
        assertThat(result.verdict()).as(result.toString()).isEqualTo(CheckResult.Verdict.FAIL);
        assertThat(result.detail()).contains("2 first, 201 last");
    }

    /** A test integrator of {@code nfe} declared evaluations per step that runs {@code step} at every step. */
    private record Stub(int nfe, MutantStep step) implements Integrator {
        @Override
        public IntegratorInfo info() {
            return IntegratorInfo.deterministic("stub", nfe, 1);
        }

        @Override
        public NDArray run(RunContext ctx, NDArray x) {
            return step.run(ctx, x);
        }
    }
}
