package org.difflab.dsl.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.difflab.dsl.noise.NoiseSource;
import org.difflab.dsl.noise.OffsetNoise;
import org.difflab.dsl.tensor.IntraOpThreads;

/**
 * The batch-invariance check of both conformance suites: the samples of one seed drawn in batches of 1, 7, 64 and
 * 1000 rows (so at every position of those batches, and in batches whose other rows differ) and with 1 and 2 intra-op
 * threads must be the same bits as the same samples drawn in one batch of 1000 rows with 1 thread. The reference run's
 * counters (clipped corrections, tolerance stops, selections, gates) are reported beside the verdict, so a reader can
 * see that the decision paths ran.
 *
 * <p>Runs, besides the reference: all 1000 samples in batches of 64 (the last one of 40); samples 0..34 in batches of
 * 7; samples {@link #ALONE} one by one; with 2 threads, all 1000 in one batch and samples 0..34 in batches of 7. The
 * 2-thread runs are skipped (and said so) when the engine's thread count cannot be changed ({@link IntraOpThreads}).
 */
final class BatchInvariance {
    /** Samples of the reference run (one batch). */
    static final int SAMPLES = 1000;
    /** Samples drawn in batches of 7. */
    static final int SMALL_BATCH_SAMPLES = 35;
    /** Samples drawn alone: first and last rows of the batches of 7 and 64, the middle, the last. */
    static final int[] ALONE = {0, 6, 63, 64, 500, 999};

    /** Draws samples [first, first + count) in batches of batchSize with the sampler under test and the check's seed. */
    interface Draw {
        Drawn draw(NoiseSource source, int count, int batchSize);
    }

    /** The rows of a draw (sample i of the draw in row i) and its counters summed over its batches. */
    record Drawn(double[][] rows, Map<String, Long> counters) {}

    /** The verdict and the reference run's counters. */
    record Outcome(CheckResult result, Map<String, Long> counters) {}

    private BatchInvariance() {}

    /**
     * Runs the comparisons.
     *
     * @param draw   the sampler under test
     * @param source the seeded noise source of every run (shifted for the samples drawn alone)
     * @param setup  what the draws run, for the report (target, steps)
     */
    static Outcome check(Draw draw, NoiseSource source, String setup) {
        OptionalInt threads = IntraOpThreads.current();
        Drawn reference = threads.isPresent() ? IntraOpThreads.with(1, () -> draw.draw(source, SAMPLES, SAMPLES))
                : draw.draw(source, SAMPLES, SAMPLES);
        List<String> parts = new ArrayList<>();
        int differ = 0;
        differ += compare(parts, "batch 64", reference, 0, run(threads, 1, () -> draw.draw(source, SAMPLES, 64)));
        differ += compare(parts, "batch 7", reference, 0, run(threads, 1, () -> draw.draw(source, SMALL_BATCH_SAMPLES, 7)));
        int aloneDiffer = 0;
        for (int i : ALONE) {
            aloneDiffer += compare(null, "alone", reference, i, run(threads, 1, () -> draw.draw(new OffsetNoise(source, i), 1, 1)));
        }
        parts.add("batch 1 (samples " + Arrays.toString(ALONE) + "): " + aloneDiffer + " of " + ALONE.length + " differ");
        differ += aloneDiffer;
        if (threads.isPresent()) {
            differ += compare(parts, "2 threads, batch 1000", reference, 0, IntraOpThreads.with(2, () -> draw.draw(source, SAMPLES, SAMPLES)));
            differ += compare(parts, "2 threads, batch 7", reference, 0, IntraOpThreads.with(2, () -> draw.draw(source, SMALL_BATCH_SAMPLES, 7)));
        } else {
            parts.add("2 threads: skipped (the engine's thread count cannot be changed)");
        }
        String detail = SAMPLES + " samples of " + setup + " against one batch of " + SAMPLES + " with 1 thread: " + String.join("; ", parts)
                + (reference.counters().isEmpty() ? "" : "; reference run's counters " + reference.counters());
        return new Outcome(CheckResult.of("batch-invariance", differ == 0, detail), reference.counters());
    }

    private static Drawn run(OptionalInt threads, int n, Supplier<Drawn> body) {
        return threads.isPresent() ? IntraOpThreads.with(n, body) : body.get();
    }

    /** Counts the rows of {@code drawn} (samples first, first + 1, ...) whose bits differ from the reference's. */
    private static int compare(List<String> parts, String what, Drawn reference, int first, Drawn drawn) {
        int differ = 0;
        for (int r = 0; r < drawn.rows().length; r++) {
            if (!Arrays.equals(drawn.rows()[r], reference.rows()[first + r])) {
                differ++;
            }
        }
        if (parts != null) {
            parts.add(what + ": " + differ + " of " + drawn.rows().length + " rows differ");
        }
        return differ;
    }
}
