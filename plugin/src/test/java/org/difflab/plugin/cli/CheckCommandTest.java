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
    void aPrefixSelectsAFamilyAndTablesArePrinted(@TempDir Path dir) {
        Cli r = Cli.run("check", "--claim", "mlem-cost*", "--tables", "--report", dir.resolve("r").toString());
        // summary rows: the id, then the integrators (not a verdict's "(subject):" nor a table title's "id:")
        assertThat(r.out().lines().map(l -> l.split("\\s+")).filter(w -> w.length > 1 && w[0].matches("mlem-cost-exponent-gamma-[0-9p]+")
                && !w[1].startsWith("("))).as(r.out()).hasSize(2);
        assertThat(r.out()).contains("speedup at equal error", "2 claims");
        assertThat(dir.resolve("r").resolve("mlem-cost-exponent-gamma-3.png")).exists();
        Cli bad = Cli.run("check", "--claim", "nothing-*");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--claim = nothing-* is not allowed: no claim id starts with 'nothing-'");
    }

    @Test
    void listNamesEveryClaimWithoutRunningThem() {
        Cli r = Cli.run("check", "--list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("order-ddim", "order-pf-euler", "order-heun", "order-dpmpp2m", "order-dpmpp2m-sde", "order-ddpm",
                "order-euler-maruyama");
    }
}
