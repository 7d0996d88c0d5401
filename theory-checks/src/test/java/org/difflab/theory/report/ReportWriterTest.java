package org.difflab.theory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.difflab.theory.claims.Catalogue;
import org.difflab.theory.claims.CatalogueEntry;
import org.difflab.theory.claims.Control;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Figure;
import org.difflab.theory.claims.OrderClaim;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @Test
    void writesEveryFileOfTheFolder(@TempDir Path dir) throws Exception {
        List<ClaimResult> results = List.of(((OrderClaim) Catalogue.byId("order-heun")).withSteps(40, 80, 160).check(),
                ((OrderClaim) Catalogue.byId("order-ddim")).withSteps(40, 80, 160).check());
        Path index = ReportWriter.write(results, dir.resolve("report"));
        Path d = index.getParent();
        assertThat(index).hasFileName("index.html");
        assertThat(Files.readString(index)).contains("<h3 id=\"order-heun\">", "order-heun.png", "order-ddim-1.csv", "HOLDS",
                "<h2>Standard samplers: convergence orders</h2>");
        assertThat(Files.readString(d.resolve("REPORT.md"))).contains("### order-heun", "![order-heun](order-heun.png)", "| 160 |",
                "## Standard samplers");
        List<String> claims = Files.readAllLines(d.resolve("claims.csv"));
        assertThat(claims).hasSize(3);
        assertThat(claims.get(0)).isEqualTo("id,family,kind,subject,quantity,expected,value,ci_low,ci_high,uncertainty,verdict,claim_verdict");
        assertThat(claims.get(1)).startsWith("order-heun,Standard samplers: convergence orders,paper,heun,order,2,").endsWith(",HOLDS,HOLDS");
        assertThat(Files.readAllLines(d.resolve("order-heun-1.csv"))).hasSize(4).element(1).asString().startsWith("40,80,");
        assertThat(Files.readString(d.resolve("results.json"))).contains("\"id\": \"order-heun\"", "\"verdict\": \"HOLDS\"", "\"rows\": [");
        BufferedImage png = ImageIO.read(d.resolve("order-heun.png").toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).as("800 px of plot and 200 of legend beside it").isEqualTo(1000);
        assertThat(Files.readAllLines(d.resolve("timings.csv"))).hasSize(3).element(1).asString().startsWith("order-heun,");
        assertThat(ReportWriter.previousTimings(d)).containsOnlyKeys("order-heun", "order-ddim");
        try (var files = Files.list(d)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no staging folder left").noneMatch(n -> n.startsWith("."));
        }
    }

    /** Claim files made ahead (as the check command's workers make them) are the ones written, byte for byte those made at the end. */
    @Test
    void filesMadeAheadAreWrittenAsTheyAre(@TempDir Path dir) throws Exception {
        List<ClaimResult> results = List.of(((OrderClaim) Catalogue.byId("order-heun")).withSteps(40, 80, 160).check(),
                ((OrderClaim) Catalogue.byId("order-ddim")).withSteps(40, 80, 160).check());
        List<ClaimResult> asked = new ArrayList<>();
        Path ahead = ReportWriter.write(results, dir.resolve("ahead"), false, r -> {
            asked.add(r);
            return ClaimFiles.of(r);
        }).getParent();
        Path atEnd = ReportWriter.write(results, dir.resolve("end")).getParent();
        assertThat(asked).containsExactlyElementsOf(results);
        for (String f : List.of("order-heun.png", "order-ddim.png", "order-heun-1.csv", "order-ddim-1.csv")) {
            assertThat(Files.readAllBytes(ahead.resolve(f))).as(f).isEqualTo(Files.readAllBytes(atEnd.resolve(f)));
        }
    }

    /** The summary opens the report; each section gives kind, provenance, rule, the interval's meaning and the controls. */
    @Test
    void sectionsShowProvenanceRuleAndControls(@TempDir Path dir) throws Exception {
        CatalogueEntry entry = Catalogue.entry("order-ddim");
        OrderClaim quick = ((OrderClaim) entry.claim()).withSteps(40, 80, 160, 320);
        ClaimResult r = quick.check().withControls(entry.controls().stream().map(Control::run).toList());
        Path d = ReportWriter.write(List.of(r), dir, true).getParent();
        String md = Files.readString(d.resolve("REPORT.md"));
        assertThat(md.indexOf("## Summary")).isLessThan(md.indexOf("| claim | kind | provenance"));
        assertThat(md).contains("1 claims: 1 holds; by kind: paper 1 (1 holds)", "mutation score 1/1 mutants caught (100%); positive controls 1/1 hold",
                "Findings: none.", "- **Kind:** paper", "- **Paper:** Song, Meng, Ermon (2021)", "- **Where:** eq. (14)", "- **Rule:** the order is",
                "| ddim@score=0.05 | mutant | the model term's coefficient 5% too large | VIOLATED | VIOLATED | caught |",
                "95% CI of the fitted order (exact errors)");
        String json = Files.readString(d.resolve("results.json"));
        assertThat(json).contains("\"kind\": \"paper\"", "\"place\": \"eq. (14)", "\"rule\": \"the order is", "\"mutationScore\": 1.0",
                "\"role\": \"negative\"", "\"passed\": true", "\"uncertainty\": \"95% CI");
        assertThat(Files.readString(d.resolve("index.html"))).contains("<h2>Summary</h2>", "<dt>Kind</dt><dd>paper", "caught");
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefusedBeforehand(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThatThrownBy(() -> ReportWriter.requireWritable(file, "--report")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--report = " + file + " is not allowed: it is a file, not a folder");
        assertThatThrownBy(() -> ReportWriter.requireWritable(file.resolve("sub"), "--report")).hasMessageContaining("cannot be created")
                .hasMessageContaining("is not a folder");
        assertThatThrownBy(() -> ReportWriter.requireWritableFile(dir.resolve("none").resolve("r.json"), "--json"))
                .hasMessageContaining("--json = ").hasMessageContaining("does not exist");
        ReportWriter.requireWritable(dir.resolve("new").resolve("sub"), "--report");
        assertThat(dir.resolve("new")).as("checked, not created").doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the probe leaves nothing").containsExactly("a-file");
        }
    }

    @Test
    void aFolderOnAFileSystemThatTakesNoNewFolderIsRefusedEvenForRoot() {
        Path proc = Path.of("/proc/self");
        Assumptions.assumeTrue(Files.isDirectory(proc), "a Linux /proc");
        // Files.isWritable says yes to root here; only a real probe finds that no folder can be made
        assertThatThrownBy(() -> ReportWriter.requireWritable(Path.of("/proc/difflab-report"), "--report"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--report = /proc/difflab-report is not allowed: the folder cannot be created (/proc is not writable");
    }

    @Test
    void writesFiguresBesideThePlotAndShowsThem(@TempDir Path dir) throws Exception {
        ClaimResult plain = ((OrderClaim) Catalogue.byId("order-ddim")).withSteps(40, 80, 160).check();
        BufferedImage grid = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        ClaimResult withFigures = new ClaimResult(plain.claim(), plain.checks(), plain.tables(), plain.chart(),
                List.of(new Figure("ddim on uniform(20), 20 NFE", grid), new Figure("data", grid)), plain.wallSeconds());
        Path d = ReportWriter.write(List.of(withFigures), dir).getParent();
        assertThat(ImageIO.read(d.resolve("order-ddim-figure-2.png").toFile()).getWidth()).isEqualTo(30);
        assertThat(Files.readString(d.resolve("index.html"))).contains("<img src=\"order-ddim-figure-1.png\"",
                "<figcaption>ddim on uniform(20), 20 NFE</figcaption>");
        assertThat(Files.readString(d.resolve("REPORT.md"))).contains("![data](order-ddim-figure-2.png)");
        assertThat(Files.readString(d.resolve("results.json"))).contains("\"file\": \"order-ddim-figure-1.png\"");
    }

    @Test
    void jsonEscapesAndWritesNonFiniteAsNull() {
        assertThat(Json.write(java.util.Map.of("a\"b", List.of(1.5, Double.NaN, "x\ny")))).isEqualTo("{\n  \"a\\\"b\": [1.5, null, \"x\\ny\"]\n}\n");
    }
}
