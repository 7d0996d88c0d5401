package org.difflab.plugin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.classifier.ClassifierCache;
import org.difflab.runtime.classifier.ClassifierRecipe;
import org.difflab.runtime.zoo.TrainingStreams;
import org.difflab.runtime.zoo.Zoo;
import org.difflab.runtime.zoo.ZooEntry;
import org.difflab.runtime.zoo.ZooRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab train}: trains the model zoo's UNets ({@link Zoo}, both standard families) and the feature classifier
 * ({@link ClassifierCache}, {@link ClassifierRecipe#standard()}) into the cache, or lists them. Entries already cached with their current recipe are loaded (their checksum verified) instead of retrained,
 * unless {@code --force}. The entries to train run on {@code --jobs} streams at once ({@link TrainingStreams}, one
 * intra-op thread each: the same bits as one stream). Prints progress, then per entry its losses, wall and CPU time and
 * cost and, for each family whose entries are all cached, the level differences.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the model zoo into the cache ($DIFFLAB_CACHE/zoo, default ~/.cache/difflab/zoo), or list it: UNets of "
                + "widths 8, 16, 32, 64 on 16x16 synthetic shapes and of widths 4, 8, 12, 16 on 28x28 Fashion-MNIST (each family the "
                + "levels of multilevel samplers), and the Fashion-MNIST feature classifier (cache/classifier). They train on --jobs "
                + "streams at once, one intra-op thread each."})
final class TrainCommand implements Callable<Integer> {
    /**
     * The feature classifier's estimated cost per iteration in {@link ZooEntry#estimatedTrainingCost()}'s units: about
     * 0.065 s per iteration measured on one stream of two on the project's 2-core machine, at the 46 GFLOP/s the zoo's
     * estimate was fitted to.
     */
    static final double CLASSIFIER_ITERATION_COST = 3.0e9;

    private static final ClassifierRecipe CLASSIFIER = ClassifierRecipe.standard();

    // own options: alike in form to other commands', but names, defaults and help texts differ (a shared @Mixin would change --help)
    @Option(names = "--model", paramLabel = "NAME", description = "Train only this entry (repeatable; default: all).")
    List<String> models = new ArrayList<>();

    @Option(names = "--force", description = "Retrain entries that are already cached.")
    boolean force;

    @Option(names = "--list", description = "List the entries and whether they are cached; train nothing.")
    boolean list;

    @Option(names = "--jobs", paramLabel = "N", description = "Entries trained at once, one intra-op thread each (default: "
            + "${DEFAULT-VALUE}, two or the cores if fewer); the bits do not depend on it.")
    int jobs = TrainingStreams.defaultStreams();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (jobs < 1 || jobs > 64) {
            throw new IllegalArgumentException("--jobs = " + jobs + " is not allowed: must be an integer in [1, 64]");
        }
        Consumer<String> progress = line -> {
            out.println(line);
            out.flush();
        };
        List<Zoo> zoos = new ArrayList<>();
        ClassifierCache classifiers = ClassifierCache.of(ClassifierCache.defaultDirectory(), progress);
        try {
            Map<String, Zoo> byName = new LinkedHashMap<>();
            for (List<ZooEntry> family : Zoo.standardFamilies()) {
                Zoo zoo = Zoo.of(family, Zoo.defaultDirectory(), progress);
                zoos.add(zoo);
                zoo.names().forEach(n -> byName.put(n, zoo));
            }
            List<String> names = models.isEmpty() ? List.copyOf(byName.keySet()) : models.stream().filter(byName::containsKey).toList();
            for (String name : models) {
                if (!byName.containsKey(name) && !name.equals(CLASSIFIER.name())) {
                    throw new IllegalArgumentException("model = " + name + " is not allowed: the zoo has " + String.join(", ",
                            byName.keySet()) + ", and the feature classifier " + CLASSIFIER.name());
                }
            }
            if (list) {
                out.print(listing(zoos, classifiers));
                out.flush();
                return 0;
            }
            boolean classifier = models.isEmpty() || models.contains(CLASSIFIER.name());
            train(names, byName, classifier ? classifiers : null, out, progress);
            out.print(records(zoos));
            classifiers.record(CLASSIFIER.name()).filter(r -> r.recipe().equals(CLASSIFIER.describe())).ifPresent(r -> out.printf(
                    Locale.ROOT, "%s: test accuracy %.4f, trained in %.0f s%n", CLASSIFIER.name(), r.testAccuracy(), r.trainSeconds()));
            for (Zoo zoo : zoos) {
                if (zoo.names().stream().allMatch(n -> zoo.record(n).isPresent())) {
                    out.println();
                    out.print(differences(zoo, zoo.measureDifferences()));
                }
            }
            out.printf(Locale.ROOT, "%ncache size: %.1f MB in %s%n", size(Zoo.defaultDirectory()) / 1e6, Zoo.defaultDirectory());
            out.flush();
        } finally {
            zoos.forEach(Zoo::close);
        }
        return 0;
    }

    /** Trains what is not cached on the streams: the zoo entries {@code names} and, unless null, the feature classifier. */
    private void train(List<String> names, Map<String, Zoo> byName, ClassifierCache classifiers, PrintWriter out,
            Consumer<String> progress) {
        DiffLabRuntime.engine();
        out.printf(Locale.ROOT, "zoo cache: %s (streams: up to %d, one intra-op thread each)%n", Zoo.defaultDirectory(), jobs);
        long start = System.nanoTime();
        List<TrainingStreams.Job> toTrain = new ArrayList<>();
        for (String name : names) {
            Zoo zoo = byName.get(name);
            if (force || zoo.record(name).isEmpty()) {
                toTrain.add(zoo.trainingJob(name));
            } else {
                zoo.model(name);
                out.printf(Locale.ROOT, "%s: cached, checksum verified (--force retrains it)%n", name);
            }
        }
        if (classifiers != null) {
            if (force || classifiers.record(CLASSIFIER.name()).filter(r -> r.recipe().equals(CLASSIFIER.describe())
                    && Files.isRegularFile(classifiers.file(CLASSIFIER))).isEmpty()) {
                toTrain.add(new TrainingStreams.Job(CLASSIFIER.name(), CLASSIFIER.iterations() * CLASSIFIER_ITERATION_COST,
                        () -> classifiers.train(CLASSIFIER)));
            } else {
                classifiers.load(CLASSIFIER).close();
                out.printf(Locale.ROOT, "%s: cached, checksum verified (--force retrains it)%n", CLASSIFIER.name());
            }
        }
        TrainingStreams.run(toTrain, jobs, progress);
        List<TrainingStreams.Job> entries = toTrain.stream().filter(j -> byName.containsKey(j.name())).toList();
        double cpu = entries.stream().mapToDouble(j -> byName.get(j.name()).record(j.name()).orElseThrow().trainCpuSeconds()).sum();
        out.printf(Locale.ROOT, "done in %.0f s (%d job%s; the %d zoo entr%s took %.0f CPU s)%n%n", (System.nanoTime() - start) * 1e-9,
                toTrain.size(), toTrain.size() == 1 ? "" : "s", entries.size(), entries.size() == 1 ? "y" : "ies", cpu);
    }

    private static String listing(List<Zoo> zoos, ClassifierCache classifiers) {
        TextTable t = new TextTable("name", "data", "architecture", ">MFLOP/image", ">iterations", ">batch", "cached", "file");
        for (Zoo zoo : zoos) {
            for (String name : zoo.names()) {
                ZooEntry e = zoo.spec(name);
                Path file = zoo.checkpoint(name);
                String state = zoo.record(name).isPresent() ? "yes" : Files.exists(file) ? "stale (other recipe or no manifest record)" : "no";
                t.row(name, e.data().spec(), e.config(), f("%.1f", e.flopsPerEvaluation() / 1e6), e.iterations(), e.settings().batchSize(),
                        state, file);
            }
        }
        Path file = classifiers.file(CLASSIFIER);
        boolean cached = classifiers.record(CLASSIFIER.name()).filter(r -> r.recipe().equals(CLASSIFIER.describe())).isPresent()
                && Files.isRegularFile(file);
        t.row(CLASSIFIER.name(), "fashion28", CLASSIFIER.describe().replaceFirst(",iterations=.*", ""), "-", CLASSIFIER.iterations(),
                CLASSIFIER.batchSize(), cached ? "yes" : Files.exists(file) ? "stale (other recipe or no manifest record)" : "no", file);
        return t.render();
    }

    private static String records(List<Zoo> zoos) {
        TextTable t = new TextTable("name", ">parameters", ">iterations", ">train s", ">CPU s", ">ms/iteration", ">train loss",
                ">held-out loss", ">ms/evaluation (batch 64)", ">MFLOP/image", ">MB");
        for (Zoo zoo : zoos) {
            for (String name : zoo.names()) {
                Optional<ZooRecord> r = zoo.record(name);
                if (r.isEmpty()) {
                    t.row(name, "-", "-", "-", "-", "-", "-", "-", "-", "-", "not cached");
                    continue;
                }
                ZooRecord x = r.get();
                int iterations = zoo.spec(name).iterations();
                t.row(name, x.parameters(), iterations, f("%.0f", x.trainSeconds()), f("%.0f", x.trainCpuSeconds()),
                        f("%.0f", 1e3 * x.trainSeconds() / iterations), f("%.4f", x.trainLoss()), f("%.4f", x.heldOutLoss()),
                        f("%.2f", 1e3 * x.secondsPerEvaluation()), f("%.1f", zoo.spec(name).flopsPerEvaluation() / 1e6),
                        f("%.1f", size(zoo.checkpoint(name)) / 1e6));
            }
        }
        return t.render();
    }

    private static String differences(Zoo zoo, double[][] d) {
        String[] header = new String[Zoo.DIFFERENCE_TIMES.length + 1];
        header[0] = "level difference";
        for (int i = 0; i < Zoo.DIFFERENCE_TIMES.length; i++) {
            header[i + 1] = ">t=" + (long) Zoo.DIFFERENCE_TIMES[i];
        }
        TextTable t = new TextTable(header);
        List<String> names = zoo.names();
        for (int k = 1; k < names.size(); k++) {
            Object[] row = new Object[header.length];
            row[0] = names.get(k) + " - " + names.get(k - 1);
            for (int i = 0; i < Zoo.DIFFERENCE_TIMES.length; i++) {
                row[i + 1] = f("%.3g", d[k][i]);
            }
            t.row(row);
        }
        return "Level differences: mean squared difference of the noise predictions on " + Zoo.HELD_OUT_IMAGES
                + " held-out images noised at step t" + System.lineSeparator() + t.render();
    }

    private static String f(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }

    private static long size(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        try (var files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("zoo cache " + path + " could not be read: " + e.getMessage(), e);
        }
    }
}
