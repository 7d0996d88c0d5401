package org.difflab.theory.claims;

import java.util.List;
import java.util.stream.Stream;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * One sampler run of a budget claim: integrator spec, grid rule spec with its step count, and what the claim expects
 * of it (null for the reference run).
 *
 * @param integrator integrator spec, as in {@code Integrators.parse}
 * @param grid       grid rule spec, as in {@code Grids.parse} (e.g. {@code uniform}, {@code quadratic})
 * @param steps      steps of the grid
 * @param expect     CLOSE to the reference or FAR from it; null for the reference itself
 */
public record BudgetRun(String integrator, String grid, int steps, Expect expect) {

    /** What a contender is expected to do. */
    public enum Expect {
        CLOSE, FAR
    }

    /** A contender expected close to the reference. */
    public static BudgetRun close(String integrator, String grid, int steps) {
        return new BudgetRun(integrator, grid, steps, Expect.CLOSE);
    }

    /** A contender expected far from the reference. */
    public static BudgetRun far(String integrator, String grid, int steps) {
        return new BudgetRun(integrator, grid, steps, Expect.FAR);
    }

    /** The reference run. */
    public static BudgetRun reference(String integrator, String grid, int steps) {
        return new BudgetRun(integrator, grid, steps, null);
    }

    /** The integrators of a budget claim: the reference's first, then the contenders', each once. */
    static List<String> integrators(BudgetRun reference, List<BudgetRun> contenders) {
        return Stream.concat(Stream.of(reference), contenders.stream()).map(BudgetRun::integrator).distinct()
                .toList();
    }

    /** E.g. {@code ddpm:variance=small on uniform(25)}. */
    public String label() {
        return integrator + " on " + grid + "(" + steps + ")";
    }

    /** The run's time grid on a schedule. */
    public TimeGrid on(NoiseSchedule schedule) {
        return Grids.parse(grid, steps).on(schedule);
    }
}
