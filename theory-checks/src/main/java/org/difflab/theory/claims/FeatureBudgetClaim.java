package org.difflab.theory.claims;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.classifier.FeatureClassifier;
import org.difflab.runtime.data.FashionMnist;
import org.difflab.runtime.data.ImageGrid;
import org.difflab.runtime.data.LabelledImages;
import org.difflab.theory.features.FeatureComparison;
import org.difflab.theory.features.FeatureDistanceDifference;
import org.difflab.theory.features.FeatureDistanceEstimate;
import org.difflab.theory.features.FeatureRanking;
import org.difflab.theory.features.FrechetDistance;
import org.difflab.theory.features.KernelDistance;
import org.difflab.theory.features.PercentileBootstrap;

/**
 * Samplers on a network trained on Fashion-MNIST, judged by feature distances to Fashion-MNIST's test set (issue 23,
 * point 4): every run draws {@code samples} images from the same seed (image i of every run from the same noise), a
 * classifier maps them to features, and FD and KD to {@code referenceImages} test images get 95% bootstrap intervals
 * ({@link FeatureComparison}); each run's distance minus the baseline's (run 0) gets the paired interval in which
 * the test images are resampled once for both ({@link FeatureComparison#ranking}). Beside them, at the same n, the two
 * floors no sampler can be expected to beat (two disjoint halves of the test images; n training against n test
 * images), the classifier's class histogram of each run with its total variation to uniform (and of n test images),
 * NFE and wall time per run, and a sample grid per run. The verdicts are the {@link FeatureRule}s, judged by FD; KD is
 * reported beside it. These are DiffLab's feature distances, not FID or KID: they rank samplers on the same data.
 *
 * @param id              short stable id
 * @param family          the report section
 * @param provenance      the paper, the place in it, the kind of claim and how the setting differs
 * @param statement       what the theory states
 * @param model           the network (28x28x1, trained on Fashion-MNIST), built when checked
 * @param classifier      the feature classifier, built when checked
 * @param schedule        the network's training schedule spec
 * @param runs            the runs: run 0 is the baseline of the tables' differences; at least 2, labels distinct
 * @param rules           the judged comparisons, at least 1
 * @param samples         images per run (and rows of each floor set), at least 16
 * @param referenceImages test images in the reference set (chosen by a seeded permutation), in [2 samples, 4096]
 * @param resamples       bootstrap resamples, at least 20
 * @param seed            seed of the samplers (the test rows, floors and bootstrap use seeds derived from it)
 * @param note            what a reader should know (may be empty)
 */
public record FeatureBudgetClaim(String id, String family, Provenance provenance, String statement, ClaimModel model, ClaimClassifier classifier,
                                 String schedule, List<BudgetRun> runs, List<FeatureRule> rules, int samples, int referenceImages, int resamples,
                                 long seed, String note) implements Claim {
    private static final double LEVEL = 0.95;

    public FeatureBudgetClaim {
        Claim.requireId(id);
        if (provenance == null || model == null || classifier == null || runs == null || runs.size() < 2 || rules == null || rules.isEmpty()) {
            throw new IllegalArgumentException("provenance = " + provenance + ", model = " + model + ", classifier = " + classifier + ", runs = "
                    + runs + ", rules = " + rules + " are not allowed for claim " + id + ": give a provenance, a model, a classifier, at least "
                    + "2 runs and at least 1 rule");
        }
        Schedules.parse(schedule);
        runs = List.copyOf(runs);
        rules = List.copyOf(rules);
        if (new HashSet<>(runs.stream().map(BudgetRun::label).toList()).size() != runs.size()) {
            throw new IllegalArgumentException("runs = " + runs.stream().map(BudgetRun::label).toList() + " is not allowed for claim " + id
                    + ": every run needs its own label (integrator, grid and steps)");
        }
        for (FeatureRule r : rules) {
            if (Math.max(r.first(), r.second()) >= runs.size()) {
                throw new IllegalArgumentException("rule " + r + " is not allowed for claim " + id + ": run indices must be < " + runs.size());
            }
        }
        Require.inRange("samples", samples, 16, KernelDistance.MAXIMUM_ROWS / 2);
        Require.inRange("referenceImages", referenceImages, 2 * samples, KernelDistance.MAXIMUM_ROWS);
        Require.inRange("resamples", resamples, 20, 100_000);
        note = Claim.orEmpty(note);
    }

    @Override
    public String rule() {
        return "feature distances to Fashion-MNIST's test images, judged by FD: " + FeatureRule.TEXT;
    }

    /** This claim with other runs and rules (e.g. a mutant, for a control) and {@code fewerSamples} images per run. */
    public FeatureBudgetClaim withRuns(List<BudgetRun> otherRuns, List<FeatureRule> otherRules, int fewerSamples) {
        return new FeatureBudgetClaim(id, family, provenance, statement, model, classifier, schedule, otherRuns, otherRules, fewerSamples,
                referenceImages, resamples, seed, note);
    }

    @Override
    public List<String> integrators() {
        return BudgetRun.integrators(runs.get(0), runs.subList(1, runs.size()));
    }

    @Override
    public String expectation() {
        return rules.stream().map(r -> r.kind() == FeatureRule.Kind.AHEAD
                ? String.format(Locale.ROOT, "%s ahead of %s", runs.get(r.first()).label(), runs.get(r.second()).label())
                : String.format(Locale.ROOT, "%s within %.0f%% of FD(%s)", runs.get(r.first()).label(), 100 * r.tolerance(),
                        runs.get(r.second()).label())).collect(Collectors.joining("; "));
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "model %s, schedule %s; features and classes from %s; %d images per run (sampler seed %d: image i "
                        + "of every run from the same noise) against %d Fashion-MNIST test images (seeded permutation, seed %d); FD and KD "
                        + "with %.0f%% bootstrap intervals (%d resamples, seed %d), differences to %s paired (test images resampled once "
                        + "for both); floors at n = %d: two disjoint halves of the test images (seed %d), n training vs n test images "
                        + "(seed %d)", model.description(), schedule, classifier.description(), samples, seed, referenceImages, seed + 1,
                100 * LEVEL, resamples, seed + 5, runs.get(0).label(), samples, seed + 3, seed + 4);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        Consumer<String> progress = line -> System.err.println(id + ": " + line);
        FashionMnist data = FashionMnist.standard();
        try (FeatureClassifier c = classifier.build().get()) {
            Reference ref = reference(data, c);
            NoiseSchedule s = Schedules.parse(schedule);
            List<ImageRun> done = model.with(m -> runs.stream().map(r -> {
                progress.accept("sampling " + samples + " images with " + r.label());
                return ImageRun.draw(m, s, r, samples, seed, c, progress);
            }).toList());
            progress.accept("feature distances (" + resamples + " bootstrap resamples)");
            FeatureComparison fd = new FeatureComparison(new FrechetDistance(), new PercentileBootstrap(resamples, LEVEL, seed + 5, progress));
            FeatureComparison kd = new FeatureComparison(new KernelDistance(), new PercentileBootstrap(resamples, LEVEL, seed + 5, progress));
            Map<String, double[][]> byLabel = new LinkedHashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                byLabel.put(runs.get(i).label(), done.get(i).features());
            }
            String baseline = runs.get(0).label();
            FeatureRanking fdRanking = fd.ranking(byLabel, baseline, ref.features);
            FeatureRanking kdRanking = kd.ranking(byLabel, baseline, ref.features);
            List<Check> checks = new ArrayList<>();
            for (FeatureRule r : rules) {
                String first = runs.get(r.first()).label();
                FeatureDistanceDifference d = r.second() == 0 ? fdRanking.against(first)
                        : fd.difference(first, byLabel.get(first), runs.get(r.second()).label(), byLabel.get(runs.get(r.second()).label()),
                        ref.features);
                checks.add(r.judge(d));
            }
            List<Table> tables = List.of(distances(done, fdRanking, kdRanking, fd, kd, ref), classes(done, ref));
            List<double[]> points = new ArrayList<>();
            for (int i = 1; i < runs.size(); i++) {
                FeatureDistanceEstimate e = fdRanking.against(runs.get(i).label()).firstDistance();
                points.add(new double[] {done.get(i).nfe(), e.value(), (e.upper() - e.lower()) / 2});
            }
            Chart chart = MonteCarloComparison.chart(id + ": FD to the test images", "FD (DiffLab's classifier features)", runs.get(0),
                    fdRanking.baselineDistance().value(), done.get(0).nfe(), runs.subList(1, runs.size()), points);
            List<Figure> figures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                figures.add(new Figure(String.format(Locale.ROOT, "%s%s, %d NFE per image", i == 0 ? "baseline " : "", runs.get(i).label(),
                        done.get(i).nfe()), done.get(i).grid()));
            }
            figures.add(new Figure("data: Fashion-MNIST test images (the first " + ImageRun.SHOWN + " of the reference set)", ref.grid));
            return new ClaimResult(this, checks, tables, chart, figures, (System.nanoTime() - start) * 1e-9);
        }
    }

    /** The reference set's features, n training images' features, the classes of n test images, and a grid. */
    private record Reference(double[][] features, double[][] train, int[] classes, BufferedImage grid) {}

    private Reference reference(FashionMnist data, FeatureClassifier c) {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray test = data.test().batch(m, rows(data.test(), referenceImages, seed + 1));
            double[][] train = c.features(data.train().batch(m, rows(data.train(), samples, seed + 2)));
            return new Reference(c.features(test), train, c.predict(test.get(new NDIndex("0:{}", samples))),
                    ImageGrid.render(test.get(new NDIndex("0:{}", ImageRun.SHOWN)), 8, 3));
        }
    }

    private static int[] rows(LabelledImages split, int n, long seed) {
        return new PermutationSampler(RandomSource.SPLIT_MIX_64.create(seed), split.size(), n).sample();
    }

    private Table distances(List<ImageRun> done, FeatureRanking fdRanking, FeatureRanking kdRanking, FeatureComparison fd, FeatureComparison kd,
                            Reference ref) {
        Table.Builder t = Table.of(String.format(Locale.ROOT, "FD and KD of %d images per run to %d test images, %.0f%% intervals; "
                        + "differences to %s paired; floors at the same n", samples, referenceImages, 100 * LEVEL, runs.get(0).label()),
                "sampler", "NFE", "wall s", "FD", "FD - baseline", "KD", "KD - baseline", "classes: TV to uniform");
        for (int i = 0; i < runs.size(); i++) {
            String label = runs.get(i).label();
            boolean base = i == 0;
            FeatureDistanceEstimate f = base ? fdRanking.baselineDistance() : fdRanking.against(label).firstDistance();
            FeatureDistanceEstimate k = base ? kdRanking.baselineDistance() : kdRanking.against(label).firstDistance();
            t.row(label, done.get(i).nfe(), String.format(Locale.ROOT, "%.1f", done.get(i).wallSeconds()), interval(f.value(), f.lower(), f.upper()),
                    base ? "baseline" : difference(fdRanking.against(label)), interval(k.value(), k.lower(), k.upper()),
                    base ? "baseline" : difference(kdRanking.against(label)),
                    String.format(Locale.ROOT, "%.3f", ImageRun.totalVariationToUniform(ImageRun.histogram(done.get(i).classes(),
                            FashionMnist.CLASSES))));
        }
        floor(t, "floor: two disjoint halves of the test images", fd.halvesFloor(ref.features, samples, seed + 3),
                kd.halvesFloor(ref.features, samples, seed + 3), ref.classes);
        floor(t, "floor: training vs test images", fd.floor(ref.train, ref.features, samples, seed + 4),
                kd.floor(ref.train, ref.features, samples, seed + 4), null);
        return t.build();
    }

    private void floor(Table.Builder t, String name, FeatureDistanceEstimate f, FeatureDistanceEstimate k, int[] classes) {
        t.row(name + " (" + samples + " vs " + samples + ")", "-", "-", interval(f.value(), f.lower(), f.upper()), "-",
                interval(k.value(), k.lower(), k.upper()), "-", classes == null ? "-" : String.format(Locale.ROOT, "%.3f (n test images)",
                        ImageRun.totalVariationToUniform(ImageRun.histogram(classes, FashionMnist.CLASSES))));
    }

    private Table classes(List<ImageRun> done, Reference ref) {
        List<String> columns = new ArrayList<>(List.of("images"));
        columns.addAll(FashionMnist.CLASS_NAMES);
        columns.add("TV to uniform");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            rows.add(histogramRow(runs.get(i).label(), done.get(i).classes()));
        }
        rows.add(histogramRow(samples + " test images", ref.classes));
        return new Table("the classifier's class histogram of each run's " + samples + " images (fractions)", columns, rows);
    }

    private static List<String> histogramRow(String name, int[] classes) {
        double[] h = ImageRun.histogram(classes, FashionMnist.CLASSES);
        List<String> row = new ArrayList<>(List.of(name));
        for (double p : h) {
            row.add(String.format(Locale.ROOT, "%.3f", p));
        }
        row.add(String.format(Locale.ROOT, "%.3f", ImageRun.totalVariationToUniform(h)));
        return row;
    }

    private static String difference(FeatureDistanceDifference d) {
        return String.format(Locale.ROOT, "%+.4g [%+.4g, %+.4g]", d.value(), d.lower(), d.upper());
    }

    private static String interval(double value, double lower, double upper) {
        return String.format(Locale.ROOT, "%.4g [%.4g, %.4g]", value, lower, upper);
    }
}
