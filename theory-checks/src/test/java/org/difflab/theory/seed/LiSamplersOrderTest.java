package org.difflab.theory.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.AcceleratedOde;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.Metrics;
import org.junit.jupiter.api.Test;

/**
 * Orders of the Li et al. samplers by exact evaluation, on the oracle of li_samplers.md section 7.2: d = 1,
 * data N(1, 0.05), Li schedule c0 = 2, c1 = 6, chain t = T..1 started at the exact law of X_T, TV to law(X_1),
 * local slope of log TV against log h, h = ln T / T, between T = 1600 and 3200.
 */
class LiSamplersOrderTest {
    private static final Gaussian DATA = Targets.gaussian(1, 1, 0.05);

    private static double tv(Integrator integrator, int steps) {
        return ExactEvaluator.of(integrator).target(DATA).schedule(Schedules.li(steps, 2, 6))
                .grid(Grids.uniform(steps - 1).endingAtTMin()).init(Init.EXACT).evaluate().metric(Metrics.tv()).value();
    }

    private static double slope(Integrator integrator) {
        int a = 1600;
        int b = 3200;
        double ha = Math.log(a) / a;
        double hb = Math.log(b) / b;
        double slope = Math.log(tv(integrator, a) / tv(integrator, b)) / Math.log(ha / hb);
        System.out.printf("%s: local slope of log TV vs log h (T = %d..%d) = %.3f%n", integrator.spec(), a, b, slope);
        return slope;
    }

    @Test
    void probabilityFlowSamplerIsFirstOrder() {
        assertThat(slope(Integrators.parse("liOde"))).isCloseTo(1, within(0.15));
    }

    @Test
    void ddpmTypeSamplerIsFirstOrderInTv() {
        // the paper's bound is 1/sqrt(T); the measured rate is ~1/T (Li and Yan, arXiv 2409.18959)
        assertThat(slope(Integrators.parse("liDdpm"))).isCloseTo(1, within(0.15));
    }

    @Test
    void acceleratedOdeFormsAreSecondOrder() {
        assertThat(slope(Integrators.parse("acceleratedOde:form=multistep"))).isCloseTo(2, within(0.15));
        assertThat(slope(Integrators.parse("acceleratedOde:form=theory"))).isCloseTo(2, within(0.25));
        assertThat(slope(Integrators.parse("acceleratedOde:form=practical"))).isCloseTo(2, within(0.15));
    }

    /** Mutating the 1/4 or dropping sqrt(alpha_{t+1}) costs an order (li_samplers.md section 4.1). */
    @Test
    void coefficientMutationsAreFirstOrder() {
        assertThat(slope(new AcceleratedOde(AcceleratedOde.Form.MULTISTEP, 0.125, true))).isCloseTo(1, within(0.2));
        assertThat(slope(new AcceleratedOde(AcceleratedOde.Form.MULTISTEP, 0.5, true))).isCloseTo(1, within(0.2));
        assertThat(slope(new AcceleratedOde(AcceleratedOde.Form.MULTISTEP, 0.25, false))).isCloseTo(1, within(0.2));
    }

    @Test
    void acceleratedDdpmHasASmallerConstantThanDdpm() {
        assertThat(tv(Integrators.parse("acceleratedDdpm"), 1600)).isLessThan(tv(Integrators.parse("liDdpm"), 1600) / 3);
    }
}
