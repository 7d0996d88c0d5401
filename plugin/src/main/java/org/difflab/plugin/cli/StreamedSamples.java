package org.difflab.plugin.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.OffsetNoise;
import org.difflab.dsl.sampler.Sampler;
import org.difflab.dsl.sampler.Samples;

/**
 * Samples drawn chunk by chunk straight into a CSV or NPY file, so that memory is bounded by one chunk whatever n is.
 * Each chunk draws its samples with the noise of their global index ({@link OffsetNoise} over the per-sample source of
 * the seed), so the file holds the same bytes as one run of n samples kept in memory.
 */
final class StreamedSamples {
    /** Values per chunk (rows x d): 2^20 doubles, 8 MiB of rows. */
    static final long CHUNK_VALUES = 1 << 20;

    /** What the summary line reports. */
    record Written(int n, int dim, String integrator, int steps, long nfe, double seconds) {
    }

    private StreamedSamples() {}

    /** Rows per chunk: whole batches, about {@link #CHUNK_VALUES} values, at most n. */
    static int chunk(int n, int batch, long d) {
        long batches = Math.max(1, CHUNK_VALUES / Math.max(1, (long) batch * d));
        return (int) Math.min(n, batches * batch);
    }

    /** Draws n samples of dimension d with {@code sampler} and writes them to {@code file} as csv or npy. */
    static Written write(Sampler sampler, long seed, int n, int batch, int d, String format, Path file)
            throws IOException {
        int chunk = chunk(n, batch, d);
        long start = System.nanoTime();
        String integrator = null;
        int steps = 0;
        long nfe = 0;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                BufferedWriter csv = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16)) {
            if (format.equals("csv")) {
                CsvFile.header(csv, d);
            } else {
                o.write(NpyFile.header(n, d));
            }
            for (int first = 0; first < n; first += chunk) {
                int size = Math.min(chunk, n - first);
                try (Samples s = sampler.noise(new OffsetNoise(NoiseSources.perSample(seed), first)).sample(size)) {
                    for (double[] row : s.rows()) {
                        if (format.equals("csv")) {
                            CsvFile.rows(csv, row, d);
                        } else {
                            NpyFile.values(o, row);
                        }
                    }
                    integrator = s.integrator();
                    steps = s.steps();
                    nfe = s.nfe();
                }
            }
        }
        return new Written(n, d, integrator, steps, nfe, (System.nanoTime() - start) / 1e9);
    }
}
