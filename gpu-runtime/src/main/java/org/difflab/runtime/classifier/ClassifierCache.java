package org.difflab.runtime.classifier;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.difflab.dsl.Require;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.FileSha256;
import org.difflab.runtime.data.FashionMnist;
import org.difflab.runtime.zoo.Zoo;

/**
 * Trained feature classifiers cached like the model zoo: recipes in code ({@link ClassifierRecipe}), weights in
 * {@code CACHE/classifier/NAME.params} (CACHE as for the zoo: {@code difflab.cache}, {@code DIFFLAB_CACHE} or
 * {@code ~/.cache/difflab}), and {@value #MANIFEST} next to them recording each file's recipe, SHA-256, training time
 * and test accuracy ({@link ClassifierRecord}).
 *
 * <p>A cached file is used only for its own recipe and checksum: {@link #load} refuses a file trained from another
 * recipe, a changed file or a missing one, naming it and what to do; {@link #obtain} trains when the file is missing or
 * was trained from another recipe (saying so), and refuses a changed file. Files are written to a temporary name and
 * moved into place, so an interrupted training leaves the cache as it was.
 */
public final class ClassifierCache {
    /** The manifest's file name in the cache directory. */
    public static final String MANIFEST = "manifest.properties";
    private static final Object LOCK = new Object();
    /** The longest silence between two progress lines while training (besides a line at every tenth of the run). */
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final Path directory;
    private final Consumer<String> progress;

    private ClassifierCache(Path directory, Consumer<String> progress) {
        this.directory = directory;
        this.progress = progress;
    }

    /** The cache in {@link #defaultDirectory()}, reporting progress to {@code progress}. */
    public static ClassifierCache standard(Consumer<String> progress) {
        return of(defaultDirectory(), progress);
    }

    /** The cache in {@code directory}, reporting progress to {@code progress}. */
    public static ClassifierCache of(Path directory, Consumer<String> progress) {
        return new ClassifierCache(Require.notNull("directory", directory), Require.notNull("progress", progress));
    }

    /** CACHE/classifier, beside the zoo's CACHE/zoo. */
    public static Path defaultDirectory() {
        return Zoo.defaultDirectory().resolveSibling("classifier");
    }

    /** The cache directory. */
    public Path directory() {
        return directory;
    }

    /** The weights file of {@code recipe} (it may not exist yet). */
    public Path file(ClassifierRecipe recipe) {
        return directory.resolve(Require.notNull("recipe", recipe).name() + ".params");
    }

    /** What the manifest records for the classifier named {@code name}, whatever its recipe. */
    public Optional<ClassifierRecord> record(String name) {
        Require.notNull("name", name);
        Properties p = manifest();
        String sha = p.getProperty(name + ".sha256");
        if (sha == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClassifierRecord(p.getProperty(name + ".recipe", ""), sha,
                    Long.parseLong(p.getProperty(name + ".parameters", "0")), number(p, name + ".trainSeconds"),
                    number(p, name + ".cpuSeconds"), number(p, name + ".trainLoss"), number(p, name + ".testAccuracy")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The cached classifier of {@code recipe}; trains nothing.
     *
     * @throws IllegalStateException  when it is not cached (naming the file and how to train it)
     * @throws IllegalArgumentException when the cached file was trained from another recipe (naming both)
     * @throws UncheckedIOException    when the file's SHA-256 differs from the manifest's (naming both)
     */
    public FeatureClassifier load(ClassifierRecipe recipe) {
        Path file = file(recipe);
        Optional<ClassifierRecord> r = record(recipe.name()).filter(x -> Files.isRegularFile(file));
        if (r.isEmpty()) {
            throw new IllegalStateException("classifier " + recipe.name() + " is not cached: " + file + " or its line in "
                    + directory.resolve(MANIFEST) + " is missing; train it first (ClassifierCache.obtain or train)");
        }
        if (!r.get().recipe().equals(recipe.describe())) {
            throw new IllegalArgumentException("classifier cache file " + file + " was trained from the recipe " + r.get().recipe()
                    + ", which is not allowed for the recipe " + recipe.describe() + ": retrain it (ClassifierCache.train) or "
                    + "use the recipe it was trained from");
        }
        String actual = FileSha256.of(file, "classifier cache file");
        if (!actual.equals(r.get().sha256())) {
            String message = "classifier cache file " + file + " has SHA-256 " + actual + ", but " + directory.resolve(MANIFEST)
                    + " records " + r.get().sha256() + ": the file is corrupt or was changed; delete it to retrain it";
            throw new UncheckedIOException(message, new IOException(message));
        }
        return new FeatureClassifier(file, recipe);
    }

    /**
     * The classifier of {@code recipe}: loaded from the cache, or trained first when it is not cached or was trained from
     * another recipe (reported to the progress consumer).
     *
     * @throws UncheckedIOException when the cached file's SHA-256 differs from the manifest's (it is not overwritten)
     */
    public FeatureClassifier obtain(ClassifierRecipe recipe) {
        Optional<ClassifierRecord> r = record(recipe.name()).filter(x -> Files.isRegularFile(file(recipe)));
        if (r.isEmpty() || !r.get().recipe().equals(recipe.describe())) {
            r.ifPresent(x -> progress.accept(recipe.name() + ": the cached weights were trained from another recipe ("
                    + x.recipe() + "); retraining"));
            train(recipe);
        }
        return load(recipe);
    }

    /**
     * Trains {@code recipe} on Fashion-MNIST's training split now, writes its weights and manifest line, measures the
     * test accuracy of the written weights, and returns the record. Reports progress at every tenth of the run and at
     * least every 5 seconds.
     */
    public ClassifierRecord train(ClassifierRecipe recipe) {
        Require.notNull("recipe", recipe);
        FashionMnist data = FashionMnist.standard();
        int n = recipe.iterations();
        progress.accept(String.format(Locale.ROOT, "%s: training %s on %d Fashion-MNIST images (intra-op threads: %d)",
                recipe.name(), recipe.describe(), data.train().size(), DiffLabRuntime.threadsOfThisThread()));
        Path file = file(recipe);
        double[] losses = new double[n];
        long wall = System.nanoTime();
        long cpu = processCpuNanos();
        long parameters;
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, recipe.name(), ".tmp");
            try (ClassifierTrainer trainer = ClassifierTrainer.start(recipe, data.train())) {
                parameters = trainer.parameterCount();
                int reported = 0;
                long lastLine = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    losses[i] = trainer.step();
                    if ((i + 1) % Math.max(1, n / 10) == 0 || i == n - 1 || System.nanoTime() - lastLine > PROGRESS_NANOS) {
                        report(recipe, losses, reported, i + 1, wall);
                        reported = i + 1;
                        lastLine = System.nanoTime();
                    }
                }
                trainer.save(tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("classifier cache file " + file + " could not be written: " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - wall) * 1e-9;
        double cpuSeconds = (processCpuNanos() - cpu) * 1e-9;
        double accuracy;
        try (FeatureClassifier trained = new FeatureClassifier(file, recipe)) {
            accuracy = trained.accuracy(data.test());
        }
        int tail = Math.max(1, n / 10);
        ClassifierRecord r = new ClassifierRecord(recipe.describe(), FileSha256.of(file, "classifier cache file"), parameters,
                seconds, cpuSeconds, mean(losses, n - tail, n), accuracy);
        writeRecord(recipe.name(), r);
        progress.accept(String.format(Locale.ROOT, "%s: trained in %.0f s (%.0f CPU s); loss %.4f, test accuracy %.4f, "
                + "SHA-256 %s -> %s", recipe.name(), seconds, cpuSeconds, r.trainLoss(), accuracy, r.sha256(), file));
        return r;
    }

    /** Reports iterations {@code from} .. {@code to - 1}: their mean loss, the time per iteration so far, the time left. */
    private void report(ClassifierRecipe recipe, double[] losses, int from, int to, long start) {
        int n = losses.length;
        double perIteration = (System.nanoTime() - start) * 1e-9 / to;
        progress.accept(String.format(Locale.ROOT, "%s: %d of %d iterations, cross-entropy %.4f over the last %d, %.3f s each, "
                + "about %.0f s to go", recipe.name(), to, n, mean(losses, from, to), to - from, perIteration, perIteration * (n - to)));
    }

    private Properties manifest() {
        Path file = directory.resolve(MANIFEST);
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                String message = "classifier manifest " + file + " could not be read: " + e.getMessage() + "; delete it to retrain";
                throw new UncheckedIOException(message, new IOException(message, e));
            }
        }
        return p;
    }

    private void writeRecord(String name, ClassifierRecord r) {
        synchronized (LOCK) {
            Properties p = manifest();
            p.setProperty(name + ".recipe", r.recipe());
            p.setProperty(name + ".sha256", r.sha256());
            p.setProperty(name + ".parameters", Long.toString(r.parameters()));
            p.setProperty(name + ".trainSeconds", Double.toString(r.trainSeconds()));
            p.setProperty(name + ".cpuSeconds", Double.toString(r.cpuSeconds()));
            p.setProperty(name + ".trainLoss", Double.toString(r.trainLoss()));
            p.setProperty(name + ".testAccuracy", Double.toString(r.testAccuracy()));
            try {
                Path tmp = Files.createTempFile(directory, MANIFEST, ".tmp");
                try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    p.store(out, "DiffLab feature classifiers (org.difflab.runtime.classifier.ClassifierCache): sha256 is checked on "
                            + "every load");
                }
                Files.move(tmp, directory.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("classifier manifest in " + directory + " could not be written: " + e.getMessage(), e);
            }
        }
    }

    private static double number(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double mean(double[] values, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += values[i];
        }
        return s / (to - from);
    }
}
