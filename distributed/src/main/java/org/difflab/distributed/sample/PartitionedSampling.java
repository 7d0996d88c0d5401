package org.difflab.distributed.sample;

import java.util.ArrayList;
import java.util.List;
import org.difflab.distributed.job.Outcome;
import org.difflab.distributed.job.ProgressListener;
import org.difflab.distributed.job.SparkTasks;
import org.difflab.distributed.spark.Cluster;

/**
 * A sampling run split by sample index across Spark's executors: n samples cut into contiguous ranges, one task each,
 * every range drawing the per-sample streams a local run of n draws for those indices ({@link SampleTask}); the parts
 * come back in index order, to be written one after the other into one file.
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

    /** Contiguous ranges [first, first + size) covering 0..n-1, as equal as can be: the first n mod parts one larger. */
    public static List<SampleRange> ranges(SampleJob job, int n, int parts) {
        if (n < 1 || parts < 1) {
            throw new IllegalArgumentException("n = " + n + ", parts = " + parts + " is not allowed: both must be >= 1");
        }
        int p = Math.min(parts, n);
        List<SampleRange> out = new ArrayList<>();
        long first = 0;
        for (int i = 0; i < p; i++) {
            int size = n / p + (i < n % p ? 1 : 0);
            out.add(new SampleRange(job, first, size));
            first += size;
        }
        return out;
    }

    /** The default number of parts: two per task slot, and at least one per batch. */
    public static int defaultParts(Cluster cluster, int n, int batch) {
        return (int) Math.min(n, Math.max(2L * cluster.parallelism(), (n + (long) batch - 1) / batch));
    }

    /** Draws n samples in {@code parts} ranges on the cluster. */
    public static Result run(Cluster cluster, SampleJob job, int n, int parts, ProgressListener progress) {
        long start = System.nanoTime();
        List<SampleRange> ranges = ranges(job, n, parts);
        List<Outcome<SamplePart>> out = SparkTasks.run(cluster, "sample", "partition", ranges, new SampleTask(), progress);
        return new Result(out.stream().map(Outcome::value).toList(), ranges.size(), (System.nanoTime() - start) / 1e9);
    }
}
