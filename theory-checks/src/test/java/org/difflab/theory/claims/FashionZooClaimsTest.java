package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.data.FashionMnistImages;
import org.difflab.runtime.data.PixelGaussian;
import org.difflab.runtime.unet.TrainingSettings;
import org.difflab.runtime.unet.UNet;
import org.difflab.runtime.unet.UNetConfig;
import org.difflab.runtime.unet.UNetScoreModel;
import org.difflab.runtime.zoo.Zoo;
import org.difflab.runtime.zoo.ZooEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ML-EM, ParaDiGMS and the strong orders on the Fashion-MNIST zoo (network tier): registered with the zoo entries they
 * need, the default tier's rules and mutants; ParaDiGMS's whole code path on a small untrained 28x28 UNet and ML-EM's on
 * three tiny 28x28 UNets with the Fashion-MNIST pixel Gaussian as base (the real claims need the trained zoo and run for
 * minutes: docs/claims.md has their cost).
 */
class FashionZooClaimsTest {

    @Test
    void theCatalogueHoldsTheClaimsWithTheirZooEntriesAndMutants() {
        for (String kind : List.of("1-ode", "2-ode", "sde")) {
            CatalogueEntry fashion = Catalogue.entry("network-strong-order-" + kind + "-fashion");
            CatalogueEntry shapes = Catalogue.entry("network-strong-order-" + kind);
            assertThat(fashion.tier()).isEqualTo(Tier.NETWORK);
            assertThat(fashion.zoo()).containsExactly("fashion28-w16");
            assertThat(fashion.mutants()).extracting(Control::name).isEqualTo(shapes.mutants().stream().map(Control::name).toList());
            StrongOrderClaim claim = (StrongOrderClaim) fashion.claim();
            assertThat(claim.integrators()).isEqualTo(((StrongOrderClaim) shapes.claim()).integrators());
            assertThat(claim.model().description()).startsWith("zoo:fashion28-w16");
            assertThat(claim.provenance().differs()).contains("Fashion-MNIST");
            assertThat(claim.provenance().place()).isEqualTo(shapes.claim().provenance().place());
        }
        for (String steps : List.of("ddpm-1000", "ddim-200")) {
            CatalogueEntry fashion = Catalogue.entry("network-paradigms-fashion-" + steps);
            ParadigmsClaim claim = (ParadigmsClaim) fashion.claim();
            ParadigmsClaim paper = (ParadigmsClaim) Catalogue.byId("paradigms-rounds-" + steps);
            assertThat(fashion.tier()).isEqualTo(Tier.NETWORK);
            assertThat(fashion.zoo()).containsExactly("fashion28-w16");
            assertThat(List.of(claim.sampler(), claim.steps(), claim.window(), claim.tolerance(), claim.samples()))
                    .isEqualTo(List.of(paper.sampler(), paper.steps(), paper.window(), paper.tolerance(), paper.samples()));
            assertThat(claim.rule()).isEqualTo(paper.rule().replace("<= 1e-12 (rounding)", "<= 1e-3 (rounding)"));
            assertThat(claim.provenance().place()).isEqualTo(paper.provenance().place()).contains("44 parallel rounds");
            assertThat(claim.provenance().differs()).contains("zoo:fashion28-w16").doesNotContain("Gaussian mixture");
            assertThat(paper.provenance().differs()).contains("a 2-D Gaussian mixture with the exact score");
            assertThat(fashion.mutants()).extracting(Control::name).containsExactly("paradigms@score=0.05");
            ParadigmsClaim mutant = (ParadigmsClaim) fashion.mutants().get(0).variant();
            assertThat(List.of(mutant.id(), mutant.steps(), mutant.tolerance(), mutant.model(), mutant.parallelDefect()))
                    .isEqualTo(List.of(claim.id(), 200, 0.1, claim.model(), "score=0.05"));
            assertThat(claim.parallelDefect()).isEmpty();
        }
        CatalogueEntry mlem = Catalogue.entry("network-mlem-fashion");
        NetworkMultilevelClaim claim = (NetworkMultilevelClaim) mlem.claim();
        NetworkMultilevelClaim shapes = (NetworkMultilevelClaim) Catalogue.byId("network-mlem-hierarchy");
        assertThat(mlem.tier()).isEqualTo(Tier.NETWORK);
        assertThat(mlem.zoo()).containsExactly("fashion28-w4", "fashion28-w8", "fashion28-w12", "fashion28-w16");
        assertThat(mlem.mutants()).as("as on the shapes zoo: gamma decides whether a speedup is judged (docs/claims.md)").isEmpty();
        assertThat(claim.steps()).isEqualTo(shapes.steps());
        assertThat(List.of(claim.referenceSteps(), claim.open(), claim.pilotSteps(), claim.samples(), claim.seed()))
                .isEqualTo(List.of(shapes.referenceSteps(), shapes.open(), shapes.pilotSteps(), shapes.samples(), shapes.seed()));
        assertThat(claim.provenance().differs()).contains("widths 4 / 8 / 12 / 16 on 28x28 Fashion-MNIST");
        assertThat(shapes.provenance().differs()).contains("16x16 shapes");
        assertThat(Zoo.fashionEntries().stream().map(ZooEntry::name).toList()).isEqualTo(mlem.zoo());
        List<Claim> all = new java.util.ArrayList<>();
        Catalogue.entries().stream().filter(e -> e.id().endsWith("-fashion") || e.id().startsWith("network-paradigms-fashion-")).forEach(e -> {
            all.add(e.claim());
            e.controls().forEach(c -> all.add(c.variant()));
        });
        assertThat(all).hasSize(6 + 5).allSatisfy(c -> assertThat(List.of(c.setup(), c.expectation(), c.statement(), c.note() == null ? "-"
                : "+", String.join(",", c.integrators()))).as(c.id()).allSatisfy(text -> assertThat(text).isNotBlank()));
    }

    @Test
    void multilevelOnATinyFashionZooWithThePixelGaussianBase(@TempDir Path dir) {
        TrainingSettings tiny = TrainingSettings.ddpm().withBatchSize(4);
        FashionMnistImages data = FashionMnistImages.standard();
        List<ZooEntry> entries = List.of(2, 4, 6).stream()
                .map(w -> new ZooEntry("tiny28-w" + w, data, UNetConfig.of(1, 28, w, new int[] {1, 2}, 1, 1), tiny, 4)).toList();
        NetworkMultilevelClaim claim = new NetworkMultilevelClaim("mlem-fashion-test", "three tiny 28x28 UNets", () -> Zoo.of(entries, dir,
                s -> { }), event -> PixelGaussian.score(data, 1, 2000), "linear:T=1000", new int[] {2, 4, 8}, 16, new double[] {1}, 1, 8,
                4, 1);
        ClaimResult r = claim.check();
        System.out.println(r.checks() + "\n" + r.tables());
        assertThat(r.checks()).hasSize(2);
        List<List<String>> runs = r.tables().get(1).rows();
        assertThat(runs).hasSize(3 + 1 + 2);
        assertThat(runs).allSatisfy(row -> assertThat(Double.parseDouble(row.get(2))).as("error of %s", row.get(0)).isPositive().isFinite());
        assertThat(runs.get(3).get(7)).as("open=1: level 1 at every step").startsWith("8.00 / ");
    }

    @Test
    void paradigmsOnAnUntrainedUNetCountsRoundsIsTheSequentialSamplerAtTolZeroAndCatchesItsMutant() {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            UNet net = new UNet(UNetConfig.of(1, 28, 4, new int[] {1, 2}, 1, 1)).initialize(m, 7);
            ClaimModel model = new ClaimModel("untrained UNet width 4, 28x28x1", () -> UNetScoreModel.of(net, TrainingSettings.ddpm().time()));
            ParadigmsClaim claim = new ParadigmsClaim("paradigms-test", "ddim", 8, 4, 0.1, 3).onNetwork("paradigms-net-test", model,
                    FashionNetworkClaims.NETWORK_GAP);
            ClaimResult r = claim.check();
            System.out.println(r.checks() + "\n" + r.tables());
            assertThat(r.checks()).hasSize(4);
            assertThat(r.checks().get(2).judgement().reason()).as("784 pixels, 3 rows: one coordinate, the mean over the pixels")
                    .contains("on the mean over 784 coordinates");
            assertThat(r.checks().get(3).verdict()).as(r.checks().get(3).judgement().reason()).isEqualTo(Verdict.HOLDS);
            List<List<String>> rows = r.tables().get(0).rows();
            assertThat(rows).hasSize(4).allSatisfy(row -> {
                assertThat(Long.parseLong(row.get(1))).as("rounds at tol %s", row.get(0)).isBetween(8 / 4L, 8L);
                assertThat(Double.parseDouble(row.get(4))).as("evaluations / steps at tol %s", row.get(0)).isGreaterThanOrEqualTo(1);
            });
            assertThat(claim.setup()).startsWith("model untrained UNet width 4, 28x28x1");
            assertThatThrownBy(() -> claim.onNetwork("x", model, 0)).hasMessageContaining("exactGap = 0.0");
            assertThatThrownBy(() -> claim.withParallelDefect("nope=1")).hasMessageContaining("mutation = 'nope=1'");
            ClaimResult mutant = claim.withParallelDefect("score=0.05").check();
            assertThat(mutant.checks().get(3).verdict()).as("the mutant's tol = 0 run is not the sequential sampler: "
                    + mutant.checks().get(3).judgement().reason()).isEqualTo(Verdict.VIOLATED);
            assertThat(mutant.verdict()).isEqualTo(Verdict.VIOLATED);
        }
    }
}
