package org.difflab.dsl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Optional;
import java.util.stream.Stream;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.RunContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every registered integrator passes the generic suite; broken integrators are caught by it. */
class ConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyRegisteredIntegratorConforms() {
        return Integrators.all().stream().map(integrator -> DynamicTest.dynamicTest(integrator.spec(), () -> {
            ConformanceReport report = Conformance.check(integrator);
            System.out.println(report);
            assertThat(report.passed()).as(report.toString()).isTrue();
        }));
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
