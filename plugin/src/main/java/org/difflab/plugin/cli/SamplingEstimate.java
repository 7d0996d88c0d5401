package org.difflab.plugin.cli;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.difflab.dsl.observe.DurationEstimate;
import org.difflab.dsl.sampler.Sampler;
import org.difflab.dsl.sampler.Samples;

/**
 * Before a large sampling run, one line with its time on this machine ({@link DurationEstimate}): the same sampler
 * (schedule, target or model, integrator, batch size, type, device) is run on one batch for {@value #SHORT} and for
 * {@value #LONG} steps (the fastest of six and of four runs: the first warm the engine and the JIT; with fewer, a 10-step run of
 * 10^7 samples was estimated at 3 min against 23 s measured, now 50 s against 22 s), so that a batch's fixed cost (noise streams,
 * grid, first tensors) and its cost per step are told apart: time = batches x (fixed + steps x per step). Scaling one
 * short run instead overestimated tenfold (its fixed cost counted per step). Writing the output is not
 * included. Small runs (under {@value #PROBE_ABOVE_ROW_STEPS} sample-steps) are not probed: they end before an estimate
 * would help.
 */
final class SamplingEstimate {
    /** Steps of the short probe and the warm-up. */
    static final int SHORT = 2;
    /** Steps of the long probe (the run's steps when fewer). */
    static final int LONG = 20;
    /** Runs of fewer sample-steps (n times steps) are not probed. */
    static final double PROBE_ABOVE_ROW_STEPS = 1e7;

    private SamplingEstimate() {}

    /**
     * Probes and prints the line when the estimate passes {@link DurationEstimate#ANNOUNCE_SECONDS}.
     *
     * @param onSteps the run's sampler on a grid of the given number of steps (a new one per call: samplers are builders)
     */
    static void announce(Consumer<String> line, String command, long n, int batch, int steps, IntFunction<Sampler> onSteps) {
        if ((double) n * steps < PROBE_ABOVE_ROW_STEPS) {
            return;
        }
        int rows = (int) Math.min(batch, n);
        int shortSteps = Math.min(steps, SHORT);
        int longSteps = Math.min(steps, LONG);
        double shortSeconds = fastest(onSteps, shortSteps, rows, 6);
        double longSeconds = longSteps > shortSteps ? fastest(onSteps, longSteps, rows, 4) : shortSeconds;
        double perStep = longSteps > shortSteps ? Math.max(0, (longSeconds - shortSeconds) / (longSteps - shortSteps)) : shortSeconds / shortSteps;
        double fixed = Math.max(0, shortSeconds - shortSteps * perStep);
        long batches = (n + batch - 1) / batch;
        DurationEstimate.scaled(fixed + steps * perStep, 1, batches, String.format(Locale.ROOT, "%d batch%s of %d x (%.3g s + %d steps x %.3g s), "
                + "from %d- and %d-step probes of one batch; writing not included", batches, batches == 1 ? "" : "es", rows, fixed, steps, perStep,
                shortSteps, longSteps)).line(command).ifPresent(line);
    }

    /** The fastest of {@code times} runs: the first ones warm the engine and the JIT, a shared machine's load only slows. */
    private static double fastest(IntFunction<Sampler> onSteps, int steps, int rows, int times) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            try (Samples s = onSteps.apply(steps).sample(rows)) {
                best = Math.min(best, (System.nanoTime() - start) * 1e-9);
            }
        }
        return best;
    }
}
