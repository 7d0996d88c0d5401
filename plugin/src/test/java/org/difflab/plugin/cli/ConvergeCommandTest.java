package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvergeCommandTest {

    @Test
    void printsErrorsAndFittedOrdersAndPlots(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("c.png");
        Cli r = Cli.run("converge", "--target", "gaussian:d=2,mean=1,var=0.05", "--integrator", "ddim,heun", "--steps", "80,160,320",
                "--plot", png.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.matches("^heun\\s+2\\.0\\s+2\\.0\\d\\d\\s+\\[.*"))).hasSize(1);
        assertThat(r.out().lines().filter(l -> l.matches("^ddim:eta=0\\.0\\s+1\\.0\\s+(0\\.99|1\\.00)\\d\\s+\\[.*"))).hasSize(1);
        assertThat(ImageIO.read(png.toFile())).isNotNull();
    }

    @Test
    void jsonAgainstTheLogStepProxy() {
        Cli r = Cli.run("converge", "--target", "gaussian:d=1", "--integrator", "probabilityFlowEuler", "--steps", "20,40", "--proxy", "h",
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"proxy\": \"LOG_STEPS_OVER_STEPS\"", "\"localSlopes\": [");
    }
}
