package org.difflab.runtime.zoo;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.difflab.dsl.Require;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.runtime.FileSha256;
import org.difflab.runtime.data.FashionMnist;
import org.difflab.runtime.data.FashionMnistImages;
import org.difflab.runtime.unet.TrainingSettings;
import org.difflab.runtime.unet.UNetConfig;
import org.difflab.runtime.unet.UNetScoreModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DiffLab's model zoo: UNets of increasing width trained by DiffLab itself on {@link
 * org.difflab.runtime.data.SyntheticShapes} or {@link FashionMnist} (real checkpoints cannot be downloaded here), one
 * zoo per family ({@link #standardFamilies()}), the levels of multilevel
 * samplers ({@link #hierarchy()}) and the networks of the real-network claims and of {@code difflab sample --model
 * zoo:NAME}.
 *
 * <p>Each {@link ZooEntry} is a recipe in code; its trained EMA weights are cached, not committed (about 22 MB for the
 * standard entries), in {@code CACHE/zoo/NAME.ckpt} ({@link org.difflab.runtime.unet.UNetCheckpoint} format, part "ema"
 * only) with CACHE = the system property {@code difflab.cache}, else the environment variable {@code DIFFLAB_CACHE},
 * else {@code ~/.cache/difflab}. {@code manifest.properties} next to them records each file's SHA-256 and recipe and
 * what training measured ({@link ZooRecord}); {@link #model} trains an entry on first use (reporting progress), loads
 * it afterwards, checks its SHA-256 on every load, and retrains an entry whose recipe changed. Nothing is downloaded.
 *
 * <p>Training is deterministic by seed: every entry trains with one intra-op thread, so the same machine gives the same
 * file bit for bit whatever its cores and however many entries train at once ({@link TrainingStreams}); another CPU
 * may give a slightly different, equally trained network (and its own SHA-256 in the manifest).
 *
 * <p>A zoo owns the models it has loaded; {@link #close()} frees them.
 */
public final class Zoo implements AutoCloseable {
    /** System property naming the cache directory (the zoo uses its subdirectory {@code zoo}). */
    public static final String CACHE_PROPERTY = "difflab.cache";
    /** Environment variable naming the cache directory when the property is absent. */
    public static final String CACHE_ENVIRONMENT = "DIFFLAB_CACHE";
    /** Times (DDPM steps 1..1000) at which level differences are measured. */
    public static final double[] DIFFERENCE_TIMES = {1, 10, 100, 500, 1000};
    /** Images of the held-out set (held-out losses, level differences). */
    public static final int HELD_OUT_IMAGES = 256;
    /** Time (DDPM step) at which evaluation costs are measured; the network's cost does not depend on it. */
    public static final double COST_TIME = 500;

    private static final Logger LOG = LoggerFactory.getLogger(Zoo.class);

    private final Map<String, ZooEntry> entries = new LinkedHashMap<>();
    private final Path directory;
    private final Consumer<String> progress;
    private final Map<String, UNetScoreModel> loaded = new LinkedHashMap<>();
    private final Map<String, HeldOutSet> heldOut = new LinkedHashMap<>();
    private int trainings;
    private boolean closed;

    private Zoo(List<ZooEntry> entries, Path directory, Consumer<String> progress) {
        for (int i = 0; i < entries.size(); i++) {
            ZooEntry e = Require.notNull("entries[" + i + "]", entries.get(i));
            UNetConfig first = entries.get(0).config();
            if (e.config().size() != first.size() || e.config().channels() != first.channels()) {
                throw new IllegalArgumentException("entries[" + i + "] (" + e.name() + ") has images of " + e.config().channels()
                        + " x " + e.config().size() + " x " + e.config().size() + ", which is not allowed: the entries form a "
                        + "hierarchy, so every one must have the image shape of entries[0], " + first.channels() + " x "
                        + first.size() + " x " + first.size());
            }
            if (this.entries.put(e.name(), e) != null) {
                throw new IllegalArgumentException("entries has the name " + e.name() + " twice, which is not allowed: names "
                        + "must be unique");
            }
        }
        this.directory = directory;
        this.progress = progress;
    }

    /**
     * The standard zoo, four UNets of widths 8, 16, 32, 64 on 16 x 16 RGB shapes ({@link #standardEntries()}), cached in
     * the default cache directory, reporting progress through the log (INFO).
     */
    public static Zoo standard() {
        return of(standardEntries(), defaultDirectory(), LOG::info);
    }

    /** A zoo of {@code entries} (a hierarchy in this order) cached in {@code directory}, reporting progress to {@code progress}. */
    public static Zoo of(List<ZooEntry> entries, Path directory, Consumer<String> progress) {
        Require.notNull("entries", entries);
        Require.notNull("directory", directory);
        Require.notNull("progress", progress);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("entries = [] is not allowed: a zoo needs at least 1 entry");
        }
        return new Zoo(entries, directory, progress);
    }

    /**
     * The standard entries: UNetConfig.of(16, width) (multipliers 1, 2, 2; 67k, 264k, 1.05M, 4.17M parameters) for
     * widths 8, 16, 32, 64, all trained alike: DDPM linear betas over 1000 steps, network time = step index 0..999,
     * batch 32, learning rate 1e-3, EMA decay 0.999, seeds 1 and 2 (the same images, times and noises for every
     * width), 800 iterations each.
     */
    public static List<ZooEntry> standardEntries() {
        TrainingSettings settings = TrainingSettings.ddpm();
        List<ZooEntry> out = new ArrayList<>();
        for (int width : new int[] {8, 16, 32, 64}) {
            out.add(new ZooEntry("shapes16-w" + width, UNetConfig.of(16, width), settings, 800));
        }
        return out;
    }

    /**
     * The Fashion-MNIST entries ({@link FashionMnistImages}, 28 x 28 grayscale): UNetConfig.of(1, 28, width, {1, 2, 2},
     * 1, max(1, width / 4)) for widths 4, 8, 12, 16 (17k, 67k, 149k, 263k parameters; the levels of multilevel samplers),
     * trained alike with {@link TrainingSettings#ddpm()}, 2000 iterations each. The files are read when an entry trains.
     */
    public static List<ZooEntry> fashionEntries() {
        FashionMnistImages data = FashionMnistImages.standard();
        TrainingSettings settings = TrainingSettings.ddpm();
        List<ZooEntry> out = new ArrayList<>();
        for (int width : new int[] {4, 8, 12, 16}) {
            UNetConfig config = UNetConfig.of(1, FashionMnist.SIDE, width, new int[] {1, 2, 2}, 1, Math.max(1, width / 4));
            out.add(new ZooEntry("fashion28-w" + width, data, config, settings, 2000));
        }
        return out;
    }

    /**
     * The standard families, each a hierarchy of its own (one zoo each, one cache folder for all): the synthetic shapes
     * ({@link #standardEntries()}, the fast networks of CI and the default claims) and Fashion-MNIST ({@link #fashionEntries()}).
     */
    public static List<List<ZooEntry>> standardFamilies() {
        return List.of(standardEntries(), fashionEntries());
    }

    /** The names of every standard entry, family by family. */
    public static List<String> standardNames() {
        return standardFamilies().stream().flatMap(List::stream).map(ZooEntry::name).toList();
    }

    /**
     * The zoo of the standard family that holds entry {@code name}, cached in {@code directory}.
     *
     * @throws IllegalArgumentException naming the name and every standard entry when no family holds it
     */
    public static Zoo standardFamilyOf(String name, Path directory, Consumer<String> progress) {
        for (List<ZooEntry> family : standardFamilies()) {
            if (family.stream().anyMatch(e -> e.name().equals(name))) {
                return of(family, directory, progress);
            }
        }
        throw new IllegalArgumentException("model = " + name + " is not allowed: the zoo has " + String.join(", ", standardNames()));
    }

    /** The default cache directory of the zoo: CACHE/zoo (see the class comment). */
    public static Path defaultDirectory() {
        String property = System.getProperty(CACHE_PROPERTY);
        String environment = System.getenv(CACHE_ENVIRONMENT);
        boolean fromProperty = property != null && !property.isBlank();
        boolean fromEnvironment = !fromProperty && environment != null && !environment.isBlank();
        Path cache = fromProperty ? Path.of(property) : fromEnvironment ? Path.of(environment) : Path.of(System.getProperty("user.home"), ".cache", "difflab");
        for (Path p : List.of(cache, cache.resolve("zoo"))) { // a file there would fail only when the first checkpoint is written
            if (Files.exists(p) && !Files.isDirectory(p)) {
                String source = fromProperty ? "-D" + CACHE_PROPERTY : fromEnvironment ? CACHE_ENVIRONMENT : "the default cache";
                throw new IllegalArgumentException(source + " = " + cache + " is not allowed: " + p + " is a file; the zoo cache needs a folder "
                        + "(set " + CACHE_ENVIRONMENT + " to one)");
            }
        }
        return cache.resolve("zoo");
    }

    /** The entry names, in hierarchy order (smallest first). */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /**
     * The entry {@code name}: architecture, training settings, iterations.
     *
     * @throws IllegalArgumentException naming the name and the allowed ones when there is no such entry
     */
    public ZooEntry spec(String name) {
        ZooEntry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("model = " + name + " is not allowed: the zoo has " + String.join(", ", names()));
        }
        return e;
    }

    /** The cache directory. */
    public Path directory() {
        return directory;
    }

    /** The cache file of entry {@code name} (it may not exist yet). */
    public Path checkpoint(String name) {
        return directory.resolve(spec(name).name() + ".ckpt");
    }

    /** What training entry {@code name} recorded, if it is cached with its current recipe. */
    public synchronized Optional<ZooRecord> record(String name) {
        ZooEntry e = spec(name);
        return ZooManifest.read(directory).record(name).filter(r -> r.recipe().equals(e.recipe()) && Files.isRegularFile(checkpoint(name)));
    }

    /**
     * The recorded level differences of entry {@code name} to the entry before it at {@link #DIFFERENCE_TIMES} (NaN
     * where not recorded, and for the first entry); recorded by {@link #measureDifferences()}.
     */
    public synchronized double[] differences(String name) {
        spec(name);
        return ZooManifest.read(directory).differences(name, DIFFERENCE_TIMES);
    }

    /** Trainings this zoo has run (for callers and tests that must know whether a call trained or loaded). */
    public synchronized int trainings() {
        return trainings;
    }

    /**
     * The EMA network of entry {@code name} as a score model (noise prediction, time by the entry's convention): loaded
     * from the cache, or trained first when it is not cached or was trained from another recipe. Owned by this zoo:
     * valid until {@link #close()}.
     *
     * @throws IllegalArgumentException     for an unknown name (naming the allowed ones)
     * @throws java.io.UncheckedIOException when the cached file's SHA-256 differs from the manifest's (naming both and
     *                                      how to retrain), or the cache cannot be read or written
     */
    public synchronized UNetScoreModel model(String name) {
        return model(name, Device.cpu());
    }

    /** As {@link #model(String)}, with the weights on {@code device} (see {@code DiffLabRuntime.device}); one copy per device. */
    public synchronized UNetScoreModel model(String name, Device device) {
        ZooEntry e = spec(name);
        Require.notNull("device", device);
        ensureOpen();
        String key = name + "@" + device;
        UNetScoreModel model = loaded.get(key);
        if (model == null) {
            if (record(name).isEmpty()) {
                ZooManifest.read(directory).record(name).filter(r -> !r.recipe().equals(e.recipe())).ifPresent(r -> progress
                        .accept(name + ": the cached weights were trained from another recipe (" + r.recipe() + "); retraining"));
                train(name);
            }
            model = load(e, device);
            loaded.put(key, model);
        }
        return model;
    }

    /**
     * Trains entry {@code name} now (also when it is cached) on the calling thread with one intra-op thread, writes its
     * checkpoint and manifest record, and returns the record. Models of this entry loaded before are closed. The zoo is
     * not locked while the entry trains, so other threads can train other entries of it at the same time
     * ({@link TrainingStreams}); do not train one entry on two threads at once.
     *
     * @throws java.util.concurrent.CancellationException when the thread is interrupted; nothing is cached then
     */
    public ZooRecord train(String name) {
        ZooEntry e;
        synchronized (this) {
            e = spec(name);
            ensureOpen();
            loaded.entrySet().removeIf(entry -> {
                boolean ours = entry.getKey().startsWith(name + "@");
                if (ours) {
                    entry.getValue().close();
                }
                return ours;
            });
        }
        ZooRecord r = EntryTraining.run(e, directory, heldOut(e), COST_TIME, progress);
        synchronized (this) {
            trainings++;
        }
        return r;
    }

    /** A job of {@link TrainingStreams} that trains entry {@code name} by {@link #train}, with its estimated cost. */
    public TrainingStreams.Job trainingJob(String name) {
        ZooEntry e = spec(name);
        return new TrainingStreams.Job(name, e.estimatedTrainingCost(), () -> train(name));
    }

    /**
     * The hierarchy of all entries, smallest first, with costs measured now ({@link #COST_TIME}, batch of 64, median of 7
     * calls after 2 warm-up calls, by the device clock); entries not cached are trained first. Its models are owned by
     * this zoo.
     */
    public synchronized ModelHierarchy hierarchy() {
        List<ScoreModel> models = new ArrayList<>();
        double[] costs = new double[entries.size()];
        for (String name : names()) {
            UNetScoreModel m = model(name);
            costs[models.size()] = EvaluationCost.medianSeconds(m, spec(name).settings().schedule().level(COST_TIME));
            models.add(m);
        }
        return ModelHierarchy.of(models, costs);
    }

    /**
     * Measures the level differences of every entry to the entry before it (mean squared difference of the noise
     * predictions on {@link #HELD_OUT_IMAGES} held-out images noised at each of {@link #DIFFERENCE_TIMES}), records
     * them in the manifest and returns them: row k - 1 for entry k (row 0, the first entry, is NaN). Entries not cached
     * are trained first.
     */
    public synchronized double[][] measureDifferences() {
        List<String> names = names();
        double[][] out = new double[names.size()][DIFFERENCE_TIMES.length];
        Arrays.fill(out[0], Double.NaN);
        for (int k = 1; k < names.size(); k++) {
            ZooEntry e = spec(names.get(k));
            UNetScoreModel coarse = model(names.get(k - 1));
            UNetScoreModel fine = model(e.name());
            for (int i = 0; i < DIFFERENCE_TIMES.length; i++) {
                out[k][i] = heldOut(e).difference(fine, coarse, DIFFERENCE_TIMES[i]);
            }
            double[] row = out[k];
            ZooManifest.update(directory, m -> m.putDifferences(e.name(), DIFFERENCE_TIMES, row));
        }
        return out;
    }

    private UNetScoreModel load(ZooEntry e, Device device) {
        Path file = checkpoint(e.name());
        ZooRecord r = ZooManifest.read(directory).record(e.name()).orElseThrow();
        String actual = sha256(file);
        if (!actual.equals(r.sha256())) {
            String message = "zoo cache file " + file + " has SHA-256 " + actual + ", but " + directory.resolve(ZooManifest.FILE)
                    + " records " + r.sha256() + " for " + e.name() + ": the file is corrupt or was changed; retrain it with "
                    + "'difflab train --model " + e.name() + " --force' (or delete the file)";
            throw new UncheckedIOException(message, new IOException(message));
        }
        return UNetScoreModel.load(file, e.settings().time(), device);
    }

    private synchronized HeldOutSet heldOut(ZooEntry e) {
        NoiseSchedule schedule = e.settings().schedule();
        return heldOut.computeIfAbsent(schedule.spec() + "/" + e.data().spec(), key -> HeldOutSet.of(schedule, e.data(), HELD_OUT_IMAGES));
    }

    static String sha256(Path file) {
        return FileSha256.of(file, "zoo cache file");
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this zoo is closed");
        }
    }

    /** Frees the models this zoo loaded. */
    @Override
    public synchronized void close() {
        closed = true;
        loaded.values().forEach(UNetScoreModel::close);
        loaded.clear();
    }
}
