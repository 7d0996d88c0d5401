package org.difflab.dsl.grid;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.DiscreteSchedule;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * A rule that places n sampling steps on any schedule: points from tMax down to tMin spaced by the rule,
 * then (by default) a final jump to t = 0. On a discrete schedule points are rounded to training indices,
 * which makes the grid a respaced subset of the training chain (as DDIM does).
 */
public abstract class GridSpec {
    private final String name;
    private final int steps;
    private final boolean finalJump;
    private final Rebuild rebuild;

    /** How a rule is built again with another step count or final jump: its constructor with its own parameters. */
    @FunctionalInterface
    protected interface Rebuild {
        /** The same rule with these steps and final jump. */
        GridSpec with(int steps, boolean finalJump);
    }

    // alike Prediction and UNetCheckpoint in form only: a constructor that stores its fields, then their accessors
    /**
     * @param name    the rule's short name, e.g. {@code uniform}
     * @param rebuild the same rule with other steps or final jump
     */
    protected GridSpec(String name, int steps, boolean finalJump, Rebuild rebuild) {
        this.name = name;
        this.steps = Require.positive("steps", steps);
        this.finalJump = finalJump;
        this.rebuild = rebuild;
    }

    /** Number of steps. */
    public int steps() {
        return steps;
    }

    /** Whether the grid ends with a jump to t = 0. */
    public boolean finalJump() {
        return finalJump;
    }

    /** Short name of the rule, e.g. {@code uniform}. */
    public final String name() {
        return name;
    }

    /** The same rule without the final jump: the grid ends at tMin (law(X_1) on the Li schedule). */
    public final GridSpec endingAtTMin() {
        return rebuild.with(steps, false);
    }

    /** The same rule with another step count. */
    public GridSpec withSteps(int steps) {
        return rebuild.with(steps, finalJump);
    }

    /**
     * Point i of m >= 2 decreasing points from tMax (i = 0) to tMin (i = m - 1) placed by this rule, before rounding; what
     * the rule needs of the schedule once (its ends in lambda, say) is computed before the function is returned.
     */
    protected abstract IntToDoubleFunction point(NoiseSchedule schedule, int m);

    /**
     * For rules that invert the schedule point by point (log-SNR, Karras: a root search each, about 9 us a point on a
     * loaded machine, so millions of steps take tens of seconds before a run starts): called for every point i, it
     * looks at the interrupt flag every 4096 points and stops the placement when it is set (Ctrl-C, a notebook's
     * interrupt), consuming the flag.
     *
     * @throws CancellationException when the thread was interrupted
     */
    protected final void stopIfInterrupted(NoiseSchedule schedule, int i, int m) {
        if (i % 4096 == 0 && Thread.interrupted()) {
            throw new CancellationException("placing the " + name() + " grid of " + steps + " steps on " + schedule.spec()
                    + " was interrupted at point " + i + " of " + m + "; nothing was run");
        }
    }

    /** Places the grid on a schedule. */
    public TimeGrid on(NoiseSchedule schedule) {
        Require.notNull("schedule", schedule);
        int m = finalJump ? steps : steps + 1;
        double[] t;
        if (m == 1) {
            t = new double[] {schedule.tMax()};
        } else {
            IntToDoubleFunction point = point(schedule, m);
            t = new double[m];
            for (int i = 0; i < m; i++) {
                t[i] = point.applyAsDouble(i);
            }
            t[0] = schedule.tMax();
            t[m - 1] = schedule.tMin();
        }
        if (schedule instanceof DiscreteSchedule d) {
            for (int i = 0; i < m; i++) {
                t[i] = Math.rint(t[i]);
                if (i > 0 && t[i] >= t[i - 1]) {
                    throw new IllegalArgumentException("steps = " + steps + " is not allowed for a " + name()
                            + " grid on " + schedule.spec() + ": rounding to training indices gives a repeated index " + (long) t[i]
                            + "; use at most " + d.trainingSteps() + " steps or another grid");
                }
            }
        }
        if (finalJump) {
            t = Arrays.copyOf(t, m + 1);
            t[m] = 0;
        }
        return new TimeGrid(schedule, t);
    }

    @Override
    public String toString() {
        return name() + "(" + steps + (finalJump ? "" : ", ending at tMin") + ")";
    }
}
