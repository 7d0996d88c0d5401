package org.difflab.runtime.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.difflab.dsl.observe.DurationEstimate;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.FileSha256;
import org.difflab.runtime.unet.UNetCheckpoint;
import org.difflab.runtime.unet.UNetScoreModel;
import org.difflab.runtime.unet.UNetTrainer;

/**
 * Trains one {@link ZooEntry} on the calling thread and caches it: progress ten times along the way, then the held-out
 * loss and cost of the EMA network, the checkpoint (written to a temporary file, then moved: never half-written) and
 * its {@link ZooRecord} in the manifest. The training runs with one intra-op thread on the calling thread (restored
 * afterwards), so an entry's bits do not depend on the machine's cores nor on how many entries train at once.
 * An interrupt stops it between iterations with a {@code CancellationException}; nothing is cached then.
 */
final class EntryTraining {
    /** Iterations timed before a training run says how long it will take (its per-iteration cost model's probe). */
    static final int ESTIMATE_AFTER = 3;

    private EntryTraining() {}

    /**
     * Trains {@code e} into {@code directory}, judging it on {@code heldOut} and timing its evaluations at time
     * {@code costTime}; returns the record written.
     */
    static ZooRecord run(ZooEntry e, Path directory, HeldOutSet heldOut, double costTime, Consumer<String> progress) {
        int n = e.iterations();
        progress.accept(String.format(Locale.ROOT, "%s: training %s on %s, %d iterations of batch %d", e.name(), e.config(),
                e.data().spec(), n, e.settings().batchSize()));
        try {
            Files.createDirectories(directory);
        } catch (IOException ex) {
            throw new UncheckedIOException("zoo cache directory " + directory + " could not be created: " + ex.getMessage(), ex);
        }
        int threadsBefore = DiffLabRuntime.prepareThisThread(1);
        try (UNetTrainer trainer = UNetTrainer.start(e.config(), e.settings(), e.data())) {
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            double[] losses = new double[n];
            int every = Math.max(1, n / 10);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                losses[i] = trainer.step();
                if (i + 1 == ESTIMATE_AFTER && n > ESTIMATE_AFTER) { // the first iterations are the probe of the whole run's time
                    DurationEstimate.scaled((System.nanoTime() - start) * 1e-9, ESTIMATE_AFTER, n, String.format(Locale.ROOT,
                            "%d iterations, from the first %d", n, ESTIMATE_AFTER)).line(e.name() + ": training").ifPresent(progress);
                }
                if ((i + 1) % every == 0 || i == n - 1) {
                    double elapsed = (System.nanoTime() - start) * 1e-9;
                    progress.accept(String.format(Locale.ROOT, "%s: iteration %d/%d, loss %.4f (mean of the last %d), %.0f ms "
                            + "per iteration, %.0f s left", e.name(), i + 1, n, mean(losses, i + 1 - ((i % every) + 1), i + 1),
                            (i % every) + 1, 1e3 * elapsed / (i + 1), elapsed / (i + 1) * (n - i - 1)));
                }
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) * 1e-9;
            UNetScoreModel ema = trainer.scoreModel();
            double heldOutLoss = heldOut.loss(ema);
            double cost = EvaluationCost.medianSeconds(ema, e.settings().schedule().level(costTime));
            Path file = directory.resolve(e.name() + ".ckpt");
            write(trainer, file);
            ZooRecord r = new ZooRecord(e.recipe(), FileSha256.of(file, "zoo cache file"), trainer.network().parameterCount(), seconds,
                    cpuSeconds, mean(losses, n - Math.max(1, n / 10), n), heldOutLoss, cost);
            ZooManifest.update(directory, m -> m.put(e.name(), r));
            progress.accept(String.format(Locale.ROOT, "%s: trained in %.0f s (%.0f CPU s); loss %.4f, held-out loss %.4f, %.2f "
                    + "ms per evaluation (batch %d) -> %s", e.name(), seconds, cpuSeconds, r.trainLoss(), heldOutLoss, 1e3 * cost,
                    EvaluationCost.BATCH, file));
            return r;
        } finally {
            DiffLabRuntime.prepareThisThread(threadsBefore);
        }
    }

    /** The EMA weights of {@code trainer} to {@code file}, through a temporary file in the same folder and an atomic move. */
    private static void write(UNetTrainer trainer, Path file) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Map<String, NDArray> tensors = new LinkedHashMap<>();
                for (Pair<String, Parameter> p : trainer.ema().getParameters()) {
                    tensors.put("ema/" + p.getKey(), p.getValue().getArray());
                }
                UNetCheckpoint.save(tmp, trainer.config(), trainer.iteration(), tensors);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("zoo cache file " + file + " could not be written: " + ex.getMessage(), ex);
        }
    }

    private static double mean(double[] values, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += values[i];
        }
        return s / (to - from);
    }
}
