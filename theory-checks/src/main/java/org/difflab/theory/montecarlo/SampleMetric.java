package org.difflab.theory.montecarlo;

import org.difflab.dsl.target.Target;

/**
 * A distance between two distributions estimated from samples of each (rows of a {@code double[][]}, one sample
 * per row), with a standard error: the Monte Carlo counterpart of {@link org.difflab.theory.metric.Metric} for
 * targets and samplers whose output law is not known in closed form (DESIGN.md, exact evaluation).
 * Build one with {@link SampleMetrics}.
 */
public interface SampleMetric {

    /** Short name, e.g. {@code mmd2}. */
    String name();

    /** The distance between the laws of the samples {@code x} and {@code y} (same dimension). */
    Estimate between(double[][] x, double[][] y);

    /** The distance from the samples {@code x} to the target, against {@code x.length} exact target samples drawn with {@code seed}. */
    default Estimate toTarget(double[][] x, Target target, long seed) {
        SampleRows.check("x", x);
        return between(x, TargetSamples.draw(target, x.length, seed));
    }
}
