package org.difflab.runtime.zoo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The zoo cache's manifest, {@code manifest.properties} next to the checkpoints: per trained entry its
 * {@link ZooRecord} (recipe, SHA-256 of the checkpoint, losses, cost) and its level differences to the entry before
 * it. A plain sorted key=value file, so that a person can read it; it is rewritten whole (temporary file, then an
 * atomic move) under a file lock, so concurrent trainings do not lose each other's lines.
 */
final class ZooManifest {
    /** The manifest's file name in the cache directory. */
    static final String FILE = "manifest.properties";
    private static final Object JVM_LOCK = new Object();

    private final TreeMap<String, String> values;

    private ZooManifest(TreeMap<String, String> values) {
        this.values = values;
    }

    /** The manifest in {@code dir}; empty when there is none yet. */
    static ZooManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        TreeMap<String, String> values = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new UncheckedIOException("zoo manifest " + file + " could not be read: " + e.getMessage()
                        + "; delete it to retrain every entry", e instanceof IOException io ? io : new IOException(e));
            }
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        }
        return new ZooManifest(values);
    }

    /** Reads the manifest in {@code dir}, applies {@code change} and writes it back, holding the cache's lock. */
    static void update(Path dir, Consumer<ZooManifest> change) {
        synchronized (JVM_LOCK) {
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                ZooManifest m = read(dir);
                change.accept(m);
                m.write(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("zoo manifest in " + dir + " could not be updated: " + e.getMessage(), e);
            }
        }
    }

    /** The record of entry {@code name}, if it was trained into this cache. */
    Optional<ZooRecord> record(String name) {
        String sha = values.get(name + ".sha256");
        if (sha == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ZooRecord(values.getOrDefault(name + ".recipe", ""), sha,
                    Long.parseLong(values.getOrDefault(name + ".parameters", "0")), number(name + ".trainSeconds"), number(name + ".trainCpuSeconds"),
                    number(name + ".trainLoss"), number(name + ".heldOutLoss"), number(name + ".secondsPerEvaluation")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Records entry {@code name}; its level differences are dropped (they involved the old weights). */
    void put(String name, ZooRecord r) {
        values.keySet().removeIf(k -> k.startsWith(name + "."));
        values.put(name + ".recipe", r.recipe());
        values.put(name + ".sha256", r.sha256());
        values.put(name + ".parameters", Long.toString(r.parameters()));
        values.put(name + ".trainSeconds", format(r.trainSeconds()));
        values.put(name + ".trainCpuSeconds", format(r.trainCpuSeconds()));
        values.put(name + ".trainLoss", format(r.trainLoss()));
        values.put(name + ".heldOutLoss", format(r.heldOutLoss()));
        values.put(name + ".secondsPerEvaluation", format(r.secondsPerEvaluation()));
    }

    /** Records the level differences of entry {@code name} to the entry before it, one per time. */
    void putDifferences(String name, double[] times, double[] differences) {
        for (int i = 0; i < times.length; i++) {
            values.put(name + ".difference.t" + format(times[i]), format(differences[i]));
        }
    }

    /** The recorded level differences of entry {@code name} at {@code times}; NaN where none is recorded. */
    double[] differences(String name, double[] times) {
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            String v = values.get(name + ".difference.t" + format(times[i]));
            out[i] = v == null ? Double.NaN : Double.parseDouble(v);
        }
        return out;
    }

    private double number(String key) {
        String v = values.get(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    private void write(Path dir) throws IOException {
        StringBuilder text = new StringBuilder("# DiffLab model zoo cache: one block per trained entry (see org.difflab.runtime.zoo.Zoo);\n"
                + "# sha256 is checked on every load; difference.tK = mean squared difference of noise predictions to the\n"
                + "# entry before it on held-out images noised at time K\n");
        for (Map.Entry<String, String> e : values.entrySet()) {
            text.append(e.getKey()).append('=').append(e.getValue().replace("\\", "\\\\")).append('\n');
        }
        Path tmp = Files.createTempFile(dir, FILE, ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
