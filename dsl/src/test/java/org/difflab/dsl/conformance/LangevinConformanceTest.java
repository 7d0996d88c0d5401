package org.difflab.dsl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import java.util.stream.Stream;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.langevin.Dynamics;
import org.difflab.dsl.langevin.LangevinIntegrator;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered Langevin integrator (default configuration) passes the Langevin conformance suite (variants in
 * {@link LangevinVariantConformanceTest}); broken integrators are caught by it.
 */
class LangevinConformanceTest {

    @TestFactory
    Stream<DynamicTest> everyRegisteredLangevinIntegratorConforms() {
        return LangevinIntegrators.all().stream().map(integrator -> DynamicTest.dynamicTest(integrator.spec(), () -> check(integrator)));
    }

    /** An integrator that draws from the engine's global generator cannot be batch invariant. */
    @Test
    void globalRandomnessFailsBatchInvariance() {
        LangevinIntegrator leaky = new Stub(1, (ctx, i, x) -> {
            NDArray z = x.getManager().randomNormal(x.getShape(), x.getDataType());
            return x.add(ctx.drift(x).mul(ctx.stepSize())).add(z.mul(Math.sqrt(2 * ctx.stepSize())));
        });
        assertThat(LangevinConformance.batchInvariance(leaky).verdict()).isEqualTo(CheckResult.Verdict.FAIL);
    }

    /** Declaring one gradient per step while spending two is caught. */
    @Test
    void wrongGradientDeclarationFails() {
        LangevinIntegrator twice = new Stub(1, (ctx, i, x) -> {
            ctx.drift(x);
            return x.add(ctx.drift(x).mul(ctx.stepSize())).add(ctx.normal(x).mul(Math.sqrt(2 * ctx.stepSize())));
        });
        assertThat(LangevinConformance.gradients(twice, LangevinConformance.Options.defaults()).verdict()).isEqualTo(CheckResult.Verdict.FAIL);
    }

    /** LMC with too little noise (sqrt(h) instead of sqrt(2h)) samples a narrower law: the moment check fails. */
    @Test
    void wrongNoiseFailsMoments() {
        LangevinIntegrator cold = new Stub(1, (ctx, i, x) -> x.add(ctx.drift(x).mul(ctx.stepSize()))
                .add(ctx.normal(x).mul(Math.sqrt(ctx.stepSize()))));
        assertThat(LangevinConformance.moments(cold, new LangevinConformance.Options(0.04, 400, 1000, 10, 10, 1L << 30)).verdict())
                .isEqualTo(CheckResult.Verdict.FAIL);
    }

    /** An overdamped test integrator of {@code gradients} declared gradients per step that runs {@code step} at every step. */
    private record Stub(double gradients, MutantStep step) implements LangevinIntegrator {
        @Override
        public NDArray run(RunContext ctx, NDArray x) {
            return step.run(ctx, x);
        }

        @Override
        public String name() {
            return "stub";
        }

        @Override
        public Dynamics dynamics() {
            return Dynamics.OVERDAMPED;
        }

        @Override
        public double gradientsPerStep() {
            return gradients;
        }
    }

    private static void check(LangevinIntegrator integrator) {
        check(integrator, LangevinConformance.Options.defaults());
    }

    static void check(LangevinIntegrator integrator, LangevinConformance.Options options) {
        long start = System.nanoTime();
        ConformanceReport report = LangevinConformance.check(integrator, options);
        System.out.println(report + String.format("  (%.1f s)%n", (System.nanoTime() - start) / 1e9));
        assertThat(report.passed()).as(report.toString()).isTrue();
    }
}
