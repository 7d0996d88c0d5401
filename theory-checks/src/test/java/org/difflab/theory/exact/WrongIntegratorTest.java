package org.difflab.theory.exact;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.IntegratorInfo;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.metric.Metrics;
import org.junit.jupiter.api.Test;

/**
 * A DDPM step whose noise variance is 1% too large is caught by exact evaluation at 1000 steps
 * (from the exact law at t_0, so that the prior mismatch does not mask it).
 */
class WrongIntegratorTest {

    /** DDPM (large variance) with the injected noise variance multiplied by 1.01: a deliberate bug. */
    static final class InflatedDdpm implements Integrator {
        @Override
        public IntegratorInfo info() {
            return IntegratorInfo.stochastic("inflatedDdpm", 1, 1);
        }

        @Override
        public NDArray run(RunContext ctx, NDArray x) {
            for (int i = 0; i < ctx.steps(); i++) {
                NoiseLevel now = ctx.level(i);
                NoiseLevel next = ctx.level(i + 1);
                double r = now.alpha() / next.alpha();
                double s2 = now.sigma() * now.sigma();
                double sp2 = next.sigma() * next.sigma();
                double beta = s2 - r * r * sp2;
                NDArray x0 = ctx.predict(x, i).x0();
                NDArray mean = x.mul(r * sp2 / s2).add(x0.mul(next.alpha() * beta / s2));
                x = ctx.endStep(i, sp2 == 0 ? mean : mean.add(ctx.normal(x, i).mul(Math.sqrt(1.01 * beta))));
            }
            return x;
        }
    }

    @Test
    void inflatedNoiseIsDetected() {
        var target = Targets.gaussian(3, 0.5, 0.2);
        var schedule = Schedules.parse("linear:T=1000");
        ExactLaw good = ExactEvaluator.of(Integrators.ddpm()).target(target).schedule(schedule).grid(Grids.uniform(1000)).init(Init.EXACT).evaluate();
        ExactLaw bad = ExactEvaluator.of(new InflatedDdpm()).target(target).schedule(schedule).grid(Grids.uniform(1000)).init(Init.EXACT).evaluate();
        double klGood = good.metric(Metrics.kl()).value();
        double klBad = bad.metric(Metrics.kl()).value();
        assertThat(klBad).isGreaterThan(10 * klGood);
        for (int j = 0; j < 3; j++) {
            double vg = good.momentMatched().variance(j);
            double vb = bad.momentMatched().variance(j);
            assertThat(Math.abs(vb - vg) / vg).isGreaterThan(1e-3);
        }
        assertThat(good.draws()).isEqualTo(1000); // the prior and 999 steps; the final step to t = 0 adds no noise
    }
}
