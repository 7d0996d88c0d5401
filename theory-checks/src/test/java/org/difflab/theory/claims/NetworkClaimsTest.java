package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.difflab.runtime.unet.TrainingSettings;
import org.difflab.runtime.unet.UNetConfig;
import org.difflab.runtime.unet.UNetTrainer;
import org.difflab.runtime.zoo.Zoo;
import org.difflab.runtime.zoo.ZooEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Monte Carlo budget claim and the ML-EM claim on small trained networks (8x8 shapes): the budget claim tells a
 * run identical to the reference (CLOSE) from a 5-step DDPM (FAR) by both image metrics and shows a grid per run; the
 * ML-EM claim measures gamma, EM's cost-error line and ML-EM's speedup on a zoo of three tiny UNets.
 */
class NetworkClaimsTest {

    @Test
    void budgetClaimSeparatesTheReferenceFromACoarseRunAndShowsGrids() {
        try (UNetTrainer trained = UNetTrainer.start(UNetConfig.of(8, 8), TrainingSettings.ddpm().withBatchSize(16))) {
            trained.train(150);
            ClaimModel model = new ClaimModel("UNet width 8, 8x8 shapes, 150 iterations", trained::scoreModel);
            NetworkBudgetClaim claim = new NetworkBudgetClaim("budget-test", "test", Provenance.consistency("test paper", "test place"), "test", model, 8, "linear:T=1000",
                    BudgetRun.reference("ddpm:variance=small", "uniform", 200),
                    List.of(BudgetRun.close("ddpm:variance=small", "uniform", 200), BudgetRun.far("ddpm:variance=small", "uniform", 3)), 64, 1, "");
            ClaimResult r = claim.check();
            System.out.println(r.checks() + "\n" + r.tables());
            assertThat(r.checks()).hasSize(4);
            assertThat(r.checks().get(0).value()).as("the same run as the reference").isZero();
            assertThat(r.checks().get(1).value()).isZero();
            assertThat(r.checks().subList(2, 4)).allSatisfy(c -> {
                assertThat(c.verdict()).as(c.judgement().reason()).isEqualTo(Verdict.HOLDS);
                assertThat(c.lower()).as("3 steps are farther from the data than 200").isGreaterThan(0);
            });
            assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
            assertThat(r.figures()).hasSize(4).allSatisfy(f -> assertThat(f.image().getWidth()).isEqualTo(8 * (8 * 3 + 2) + 2));
            assertThat(r.figures().get(0).caption()).startsWith("reference ddpm:variance=small on uniform(200), 200 NFE");
            assertThat(r.figures().get(3).caption()).startsWith("data: SyntheticShapes 8x8");
            assertThat(r.tables().get(0).rows()).hasSize(3);
        }
    }

    @Test
    void multilevelClaimOnATinyZoo(@TempDir Path dir) {
        TrainingSettings tiny = TrainingSettings.ddpm().withBatchSize(8);
        List<ZooEntry> entries = List.of(4, 8, 16).stream()
                .map(w -> new ZooEntry("tiny-w" + w, UNetConfig.of(3, 8, w, new int[] {1, 2}, 1, 2), tiny, 40)).toList();
        NetworkMultilevelClaim claim = new NetworkMultilevelClaim("mlem-test", "three tiny UNets", () -> Zoo.of(entries, dir, s -> { }),
                "linear:T=1000", new int[] {4, 8, 16}, 64, new double[] {0.3, 1}, 1, 16, 8, 1);
        ClaimResult r = claim.check();
        System.out.println(r.checks() + "\n" + r.tables());
        assertThat(r.checks()).hasSize(3);
        assertThat(r.checks().get(0).quantity()).isEqualTo("HTMC exponent gamma");
        assertThat(r.checks().subList(1, 3)).allSatisfy(c -> assertThat(c.value()).isPositive().isFinite());
        List<List<String>> runs = r.tables().get(1).rows();
        assertThat(runs).hasSize(3 + 2 + 2);
        double[] emErrors = runs.subList(0, 3).stream().mapToDouble(row -> Double.parseDouble(row.get(2))).toArray();
        assertThat(emErrors[1]).as("EM converges path by path").isLessThan(emErrors[0]);
        assertThat(emErrors[2]).isLessThan(emErrors[1]);
        assertThat(runs.get(0).get(7)).as("EM calls only the top level").isEqualTo("0.00 / 0.00 / 4.00");
        long top = entries.get(2).flopsPerEvaluation();
        assertThat(Double.parseDouble(runs.get(0).get(4))).as("GFLOP per sample: 4 calls of the top level").isCloseTo(4 * top * 1e-9,
                within(1e-3 * 4 * top * 1e-9));
        assertThat(runs.subList(3, 5)).as("open=1: level 1 evaluated at every step").allSatisfy(row -> assertThat(row.get(7)).startsWith("16.00 / "));
        assertThat(runs.get(5).get(7)).as("EM with level 1 alone").isEqualTo("16.00");
        List<List<String>> levels = r.tables().get(0).rows();
        assertThat(levels).hasSize(3);
        assertThat(levels.get(0).get(0)).isEqualTo("1 (always on)");
        assertThat(levels.get(2).get(1)).isEqualTo(String.format(Locale.ROOT, "%.1f", top * 1e-6));
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new NetworkMultilevelClaim("x", "h", Zoo::standard, "linear:T=1000", new int[] {4, 8}, 64, new double[] {1}, 1, 4, 8,
                1)).hasMessageContaining("steps = [4, 8]");
        assertThatThrownBy(() -> new NetworkMultilevelClaim("x", "h", Zoo::standard, "linear:T=1000", new int[] {4, 8, 16}, 64, new double[] {0},
                1, 4, 8, 1)).hasMessageContaining("rateFactors = [0.0]");
        assertThatThrownBy(() -> new NetworkMultilevelClaim("x", "h", Zoo::standard, "linear:T=1000", new int[] {4, 8, 16}, 64, new double[] {1},
                -1, 4, 8, 1)).hasMessageContaining("open = -1");
        ClaimModel model = new ClaimModel("m", () -> null);
        assertThatThrownBy(() -> new NetworkBudgetClaim("x", "f", Provenance.consistency("test paper", "test place"), "t", model, 12, "linear:T=1000", BudgetRun.reference("ddpm", "uniform", 10),
                List.of(BudgetRun.far("ddpm", "uniform", 2)), 64, 1, "")).hasMessageContaining("size = 12");
        assertThatThrownBy(() -> new NetworkBudgetClaim("x", "f", Provenance.consistency("test paper", "test place"), "t", model, 8, "linear:T=1000", BudgetRun.reference("ddpm", "uniform", 10),
                List.of(), 64, 1, "")).hasMessageContaining("at least 1 contender");
    }
}
