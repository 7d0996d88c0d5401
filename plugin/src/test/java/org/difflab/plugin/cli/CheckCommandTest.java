package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @Test
    void oneClaimPrintsItsRowAndWritesTheReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("r");
        Path json = dir.resolve("results.json");
        Cli r = Cli.run("check", "--claim", "order-heun", "--report", report.toString(), "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("order-heun ") && l.contains(" heun ") && l.contains("HOLDS"))).hasSize(1);
        assertThat(r.out()).contains("1 claims, 0 violated");
        assertThat(report.resolve("index.html")).exists();
        assertThat(report.resolve("order-heun.png")).exists();
        assertThat(Files.readAllLines(report.resolve("claims.csv"))).hasSize(2);
        assertThat(Files.readString(json)).contains("\"id\": \"order-heun\"");
    }

    @Test
    void listNamesEveryClaimWithoutRunningThem() {
        Cli r = Cli.run("check", "--list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("order-ddim", "order-pf-euler", "order-heun", "order-dpmpp2m", "order-dpmpp2m-sde", "order-ddpm",
                "order-euler-maruyama");
    }
}
