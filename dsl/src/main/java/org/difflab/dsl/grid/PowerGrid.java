package org.difflab.dsl.grid;

import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * Points t_k = tEnd + (tMax - tEnd) (k/n)^p for k = n..0, rounded to the nearest training index on a discrete
 * schedule. With the final jump (the default) tEnd = 0: every step, the last one included, follows the rule, unlike
 * {@link UniformGrid} and {@link QuadraticGrid}, which space their points down to tMin and then jump to 0. Without
 * it tEnd = tMin, and p = 1 and p = 2 are the uniform and quadratic rules ending at tMin.
 *
 * <p>These are the block layouts of the Poisson midpoint method on DDPM (poisson_midpoint.md section 3): on a
 * training chain of N steps, p = 1 gives n equal blocks (N = 1000, n = 25: 1000, 960, ..., 40, 0) and p = 2 the
 * quadratic blocks round(N (k/n)^2) of section 3.1 (n = 25: 1000, 922, 846, ..., 14, 6, 2, 0). The quadratic rule
 * differs: n = 25 gives 1000, 918, 840, ..., 8, 3, 1, 0 (n - 1 quadratic steps to tMin = 1, then the jump), and
 * uniform gives 24 steps of 41-42 indices and the one-index step 1 -> 0.
 *
 * <p>The last positive point must not fall below tMin, where the model is not trained: about (tMax/tMin)^(1/p)
 * steps at most (44 for p = 2 on DDPM-1000, where 1000/44^2 = 0.52 still rounds to 1).
 */
public final class PowerGrid extends GridSpec {
    private final double p;

    public PowerGrid(int steps, double p, boolean finalJump) {
        super("power", steps, finalJump, (n, jump) -> new PowerGrid(n, p, jump));
        this.p = Require.positive("p", p);
    }

    /** The exponent p. */
    public double p() {
        return p;
    }

    @Override
    public TimeGrid on(NoiseSchedule schedule) {
        Require.notNull("schedule", schedule);
        int n = steps();
        double end = finalJump() ? 0 : schedule.tMin();
        double[] t = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double v = end + (schedule.tMax() - end) * Math.pow((double) (n - i) / n, p);
            t[i] = schedule.discrete() ? Math.rint(v) : v;
        }
        t[0] = schedule.tMax();
        t[n] = end;
        for (int i = 1; i < n; i++) {
            if (t[i] >= t[i - 1] || t[i] < schedule.tMin()) {
                throw new IllegalArgumentException("steps = " + n + " is not allowed for a power grid (p = " + p + ") on " + schedule.spec()
                        + ": point t_" + i + " = " + t[i] + (t[i] >= t[i - 1] ? " repeats or exceeds t_" + (i - 1) + " = " + t[i - 1]
                        : " lies below tMin = " + schedule.tMin()) + "; use fewer steps or a smaller p");
            }
        }
        return new TimeGrid(schedule, t);
    }

    @Override
    protected IntToDoubleFunction point(NoiseSchedule schedule, int m) {
        throw new AssertionError("power grids place their own points");
    }
}
