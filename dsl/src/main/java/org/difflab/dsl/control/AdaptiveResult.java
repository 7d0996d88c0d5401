package org.difflab.dsl.control;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.difflab.dsl.integrator.Solve;

/**
 * What an {@link AdaptiveSolve} run returns: the final batch and, per sample, the model evaluations, accepted steps and
 * rejected steps it took.
 *
 * @param x        the final batch (the caller owns it)
 * @param nfe      model evaluations per sample
 * @param accepted accepted steps per sample (the final step to sigma = 0 included)
 * @param rejected rejected steps per sample
 */
public record AdaptiveResult(NDArray x, long[] nfe, int[] accepted, int[] rejected) {
    /** Counter of accepted steps summed over samples (the final step to sigma = 0 included). */
    public static final String ACCEPTED = "acceptedSteps";
    /** Counter of rejected steps summed over samples. */
    public static final String REJECTED = "rejectedSteps";
    /** Counter of model evaluations summed over samples. */
    public static final String SAMPLE_NFE = "sampleNfe";

    /** As a {@link Solve.Solution}: the largest per-sample NFE, and the sums over samples as counters. */
    public Solve.Solution solution() {
        Map<String, Long> counters = new TreeMap<>();
        counters.put(ACCEPTED, (long) Arrays.stream(accepted).sum());
        counters.put(REJECTED, (long) Arrays.stream(rejected).sum());
        counters.put(SAMPLE_NFE, Arrays.stream(nfe).sum());
        return new Solve.Solution(x, Arrays.stream(nfe).max().orElse(0), counters);
    }
}
