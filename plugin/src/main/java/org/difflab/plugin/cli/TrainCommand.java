package org.difflab.plugin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.zoo.Zoo;
import org.difflab.runtime.zoo.ZooEntry;
import org.difflab.runtime.zoo.ZooRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab train}: trains the model zoo's UNets ({@link Zoo}) into the cache, or lists them. Entries already
 * cached with their current recipe are loaded (their checksum verified) instead of retrained, unless {@code --force}.
 * Prints progress, then per entry its losses and cost and, when every entry is cached, the level differences.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the model zoo (UNets of widths 8, 16, 32, 64 on 16x16 shapes, the levels of multilevel samplers) into "
                + "the cache ($DIFFLAB_CACHE/zoo, default ~/.cache/difflab/zoo), or list it. About 13 minutes for all four on 2 shared cores "
                + "with OMP_NUM_THREADS=1."})
final class TrainCommand implements Callable<Integer> {

    // own options: alike in form to other commands', but names, defaults and help texts differ (a shared @Mixin would change --help)
    @Option(names = "--model", paramLabel = "NAME", description = "Train only this entry (repeatable; default: all).")
    List<String> models = new ArrayList<>();

    @Option(names = "--force", description = "Retrain entries that are already cached.")
    boolean force;

    @Option(names = "--list", description = "List the entries and whether they are cached; train nothing.")
    boolean list;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Zoo zoo = Zoo.of(Zoo.standardEntries(), Zoo.defaultDirectory(), line -> {
            out.println(line);
            out.flush();
        })) {
            List<String> names = models.isEmpty() ? zoo.names() : models;
            names.forEach(zoo::spec);
            if (list) {
                out.print(listing(zoo));
                out.flush();
                return 0;
            }
            DiffLabRuntime.engine();
            out.printf(Locale.ROOT, "zoo cache: %s (intra-op threads: %d)%n", zoo.directory(), DiffLabRuntime.threads());
            long start = System.nanoTime();
            for (String name : names) {
                if (force || zoo.record(name).isEmpty()) {
                    zoo.train(name);
                } else {
                    zoo.model(name);
                    out.printf(Locale.ROOT, "%s: cached, checksum verified (--force retrains it)%n", name);
                }
            }
            out.printf(Locale.ROOT, "done in %.0f s%n%n", (System.nanoTime() - start) * 1e-9);
            out.print(records(zoo));
            if (zoo.names().stream().allMatch(n -> zoo.record(n).isPresent())) {
                out.println();
                out.print(differences(zoo, zoo.measureDifferences()));
            }
            out.printf(Locale.ROOT, "%ncache size: %.1f MB in %s%n", size(zoo.directory()) / 1e6, zoo.directory());
            out.flush();
        }
        return 0;
    }

    private static String listing(Zoo zoo) {
        TextTable t = new TextTable("name", "architecture", ">MFLOP/image", ">iterations", ">batch", "cached", "file");
        for (String name : zoo.names()) {
            ZooEntry e = zoo.spec(name);
            Path file = zoo.checkpoint(name);
            String state = zoo.record(name).isPresent() ? "yes" : Files.exists(file) ? "stale (other recipe or no manifest record)" : "no";
            t.row(name, e.config(), f("%.1f", e.flopsPerEvaluation() / 1e6), e.iterations(), e.settings().batchSize(), state, file);
        }
        return t.render();
    }

    private static String records(Zoo zoo) {
        TextTable t = new TextTable("name", ">parameters", ">iterations", ">train s", ">ms/iteration", ">train loss", ">held-out loss",
                ">ms/evaluation (batch 64)", ">MFLOP/image", ">MB");
        for (String name : zoo.names()) {
            Optional<ZooRecord> r = zoo.record(name);
            if (r.isEmpty()) {
                t.row(name, "-", "-", "-", "-", "-", "-", "-", "-", "not cached");
                continue;
            }
            ZooRecord x = r.get();
            int iterations = zoo.spec(name).iterations();
            t.row(name, x.parameters(), iterations, f("%.0f", x.trainSeconds()), f("%.0f", 1e3 * x.trainSeconds() / iterations),
                    f("%.4f", x.trainLoss()), f("%.4f", x.heldOutLoss()), f("%.2f", 1e3 * x.secondsPerEvaluation()),
                    f("%.1f", zoo.spec(name).flopsPerEvaluation() / 1e6), f("%.1f", size(zoo.checkpoint(name)) / 1e6));
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
