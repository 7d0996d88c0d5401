package org.difflab.distributed.sample;

import java.util.ArrayList;
import java.util.List;
import org.difflab.distributed.job.Outcome;
import org.difflab.distributed.job.ProgressListener;
import org.difflab.distributed.job.SparkTasks;
import org.difflab.distributed.spark.Cluster;

/**
 * A sampling run split by sample index across Spark's executors: n samples cut into contiguous ranges, one task each,
 * every range drawing the per-sample streams a local run of n draws for those indices ({@link SampleTask}), in whole
 * batches of that run unless the model is batch invariant; the parts come back in index order, to be written one after
 * the other into one file.
 */
public final class PartitionedSampling {
    private PartitionedSampling() {}

    /**
     * The result: the parts in order.
     *
     * @param parts      one per range, in sample order
     * @param partitions the number of ranges
     * @param seconds    the job's wall time
     */
    public record Result(List<SamplePart> parts, int partitions, double seconds) {
        public Result {
            parts = List.copyOf(parts);
        }

        /** Samples in all parts. */
        public int size() {
            return parts.stream().mapToInt(SamplePart::rows).sum();
        }

        /** Values per sample. */
        public int dim() {
            return parts.get(0).dim();
        }

        /** Model evaluations per sample of the last part's last batch (as a local run reports its last batch's). */
        public long nfe() {
            return parts.get(parts.size() - 1).nfe();
        }
    }

    /**
     * Contiguous ranges covering samples 0..n-1, as equal as can be, in units of the job's batch when the model is not
     * batch invariant (each range then holds whole batches of the local run, computed as that run computes them), else
     * in single samples.
     */
    public static List<SampleRange> ranges(SampleJob job, int n, int parts) {
        if (n < 1 || parts < 1) {
            throw new IllegalArgumentException("n = " + n + ", parts = " + parts + " is not allowed: both must be >= 1");
        }
        int unit = job.model().batchInvariant() ? 1 : job.batch();
        int units = (int) ((n + (long) unit - 1) / unit);
        int p = Math.min(parts, units);
        List<SampleRange> out = new ArrayList<>();
        long first = 0;
        for (int i = 0; i < p; i++) {
            long count = units / p + (i < units % p ? 1 : 0);
            int size = (int) Math.min(count * unit, n - first);
            out.add(new SampleRange(job, first, size));
            first += size;
        }
        return out;
    }

    /** The default number of parts: two per task slot (fewer when whole batches are fewer). */
    public static int defaultParts(Cluster cluster) {
        return 2 * cluster.parallelism();
    }

    /** Draws n samples in {@code parts} ranges on the cluster. */
    public static Result run(Cluster cluster, SampleJob job, int n, int parts, ProgressListener progress) {
        long start = System.nanoTime();
        List<SampleRange> ranges = ranges(job, n, parts);
        List<Outcome<SamplePart>> out = SparkTasks.run(cluster, "sample", "partition", ranges, new SampleTask(), progress);
        return new Result(out.stream().map(Outcome::value).toList(), ranges.size(), (System.nanoTime() - start) / 1e9);
    }
}
