package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.classifier.ClassifierCache;
import org.difflab.runtime.classifier.ClassifierRecipe;
import org.difflab.runtime.unet.TrainingSettings;
import org.difflab.runtime.unet.UNet;
import org.difflab.runtime.unet.UNetConfig;
import org.difflab.runtime.unet.UNetScoreModel;
import org.difflab.theory.features.FeatureComparison;
import org.difflab.theory.features.FeatureDistanceDifference;
import org.difflab.theory.features.FrechetDistance;
import org.difflab.theory.features.PercentileBootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature claim: its rules on constructed features (a sampler closer to the reference ranks ahead, a far one - a
 * mutant - flips the verdict, a tie is unresolved), its whole code path on real Fashion-MNIST test images with a tiny
 * classifier and an untrained 28x28x1 UNet (tables, histograms, grids, NFE), the catalogue's two claims and bad input.
 */
class FeatureBudgetClaimTest {
    private static final FeatureComparison FD = new FeatureComparison(new FrechetDistance(), new PercentileBootstrap(100, 0.95, 3));

    @Test
    void theCloserSamplerRanksAheadAFarOneFlipsTheVerdictATieIsUnresolved() {
        double[][] reference = gaussian(300, 4, 0, 1);
        double[][] close = gaussian(200, 4, 0, 2);
        double[][] far = gaussian(200, 4, 0.6, 3); // a mutant: every feature's mean off by 0.6
        FeatureDistanceDifference closeFirst = FD.difference("close", close, "far", far, reference);
        FeatureDistanceDifference farFirst = FD.difference("far", far, "close", close, reference);
        FeatureDistanceDifference tie = FD.difference("close", close, "copy", close, reference);
        assertThat(FeatureRule.ahead(0, 1).judge(closeFirst).verdict()).isEqualTo(Verdict.HOLDS);
        assertThat(FeatureRule.ahead(1, 0).judge(farFirst).verdict()).isEqualTo(Verdict.VIOLATED);
        Check unresolved = FeatureRule.ahead(0, 1).judge(tie);
        assertThat(unresolved.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(unresolved.judgement().reason()).contains("not resolved at this sample size");
        // within 10%: closer is fine, the mutant is far outside; two samplers of one law cannot show 10% of a small FD (0.046) at 200 rows
        assertThat(FeatureRule.within(0, 1, 0.1).judge(tie).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        Check mutant = FeatureRule.within(1, 0, 0.1).judge(farFirst);
        assertThat(mutant.verdict()).isEqualTo(Verdict.VIOLATED);
        assertThat(mutant.lower()).isGreaterThan(0.1 * farFirst.secondDistance().value());
        assertThat(FeatureRule.within(0, 1, 0.1).judge(closeFirst).verdict()).as("closer than the second: fine").isEqualTo(Verdict.HOLDS);
    }

    @Test
    void theWholeCodePathOnFashionMnistWithATinyClassifierAndAnUntrainedUNet(@TempDir Path dir) {
        ClassifierRecipe tiny = new ClassifierRecipe("tiny", 4, 8, 16, 32, 3e-3, 40, 1, 2);
        ClaimClassifier classifier = new ClaimClassifier("tiny classifier", () -> ClassifierCache.of(dir, s -> { }).obtain(tiny));
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            UNet net = new UNet(UNetConfig.of(1, 28, 4, new int[] {1, 2}, 1, 1)).initialize(m, 7);
            ClaimModel model = new ClaimModel("untrained UNet width 4, 28x28x1", () -> UNetScoreModel.of(net, TrainingSettings.ddpm().time()));
            List<BudgetRun> runs = List.of(BudgetRun.reference("ddpm:variance=small", "uniform", 4),
                    BudgetRun.far("acceleratedOde:form=practical", "quadratic", 3), BudgetRun.close("poissonMidpoint", "power:p=1", 2));
            FeatureBudgetClaim claim = new FeatureBudgetClaim("feature-test", "test", Provenance.consistency("test paper", "test place"),
                    "test", model, classifier, "linear:T=1000", runs, List.of(FeatureRule.ahead(1, 0), FeatureRule.within(2, 1, 0.5)),
                    24, 64, 20, 1, "");
            ClaimResult r = claim.check();
            System.out.println(r.checks() + "\n" + r.tables());
            assertThat(r.checks()).hasSize(2);
            assertThat(r.checks().get(0).subject()).isEqualTo("acceleratedOde:form=practical on quadratic(3)");
            assertThat(r.checks().get(0).quantity()).isEqualTo("FD - FD(ddpm:variance=small on uniform(4))");
            assertThat(r.checks().get(1).expected()).startsWith("<= 0.50 x FD(acceleratedOde:form=practical on quadratic(3))");
            assertThat(r.checks()).allSatisfy(c -> assertThat(c.lower()).isLessThanOrEqualTo(c.value()).isFinite());
            List<List<String>> distances = r.tables().get(0).rows();
            assertThat(distances).hasSize(3 + 2);
            assertThat(distances.get(0).subList(0, 2)).containsExactly("ddpm:variance=small on uniform(4)", "4");
            assertThat(distances.get(0).get(4)).isEqualTo("baseline");
            assertThat(distances.get(1).get(1)).as("NFE of the accelerated ODE sampler, 3 steps").isEqualTo("3");
            assertThat(Integer.parseInt(distances.get(2).get(1))).as("PMM: one call per block and the selected midpoints").isGreaterThanOrEqualTo(2);
            assertThat(distances.get(3).get(0)).isEqualTo("floor: two disjoint halves of the test images (24 vs 24)");
            assertThat(distances.get(4).get(0)).isEqualTo("floor: training vs test images (24 vs 24)");
            assertThat(distances.get(3).get(7)).endsWith("(n test images)");
            List<List<String>> classes = r.tables().get(1).rows();
            assertThat(classes).hasSize(3 + 1);
            assertThat(classes).allSatisfy(row -> {
                assertThat(row).hasSize(12);
                double sum = row.subList(1, 11).stream().mapToDouble(Double::parseDouble).sum();
                assertThat(sum).isBetween(0.99, 1.01);
                assertThat(Double.parseDouble(row.get(11))).isBetween(0.0, 0.9);
            });
            assertThat(r.figures()).hasSize(3 + 1).allSatisfy(f -> assertThat(f.image().getWidth()).isEqualTo(8 * (28 * 3 + 2) + 2));
            assertThat(r.figures().get(3).caption()).startsWith("data: Fashion-MNIST test images");
            assertThat(r.chart()).isNotNull();
            assertThat(claim.check().tables().get(0).rows().stream().map(row -> row.subList(3, 8)).toList()).as("the seed fixes every number")
                    .isEqualTo(distances.stream().map(row -> row.subList(3, 8)).toList());
        }
    }

    @Test
    void histogramsAndTotalVariation() {
        assertThat(ImageRun.histogram(new int[] {0, 0, 1, 3}, 4)).containsExactly(0.5, 0.25, 0, 0.25);
        assertThat(ImageRun.totalVariationToUniform(new double[] {0.5, 0.25, 0, 0.25})).isEqualTo(0.25);
        assertThat(ImageRun.totalVariationToUniform(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0})).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theCatalogueHoldsBothClaimsOnTheFashionZooWithAMutantEach() {
        for (String id : List.of("network-pmm-fashion-fd", "network-accelerated-fashion-fd")) {
            CatalogueEntry e = Catalogue.entry(id);
            assertThat(e.tier()).isEqualTo(Tier.NETWORK);
            assertThat(e.zoo()).containsExactly("fashion28-w16");
            assertThat(e.mutants()).hasSize(1);
            assertThat(e.claim().provenance().differs()).contains("not FID").contains("Fashion-MNIST").contains("not latent diffusion");
        }
        for (String id : List.of("network-pmm-fashion-fd", "network-accelerated-fashion-fd")) {
            CatalogueEntry e = Catalogue.entry(id);
            List<FeatureBudgetClaim> claims = new java.util.ArrayList<>(List.of((FeatureBudgetClaim) e.claim()));
            e.controls().forEach(c -> claims.add((FeatureBudgetClaim) c.variant()));
            assertThat(claims).allSatisfy(c -> assertThat(c.runs()).allSatisfy(run -> {
                org.difflab.dsl.integrator.Integrators.parse(run.integrator()); // every spec, mutants included, parses
                org.difflab.dsl.grid.Grids.parse(run.grid(), run.steps());
            }));
        }
        FeatureBudgetClaim pmm = (FeatureBudgetClaim) Catalogue.entry("network-pmm-fashion-fd").claim();
        assertThat(pmm.rules()).hasSize(2 + 8);
        assertThat(pmm.expectation()).contains("poissonMidpoint on power:p=1(25) within 10% of FD(ddpm:variance=small on uniform(1000))")
                .contains("poissonMidpoint on power:p=1(40) ahead of acceleratedOde:form=practical on uniform(80)");
        assertThat(Catalogue.entry("network-pmm-fashion-fd").mutants().get(0).name()).isEqualTo("poissonMidpoint@gates=1e9");
        FeatureBudgetClaim acc = (FeatureBudgetClaim) Catalogue.entry("network-accelerated-fashion-fd").claim();
        assertThat(acc.expectation()).isEqualTo("acceleratedOde:form=practical on uniform(10) ahead of ddim on uniform(10); "
                + "acceleratedOde:form=practical on uniform(20) ahead of ddim on uniform(20); acceleratedOde:form=practical on "
                + "uniform(50) ahead of ddim on uniform(50)");
        assertThat(acc.provenance().place()).contains("8.53").contains("13.64");
    }

    @Test
    void badInputNamesTheParameter() {
        ClaimModel model = new ClaimModel("m", () -> null);
        ClaimClassifier classifier = new ClaimClassifier("c", () -> null);
        List<BudgetRun> runs = List.of(BudgetRun.reference("ddpm", "uniform", 10), BudgetRun.far("ddim", "uniform", 10));
        List<FeatureRule> rules = List.of(FeatureRule.ahead(1, 0));
        Provenance p = Provenance.consistency("test paper", "test place");
        assertThatThrownBy(() -> new FeatureBudgetClaim("x", "f", p, "t", model, classifier, "linear:T=1000", runs, rules, 8, 64, 20, 1, ""))
                .hasMessageContaining("samples = 8");
        assertThatThrownBy(() -> new FeatureBudgetClaim("x", "f", p, "t", model, classifier, "linear:T=1000", runs, rules, 32, 5000, 20, 1, ""))
                .hasMessageContaining("referenceImages = 5000");
        assertThatThrownBy(() -> new FeatureBudgetClaim("x", "f", p, "t", model, classifier, "linear:T=1000", runs, rules, 32, 40, 20, 1, ""))
                .hasMessageContaining("referenceImages = 40");
        assertThatThrownBy(() -> new FeatureBudgetClaim("x", "f", p, "t", model, classifier, "linear:T=1000", List.of(runs.get(0), runs.get(0)),
                rules, 32, 64, 20, 1, "")).hasMessageContaining("every run needs its own label");
        assertThatThrownBy(() -> new FeatureBudgetClaim("x", "f", p, "t", model, classifier, "linear:T=1000", runs, List.of(FeatureRule.ahead(2, 0)),
                32, 64, 20, 1, "")).hasMessageContaining("run indices must be < 2");
        assertThatThrownBy(() -> new FeatureBudgetClaim("x", "f", p, "t", model, classifier, "linear:T=1000", runs.subList(0, 1), rules, 32, 64,
                20, 1, "")).hasMessageContaining("at least 2 runs");
        assertThatThrownBy(() -> FeatureRule.within(1, 0, 0)).hasMessageContaining("tolerance = 0.0");
        assertThatThrownBy(() -> FeatureRule.ahead(1, 1)).hasMessageContaining("first = 1, second = 1");
        assertThatThrownBy(() -> new ClaimClassifier(" ", () -> null)).hasMessageContaining("description = ' '");
    }

    private static double[][] gaussian(int n, int d, double mean, long seed) {
        Random random = new Random(seed);
        double[][] out = new double[n][d];
        for (double[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = mean + random.nextGaussian();
            }
        }
        return out;
    }

    /** Every run of the Fashion-MNIST claims and their mutants has a valid grid at its full step count (a quadratic grid of 50 steps on T = 1000 repeats an index and was refused only in a full run). */
    @Test
    void everyRunOfTheFashionClaimsHasAValidGridAtFullSize() {
        for (String id : List.of("network-pmm-fashion-fd", "network-accelerated-fashion-fd")) {
            CatalogueEntry entry = Catalogue.entry(id);
            List<Claim> claims = new ArrayList<>(List.of(entry.claim()));
            entry.mutants().forEach(c -> claims.add(c.variant()));
            for (Claim claim : claims) {
                FeatureBudgetClaim f = (FeatureBudgetClaim) claim;
                for (BudgetRun run : f.runs()) {
                    assertThat(run.on(Schedules.parse(f.schedule())).steps()).as(id + ": " + run.label()).isEqualTo(run.steps());
                }
            }
        }
    }
}
