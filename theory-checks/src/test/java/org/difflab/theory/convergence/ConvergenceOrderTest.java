package org.difflab.theory.convergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.Metrics;
import org.junit.jupiter.api.Test;

/**
 * Empirical orders of the deterministic samplers on gaussian:d=2,mean=1,var=0.05 with exact errors (W2).
 * Clean asymptotics need: the continuous VP schedule (a discrete schedule rounds grid times to training indices),
 * a log-SNR grid ending at tMin (the fixed-size final jump to 0 and the prior mismatch at tMax are T-independent
 * error floors), and the exact initial law. The OLS confidence intervals are narrow because the residuals are
 * systematic (pre-asymptotic drift of the local slopes), so the test checks the fitted order and the last local
 * slope rather than CI coverage.
 */
class ConvergenceOrderTest {

    @Test
    void deterministicSamplersReachTheirOrders() {
        Gaussian g = (Gaussian) Targets.parse("gaussian:d=2,mean=1,var=0.05");
        ConvergenceResult r = Convergence.study(Integrators.ddim(), Integrators.probabilityFlowEuler(), Integrators.heun(),
                        Integrators.dpmSolverPP2M())
                .target(g).schedule(Schedules.vp()).grid(Grids.logSnr(10).endingAtTMin()).steps(40, 80, 160, 320, 640)
                .metric(Metrics.w2()).init(Init.EXACT).exact().run();
        System.out.println(r);
        for (ConvergenceResult.Series s : r.series().values()) {
            assertThat(s.fit().order()).as(s.integrator()).isCloseTo(s.expectedOrder(), within(0.05));
            double[] local = s.fit().localSlopes();
            assertThat(local[local.length - 1]).as(s.integrator() + " last local slope").isCloseTo(s.expectedOrder(), within(0.01));
            assertThat(s.points()).allMatch(ConvergenceResult.Point::nfeMatches);
        }
    }
}
