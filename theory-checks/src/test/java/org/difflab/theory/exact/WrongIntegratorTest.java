package org.difflab.theory.exact;

import static org.assertj.core.api.Assertions.assertThat;

import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.metric.Metrics;
import org.junit.jupiter.api.Test;

/**
 * A DDPM step whose noise variance is 1% too large is caught by exact evaluation at 1000 steps
 * (from the exact law at t_0, so that the prior mismatch does not mask it).
 */
class WrongIntegratorTest {
    @Test
    void inflatedNoiseIsDetected() {
        var target = Targets.gaussian(3, 0.5, 0.2);
        var schedule = Schedules.parse("linear:T=1000");
        ExactLaw good = ExactEvaluator.of(Integrators.ddpm()).target(target).schedule(schedule).grid(Grids.uniform(1000)).init(Init.EXACT).evaluate();
        // DDPM with the injected noise variance multiplied by 1.01: a deliberate bug
        ExactLaw bad = ExactEvaluator.of(DdpmVariant.inflated(1.01)).target(target).schedule(schedule).grid(Grids.uniform(1000)).init(Init.EXACT).evaluate();
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
