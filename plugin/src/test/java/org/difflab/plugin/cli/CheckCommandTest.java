package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.difflab.runtime.zoo.Zoo;
import org.difflab.theory.claims.Catalogue;
import org.difflab.theory.claims.CatalogueEntry;
import org.difflab.theory.claims.OrderClaim;
import org.difflab.theory.claims.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @Test
    void oneClaimPrintsItsLineItsRowAndWritesTheReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("r");
        Path json = dir.resolve("results.json");
        Cli r = Cli.run("check", "--claim", "order-heun", "--report", report.toString(), "--json", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.matches("\\[1/1\\] order-heun +HOLDS +paper +[0-9.]+ s"))).as(r.out()).hasSize(1);
        assertThat(r.out().lines().filter(l -> l.startsWith("order-heun ") && l.contains(" paper ") && l.contains("Karras, Aittala, Aila, "
                + "Laine (2022), Algorithm 1") && l.contains("HOLDS"))).as(r.out()).hasSize(1);
        assertThat(r.out()).contains("1 claims: 1 holds; by kind: paper 1 (1 holds); 0 failing the run");
        assertThat(r.err()).contains("difflab: checking order-heun (1/1, 0:00 elapsed)");
        assertThat(report.resolve("index.html")).exists();
        assertThat(report.resolve("order-heun.png")).exists();
        assertThat(Files.readAllLines(report.resolve("claims.csv"))).hasSize(2);
        assertThat(Files.readString(json)).contains("\"id\": \"order-heun\"", "\"kind\": \"paper\"", "\"paper\": \"Karras, Aittala",
                "\"rule\": ", "\"controls\": []");
    }

    @Test
    void aPrefixSelectsAFamilyAndTablesArePrinted(@TempDir Path dir) {
        Cli r = Cli.run("check", "--claim", "mlem-cost*", "--tables", "--report", dir.resolve("r").toString());
        assertThat(r.out().lines().filter(l -> l.matches("\\[[12]/2\\] mlem-cost-exponent-gamma-[0-9p]+ .*"))).as(r.out()).hasSize(2);
        assertThat(r.out()).contains("speedup at equal error", "2 claims");
        assertThat(dir.resolve("r").resolve("mlem-cost-exponent-gamma-3.png")).exists();
        Cli bad = Cli.run("check", "--claim", "nothing-*");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--claim = nothing-* is not allowed: no claim id starts with 'nothing-'");
    }

    @Test
    void listNamesEveryClaimWithItsTierAndKindWithoutRunningThem() {
        Cli r = Cli.run("check", "--list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("order-ddim", "order-pf-euler", "order-heun", "order-dpmpp2m", "order-dpmpp2m-sde", "order-ddpm",
                "order-euler-maruyama", "network-pmm-budget");
        assertThat(r.out().lines().filter(l -> l.startsWith("pmm-distance-to-data ") && l.contains(" standard ") && l.contains(" reconstruction ")))
                .hasSize(1);
        assertThat(r.out().lines().filter(l -> l.startsWith("network-pmm-budget ") && l.contains(" network "))).hasSize(1);
    }

    @Test
    void controlsRunAfterTheirClaimAndGiveTheMutationScore(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("check", "--claim", "order-ddim", "--controls", "--report", dir.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("control probabilityFlowEuler", "control ddim@score=0.05", "caught",
                "mutation score 1/1 mutants caught (100%); positive controls 1/1 hold");
        assertThat(Files.readString(dir.resolve("results.json"))).contains("\"mutationScore\": 1.0", "\"name\": \"ddim@score=0.05\"");
    }

    /** A paper or consistency claim VIOLATED fails the run (exit 1); the same measurement as a reconstruction is a FINDING (exit 0). */
    @Test
    void exitCodesFollowTheKind(@TempDir Path dir) {
        OrderClaim ddim = ((OrderClaim) Catalogue.byId("order-ddim")).withSteps(40, 80, 160);
        OrderClaim wrong = new OrderClaim("zz-test-ddim-second-order", "test", Provenance.paper("test paper", "test place"),
                "DDIM claimed second order (a wrong claim)", List.of("ddim"), ddim.experiment(), 2, 0.05, "");
        OrderClaim ours = new OrderClaim("zz-test-ddim-reconstruction", "test", Provenance.reconstruction("test paper", "test place"),
                "our scheme claimed second order", List.of("ddim"), ddim.experiment(), 2, 0.05, "");
        if (!Catalogue.ids().contains(wrong.id())) {
            Catalogue.register(CatalogueEntry.of(wrong));
            Catalogue.register(CatalogueEntry.of(ours));
        }
        Cli failing = Cli.run("check", "--claim", wrong.id(), "--report", dir.resolve("a").toString());
        assertThat(failing.exitCode()).as(failing.out()).isEqualTo(1);
        assertThat(failing.out()).contains("VIOLATED", "1 failing the run");
        Cli finding = Cli.run("check", "--claim", ours.id(), "--report", dir.resolve("b").toString());
        assertThat(finding.exitCode()).as(finding.out()).isZero();
        assertThat(finding.out()).contains("FINDING", "1 finding", "0 failing the run");
    }

    @Test
    void badInputNamesTheOptionAndWritesNothing(@TempDir Path dir) throws Exception {
        Cli tier = Cli.run("check", "--tier", "nope", "--report", dir.resolve("t").toString());
        assertThat(tier.exitCode()).isEqualTo(2);
        assertThat(tier.err()).contains("--tier = nope is not allowed: one of standard", "network", "all");
        Cli none = Cli.run("check", "--claim", "network-mlem-hierarchy", "--controls", "--report", dir.resolve("c").toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--controls is not allowed with --claim = network-mlem-hierarchy: that claim has no controls");
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Cli unwritable = Cli.run("check", "--claim", "order-ddim", "--report", file.toString());
        assertThat(unwritable.exitCode()).isEqualTo(2);
        assertThat(unwritable.err()).contains("--report = " + file + " is not allowed: it is a file, not a folder");
        assertThat(unwritable.out()).doesNotContain("[1/1]");
        Cli mixed = Cli.run("check", "--claim", "order-ddim", "--tier", "network", "--report", dir.resolve("m").toString());
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("--tier = network is not allowed with --claim = order-ddim");
        assertThat(dir.resolve("t")).doesNotExist();
        assertThat(dir.resolve("c")).doesNotExist();
        assertThat(dir.resolve("m")).doesNotExist();
    }

    /** Network claims on an untrained zoo: the command says how long training takes and asks for --train instead of training. */
    @Test
    void networkClaimsAskBeforeTraining(@TempDir Path dir) {
        String before = System.getProperty(Zoo.CACHE_PROPERTY);
        System.setProperty(Zoo.CACHE_PROPERTY, dir.resolve("empty-cache").toString());
        try {
            Cli r = Cli.run("check", "--claim", "network-strong-order-1-ode", "--report", dir.resolve("r").toString());
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("--train is needed: the claims network-strong-order-1-ode need the zoo's trained UNets shapes16-w16",
                    "training them takes about 1 minutes", "Add --train");
            assertThat(dir.resolve("empty-cache").resolve("zoo").resolve("shapes16-w16.ckpt")).doesNotExist();
            Cli fashion = Cli.run("check", "--claim", "network-accelerated-fashion-fd", "--report", dir.resolve("f").toString());
            assertThat(fashion.exitCode()).isEqualTo(2);
            assertThat(fashion.err()).contains("--train is needed: the claims network-accelerated-fashion-fd need the zoo's trained UNets "
                    + "fashion28-w16", "training them takes about 8 minutes");
            Cli mlem = Cli.run("check", "--claim", "network-mlem-fashion", "--claim", "network-paradigms-fashion-ddpm-1000", "--claim",
                    "network-strong-order-sde-fashion", "--report", dir.resolve("g").toString());
            assertThat(mlem.exitCode()).isEqualTo(2);
            assertThat(mlem.err()).contains("--train is needed: the claims network-strong-order-sde-fashion, network-paradigms-fashion-ddpm-1000, "
                    + "network-mlem-fashion need the zoo's trained UNets fashion28-w16, fashion28-w4, fashion28-w8, fashion28-w12",
                    "training them takes about 21 minutes");
            assertThat(dir.resolve("g")).doesNotExist();
        } finally {
            if (before == null) {
                System.clearProperty(Zoo.CACHE_PROPERTY);
            } else {
                System.setProperty(Zoo.CACHE_PROPERTY, before);
            }
        }
    }
}
