package org.difflab.theory.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.difflab.runtime.unet.TrainingSettings;
import org.difflab.runtime.unet.UNetConfig;
import org.difflab.runtime.unet.UNetTrainer;
import org.junit.jupiter.api.Test;

/**
 * Strong orders on a network: a small UNet (width 8, 8x8 shapes, 150 training iterations) shows DDIM's strong order 1
 * and Heun's order 2 against a fine Heun run from the same initial noise, with a grid of the paths in the report; DDIM
 * held to order 2 is violated, and so is DDIM with its model term 5% off (the network claims' mutant).
 */
class StrongOrderClaimTest {

    private static StrongOrderClaim claim(UNetTrainer trained, String integrator, double expected) {
        ClaimModel model = new ClaimModel("UNet width 8, 8x8 shapes, 150 iterations", trained::scoreModel);
        return new StrongOrderClaim("strong-test", "test", Provenance.consistency("test paper", "test place"), "test", List.of(integrator), model,
                "linear:T=1000", new int[] {12, 24, 48, 96}, "heun", 768, 16, 1, expected, 0.25, "");
    }

    @Test
    void ordersOfDdimAndHeunOnANetwork() {
        try (UNetTrainer trained = UNetTrainer.start(UNetConfig.of(8, 8), TrainingSettings.ddpm().withBatchSize(16))) {
            trained.train(150);
            ClaimResult ddim = claim(trained, "ddim", 1).check();
            ClaimResult heun = claim(trained, "heun", 2).check();
            System.out.println(ddim.checks() + "\n" + heun.checks() + "\n" + ddim.tables() + heun.tables());
            assertThat(ddim.verdict()).as(ddim.checks().toString()).isEqualTo(Verdict.HOLDS);
            assertThat(ddim.figures()).singleElement().satisfies(f -> {
                assertThat(f.caption()).isEqualTo("ddim:eta=0.0, 96 steps (the study's paths)");
                assertThat(f.image().getWidth()).isEqualTo(8 * (8 * 3 + 2) + 2);
                assertThat(f.image().getHeight()).as("16 paths in 2 rows").isEqualTo(2 * (8 * 3 + 2) + 2);
            });
            assertThat(heun.verdict()).as(heun.checks().toString()).isEqualTo(Verdict.HOLDS);
            ClaimResult wrong = claim(trained, "ddim", 2).check();
            assertThat(wrong.verdict()).as(wrong.checks().toString()).isEqualTo(Verdict.VIOLATED);
            ClaimResult mutant = claim(trained, "ddim", 1).withIntegrators(List.of("ddim@score=0.05"), 12, 24, 48, 96).check();
            assertThat(mutant.verdict()).as(mutant.checks().toString()).isEqualTo(Verdict.VIOLATED);
        }
    }
}
