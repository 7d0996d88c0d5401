package org.difflab.theory.complexity;

import static org.assertj.core.api.Assertions.assertThat;

import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.TotalVariation;
import org.junit.jupiter.api.Test;

/**
 * DDIM on the VP schedule, uniform grid ending at tMin, exact initial law, TV upper bound: T(d, eps) grows as eps
 * shrinks and with d. The default grid (final jump to 0) and prior start leave T-independent error floors (the jump
 * from tMin = 1e-3 and the prior mismatch alpha(1) ~ 6e-3 per coordinate) that censor d = 16, eps = 1e-2 at 4096
 * steps, so this study isolates the discretisation error. The search uses TV's upper bracket H sqrt(2 - H^2), which
 * does not depend on the Monte Carlo size, so the metric is built with the smallest one (100 samples).
 */
class ComplexityStudyTest {
    private static final int[] DIMS = {1, 4, 16};
    private static final double[] EPS = {1e-1, 3e-2, 1e-2};

    @Test
    void ddimStepsGrowWithDimensionAndPrecision() {
        long start = System.nanoTime();
        ComplexityResult r = ComplexityStudy.of(Integrators.ddim()).dims(DIMS).eps(EPS).metric(new TotalVariation(100, 0))
                .grid(t -> Grids.uniform(t).endingAtTMin()).init(Init.EXACT).maxSteps(4096).run();
        System.out.println(r);
        System.out.printf("complexity study: %.1f s%n", (System.nanoTime() - start) * 1e-9);
        ComplexityResult.Series s = r.of(Integrators.ddim().spec());
        assertThat(s.cells()).allMatch(c -> !c.censored() && c.monotone() && c.error() <= c.eps());
        for (int d : DIMS) {
            for (int i = 1; i < EPS.length; i++) {
                assertThat(s.cell(d, EPS[i]).steps()).as("d = %d, eps = %s", d, EPS[i]).isGreaterThan(s.cell(d, EPS[i - 1]).steps());
            }
        }
        for (double e : EPS) {
            for (int i = 1; i < DIMS.length; i++) {
                assertThat(s.cell(DIMS[i], e).steps()).as("d = %d, eps = %s", DIMS[i], e).isGreaterThan(s.cell(DIMS[i - 1], e).steps());
            }
        }
        ComplexityFit fit = s.fit();
        assertThat(fit.points()).isEqualTo(DIMS.length * EPS.length);
        assertThat(fit.b()).isPositive();
        assertThat(fit.bLower()).isPositive().isLessThan(fit.b());
        assertThat(fit.bUpper()).isGreaterThan(fit.b());
        assertThat(fit.a()).isPositive();
    }
}
