package org.difflab.dsl.control;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.observe.NonFiniteStateException;
import org.difflab.dsl.observe.StepEvent;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.RowReductions;

/**
 * The state of an {@link AdaptiveSolve} run, row by row: each sample's noise level, proposed step, previous scaled
 * error, counts, and whether its model prediction at its current point is known, beside the batch and those
 * predictions. One {@link #round} evaluates the rows that moved, finishes the rows at the last level and attempts one
 * step for every other row. Native memory is scoped per round: only the batch and the predictions outlive it.
 */
final class AdaptiveRows implements AutoCloseable {
    private final EmbeddedPair pair;
    private final StepController controller;
    private final List<StepObserver> observers;
    private final long firstSample;
    private final String name;
    private final StepVariable variable;
    private final NoiseLevel end;
    private final boolean finalJump;
    private final RowModel model;
    private final NoiseLevel[] at;
    private final double[] step;
    private final double[] previousError;
    private final int[] accepted;
    private final int[] rejected;
    private final boolean[] known;
    private final boolean[] done;
    private NDArray x;
    private NDArray eps;
    private int round;
    private final double startTime;
    private final double endTime;

    AdaptiveRows(EmbeddedPair pair, StepController controller, DiffusionProblem problem, TimeGrid grid,
            List<StepObserver> observers, long firstSample, NDArray initial) {
        this.pair = pair;
        this.controller = controller;
        this.observers = List.copyOf(observers);
        this.firstSample = firstSample;
        this.name = "adaptive " + pair.name();
        this.variable = pair.variable();
        this.finalJump = grid.end() == 0;
        this.startTime = grid.level(0).t();
        this.endTime = grid.end();
        int last = finalJump ? grid.steps() - 1 : grid.steps();
        this.end = grid.level(last);
        int n = Math.toIntExact(initial.getShape().get(0));
        this.model = new RowModel(grid.schedule(), problem.model(), n);
        this.at = new NoiseLevel[n];
        Arrays.fill(at, grid.level(0));
        double first = last == 0 ? 0 : variable.of(grid.level(1)) - variable.of(grid.level(0));
        this.step = new double[n];
        Arrays.fill(step, first);
        this.previousError = new double[n];
        Arrays.fill(previousError, 1);
        this.accepted = new int[n];
        this.rejected = new int[n];
        this.known = new boolean[n];
        this.done = new boolean[n];
        NDScope.unregister(initial);
        this.x = initial;
    }

    /** One round; false once every row is done. */
    boolean round() {
        int[] running = rows(r -> !done[r]);
        if (running.length == 0) {
            return false;
        }
        NDArray oldX = x;
        NDArray oldEps = eps;
        try (NDScope scope = new NDScope()) {
            evaluateMoved(rows(r -> !done[r] && !known[r]));
            int[] finishing = rows(r -> !done[r] && at[r] == end);
            if (finishing.length > 0) {
                finish(finishing);
            }
            int[] stepping = rows(r -> !done[r] && at[r] != end);
            if (stepping.length > 0) {
                attempt(stepping);
            }
            keep(oldX, oldEps);
        }
        notifyObservers(rows(r -> !done[r]));
        round++;
        return true;
    }

    /** The result; the batch is handed to the caller. */
    AdaptiveResult result() {
        NDArray out = x;
        x = null;
        return new AdaptiveResult(out, model.evaluations().clone(), accepted.clone(), rejected.clone());
    }

    private void evaluateMoved(int[] moved) {
        if (moved.length == 0) {
            return;
        }
        model.rows(moved);
        NDArray fresh = model.eps(RowColumns.gather(x, moved), levels(moved));
        for (int r : moved) {
            known[r] = true;
        }
        eps = eps == null ? fresh : RowColumns.replace(eps, moved, fresh);
    }

    /** The step to sigma = 0 (the x0 prediction) where the grid ends at 0; the rows are done either way. */
    private void finish(int[] rows) {
        if (finalJump) {
            double[] alpha = new double[rows.length];
            double[] sigma = new double[rows.length];
            for (int k = 0; k < rows.length; k++) {
                alpha[k] = at[rows[k]].alpha();
                sigma[k] = at[rows[k]].sigma();
                accepted[rows[k]]++;
            }
            NDArray here = RowColumns.gather(x, rows);
            NDArray x0 = here.sub(RowColumns.gather(eps, rows).mul(RowColumns.column(sigma, here))).div(RowColumns.column(alpha, here));
            x = RowColumns.replace(x, rows, x0);
        }
        for (int r : rows) {
            done[r] = true;
        }
    }

    private void attempt(int[] rows) {
        NoiseLevel[] from = levels(rows);
        NoiseLevel[] to = new NoiseLevel[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            double here = variable.of(from[k]);
            double target = here + step[r];
            double remaining = variable.of(end) - here;
            to[k] = (target - variable.of(end)) * Math.signum(remaining) >= 0 ? end : variable.level(model.schedule(), target);
        }
        NDArray start = RowColumns.gather(x, rows);
        model.rows(rows);
        EmbeddedPair.Attempt a = pair.attempt(model, start, RowColumns.gather(eps, rows), from, to);
        double[] error = ScaledError.of(start, a.higher(), a.lower(), controller.rtol(), controller.atol());
        int k = pair.lowerOrder() + 1;
        int[] moved = new int[rows.length];
        int[] movedAt = new int[rows.length];
        int count = 0;
        for (int j = 0; j < rows.length; j++) {
            int r = rows[j];
            double taken = variable.of(to[j]) - variable.of(from[j]);
            double factor = controller.factor(error[j], previousError[r], k);
            if (controller.accepts(error[j])) {
                accepted[r]++;
                previousError[r] = error[j];
                at[r] = to[j];
                known[r] = false;
                moved[count] = r;
                movedAt[count++] = j;
            } else {
                rejected[r]++;
            }
            step[r] = taken * factor;
            if (Double.isNaN(error[j])) {
                failIfPredictionNotFinite(r);
            }
            checkProgress(r, from[j], error[j]);
        }
        if (count > 0) {
            int[] which = Arrays.copyOf(movedAt, count);
            x = RowColumns.replace(x, Arrays.copyOf(moved, count), RowColumns.gather(a.higher(), which));
        }
    }

    /** Fails naming the sample when a NaN error comes from the model's prediction at the step's start (no smaller step helps). */
    private void failIfPredictionNotFinite(int r) {
        NDArray row = RowColumns.gather(eps, new int[] {r});
        if (!Double.isFinite(RowReductions.sumsOfSquares(row)[0])) {
            throw new NonFiniteStateException(name + " (model prediction of sample " + (firstSample + r) + ")", accepted[r],
                    controller.maxSteps(), at[r].t(), at[r].t(), firstSample + r);
        }
    }

    /** Fails when a row has used its attempts or its step has shrunk to nothing. */
    private void checkProgress(int r, NoiseLevel from, double error) {
        double here = variable.of(from);
        if (accepted[r] + rejected[r] >= controller.maxSteps()) {
            throw new IllegalStateException(name + ": sample " + (firstSample + r) + " took maxSteps = " + controller.maxSteps()
                    + " attempts (" + accepted[r] + " accepted, " + rejected[r] + " rejected) and is still at " + variable + " = " + here
                    + " (last scaled error " + error + "); allowed: raise maxSteps or rtol/atol (" + controller.spec() + ")");
        }
        if (!(Math.abs(step[r]) > 1e-12 * Math.max(1, Math.abs(here)))) {
            throw new IllegalStateException(name + ": the step size of sample " + (firstSample + r) + " shrank to " + step[r] + " at "
                    + variable + " = " + here + " (scaled error " + error + "); the tolerances " + controller.spec()
                    + " cannot be met there: raise rtol/atol or use float64");
        }
    }

    /** Takes the batch and the predictions out of the round's scope and frees those of the previous round they replace. */
    private void keep(NDArray oldX, NDArray oldEps) {
        NDScope.unregister(x);
        if (x != oldX) {
            oldX.close();
        }
        if (eps != null) {
            NDScope.unregister(eps);
            if (oldEps != null && eps != oldEps) {
                oldEps.close();
            }
        }
    }

    /** Tells the observers where the rows still running stand (time 0 and all done once none is left). */
    private void notifyObservers(int[] running) {
        if (observers.isEmpty()) {
            return;
        }
        double t = Arrays.stream(running).mapToDouble(r -> at[r].t()).max().orElse(0);
        long nfe = Arrays.stream(model.evaluations()).max().orElse(0);
        StepEvent event = new StepEvent(name, round, controller.maxSteps(), covered(t), t, t, x, nfe, firstSample);
        for (StepObserver o : observers) {
            o.onStep(event);
        }
    }

    /** The share of the time span from the grid's first point to its end that time t has covered, 0..1. */
    private double covered(double t) {
        return startTime == endTime ? 1 : Math.min(1, Math.max(0, (startTime - t) / (startTime - endTime)));
    }

    private NoiseLevel[] levels(int[] rows) {
        NoiseLevel[] out = new NoiseLevel[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = at[rows[k]];
        }
        return out;
    }

    private int[] rows(java.util.function.IntPredicate p) {
        return IntStream.range(0, at.length).filter(p).toArray();
    }

    @Override
    public void close() {
        if (x != null) {
            x.close();
            x = null;
        }
        if (eps != null) {
            eps.close();
            eps = null;
        }
    }
}
