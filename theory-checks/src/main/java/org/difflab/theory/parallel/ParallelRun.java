package org.difflab.theory.parallel;

import ai.djl.ndarray.types.DataType;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.parallel.Paradigms;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;

/**
 * One run of a sampler, sequential or parallel-in-time, with the three currencies of parallel sampling (research
 * note mlem_parallel.md E.3): rounds (sequential batched model calls; a sequential sampler's rounds are its
 * evaluations), evaluations per sample (the work) and wall time. Float64, a uniform grid, DDPM's linear betas over 1000
 * training steps (the default schedule, and the zoo networks' training schedule), a target's exact score or a trained
 * network; the same seed gives every sampler the same prior draws and noise, so outputs are paired.
 *
 * @param samples     the output, row-major [rows, d]
 * @param rounds      sequential batched model calls
 * @param evaluations model evaluations per sample
 * @param wallSeconds wall time of the run
 */
public record ParallelRun(double[] samples, long rounds, double evaluations, double wallSeconds) {

    /** Runs {@code integrator} on {@code steps} steps for {@code rows} samples in one batch. */
    public static ParallelRun of(Target target, Integrator integrator, int steps, int rows, long seed) {
        return of(target.exactScore(), integrator, steps, rows, seed);
    }

    /** Runs {@code integrator} with {@code model} on {@code steps} steps for {@code rows} samples in one batch. */
    public static ParallelRun of(ScoreModel model, Integrator integrator, int steps, int rows, long seed) {
        long start = System.nanoTime();
        try (Samples s = Diffusion.sampler().schedule(Schedules.ddpm()).model(model).integrator(integrator).grid(Grids.uniform(steps)).dataType(DataType.FLOAT64)
                .seed(seed).batchSize(rows).sample(rows)) {
            double[] x = s.tensor().toDoubleArray();
            double seconds = (System.nanoTime() - start) * 1e-9;
            Long rounds = s.counters().get(RunContext.ROUNDS);
            // ParaDiGMS evaluates each sample's own window, so its work is counted per sample
            Long evaluations = s.counters().get(Paradigms.EVALUATIONS);
            return new ParallelRun(x, rounds == null ? s.nfe() : rounds, evaluations == null ? s.nfe() : evaluations / (double) rows, seconds);
        }
    }

    /** The largest coordinate-wise gap to another run's output. */
    public double maxGap(ParallelRun other) {
        double worst = 0;
        for (int i = 0; i < samples.length; i++) {
            worst = Math.max(worst, Math.abs(samples[i] - other.samples[i]));
        }
        return worst;
    }

    /** The RMS per-coordinate gap to another run's output. */
    public double rmsGap(ParallelRun other) {
        double sum = 0;
        for (int i = 0; i < samples.length; i++) {
            double d = samples[i] - other.samples[i];
            sum += d * d;
        }
        return Math.sqrt(sum / samples.length);
    }
}
