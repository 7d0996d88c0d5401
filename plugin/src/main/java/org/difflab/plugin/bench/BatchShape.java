package org.difflab.plugin.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A batch shape of the overhead section, written {@code BxD} (batch x dimension) or {@code BxCxHxW} (an image batch:
 * the models there are element-wise, so C x H x W runs as one dimension of C H W entries, e.g. {@code 64x3x32x32} as
 * 64 x 3072).
 *
 * @param batch the batch size B
 * @param dim   the entries per sample (D, or C H W)
 * @param label the shape as written
 */
public record BatchShape(int batch, int dim, String label) {
    /** The largest batch size accepted. */
    public static final int MAX_BATCH = 65536;

    /** The most entries per sample accepted. */
    public static final int MAX_DIM = 1 << 20;

    /**
     * Parses the comma-separated values of {@code option}; a value that is not B x D or B x C x H x W with B in [1,
     * {@value #MAX_BATCH}] and D (or C H W) in [1, {@value #MAX_DIM}] gets an error naming the option and all values.
     */
    public static List<BatchShape> parse(String option, List<String> values) {
        List<BatchShape> shapes = new ArrayList<>();
        for (String v : values) {
            String[] parts = v.trim().split("x", -1);
            long batch = parts.length == 2 || parts.length == 4 ? number(parts[0]) : -1;
            long dim = 1;
            for (int i = 1; i < parts.length && batch > 0; i++) {
                dim *= Math.max(0, number(parts[i]));
            }
            if (batch < 1 || batch > MAX_BATCH || dim < 1 || dim > MAX_DIM) {
                throw new IllegalArgumentException(option + " = " + String.join(",", values) + " is not allowed: each shape must be BxD or BxCxHxW "
                        + "(e.g. 64x2 or 64x3x32x32), B an integer in [1, " + MAX_BATCH + "], D or C*H*W an integer in [1, " + MAX_DIM + "]");
            }
            shapes.add(new BatchShape((int) batch, (int) dim, v.trim()));
        }
        return shapes;
    }

    /** The value as a positive integer, or -1 where it is none (or too large to matter). */
    private static long number(String text) {
        if (!text.matches("[0-9]{1,8}")) {
            return -1;
        }
        return Long.parseLong(text);
    }
}
