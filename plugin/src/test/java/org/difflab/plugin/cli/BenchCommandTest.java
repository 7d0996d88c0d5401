package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.plugin.bench.ArrayLoops;
import org.difflab.plugin.bench.RawLoops;
import org.difflab.plugin.bench.TargetsBench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code difflab bench} in miniature: every section's rows in the table and in the JSON, and its options checked. */
class BenchCommandTest {

    @Test
    void printsEverySectionsRowsAndWritesTheSameAsJson(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("bench.json");
        Cli r = Cli.run("bench", "--repeats", "2", "--steps", "3", "--shapes", "1x16,2x3x1x1", "--unet-steps", "2", "--unet-batches", "1", "--json",
                json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("difflab bench: 2 repeats after 2 warm-ups").contains("wrote " + json);
        for (String integrator : RawLoops.INTEGRATORS) {
            boolean arrays = ArrayLoops.INTEGRATORS.contains(integrator);
            for (String shape : new String[] {"1x16", "2x3x1x1"}) {
                for (String metric : new String[] {"DiffLab", "DiffLab, no NaN check", "raw DJL loop", "Java arrays", "DiffLab / raw DJL",
                        "DiffLab / Java arrays"}) {
                    String row = "overhead +" + integrator + " " + shape + " +" + Pattern.quote(metric) + " +[0-9.]+ +[0-9.]+ +[0-9.]+ +(us/step|x)\\R";
                    if (arrays || !metric.contains("Java arrays")) {
                        assertThat(r.out()).containsPattern(row);
                    } else {
                        assertThat(r.out()).doesNotContainPattern(row);
                    }
                }
            }
        }
        for (String integrator : RawLoops.INTEGRATORS) {
            String row = "overhead +" + integrator + " 1x16 +DiffLab, engine noise +[0-9.]+ +[0-9.]+ +[0-9.]+ +us/step\\R";
            if (List.of("ddpm", "liDdpm").contains(integrator)) {
                assertThat(r.out()).containsPattern(row);
            } else {
                assertThat(r.out()).doesNotContainPattern(row);
            }
        }
        for (String dim : new String[] {"1", "64"}) {
            for (String integrator : new String[] {"ddim", "ddpm", "heun"}) {
                for (String metric : new String[] {"evaluations", "probe rows x model calls"}) {
                    assertThat(r.out()).containsPattern("exact +" + integrator + " d=" + dim + " 3 steps +" + metric + " +[0-9.]+ +[0-9.]+ +[0-9.]+ +1/s");
                }
            }
        }
        for (String batch : new String[] {"1", "64"}) {
            for (String target : TargetsBench.TARGETS) {
                for (String metric : new String[] {"DiffLab", "in the exact score"}) {
                    assertThat(r.out()).containsPattern("targets +" + Pattern.quote(target) + " ddim batch=" + batch + " +" + metric + " +[0-9.]+ +[0-9.]+ +[0-9.]+ +us/step");
                }
            }
            for (String metric : new String[] {"per step", "in the exact score"}) {
                assertThat(r.out()).containsPattern("targets +mixture / Gaussian, batch=" + batch + " +" + metric + " +[0-9.]+ +[0-9.]+ +[0-9.]+ +x");
            }
        }
        for (Integrator integrator : Integrators.all()) {
            for (String metric : new String[] {"DiffLab +[0-9.]+ +[0-9.]+ +[0-9.]+ +us/step", "outside the model calls", "model calls"}) {
                assertThat(r.out()).containsPattern("integrators +" + integrator.name() + " d=16 batch=64 +" + metric);
            }
        }
        for (String metric : new String[] {"samples per second", "network forward", "wall time outside the network", "DiffLab / raw DJL"}) {
            assertThat(r.out()).containsPattern("unet +w16 batch=1 ddim 2 steps +" + Pattern.quote(metric) + " +[0-9.]+ +[0-9.]+ +[0-9.]+");
        }
        String text = Files.readString(json);
        Matcher rows = Pattern.compile(("{ 'section': '(overhead|integrators|exact|targets|unet)', 'case': '[^']+', 'metric': '[^']+', 'unit': '[^']+', "
                + "'median': ([0-9.Ee-]+), 'low': ([0-9.Ee-]+), 'high': ([0-9.Ee-]+) }").replace("'", "\"").replace("{", "\\{")
                .replace(" ", "\\s*")).matcher(text);
        int count = 0;
        while (rows.find()) {
            double median = Double.parseDouble(rows.group(2));
            assertThat(median).isBetween(Double.parseDouble(rows.group(3)), Double.parseDouble(rows.group(4)));
            count++;
        }
        // the overhead section's PyTorch rows (its time and three ratios) where a Python with torch is found, else a note why not
        boolean torch = r.out().contains("note: overhead: plain PyTorch loop on torch ");
        assertThat(torch || r.out().contains("note: overhead: no plain PyTorch column: no Python with torch")).as(r.out()).isTrue();
        assertThat(text).contains("\"notes\": [");
        int torchRows = torch ? 4 : 0;
        // 2 shapes; 3 integrators with a Java-array loop, 4 without; every one also without the NaN check; the 2 that draw
        // noise (ddpm, liDdpm) also with the engine's noise
        int overhead = 2 * (3 * (6 + torchRows) + 4 * (4 + torchRows) + 2 * (1 + torchRows / 4));
        assertThat(count).as(text).isEqualTo(overhead + 3 * Integrators.all().size() + 2 * 3 * 2 + 2 * (2 * 2 + 2) + 4);
        assertThat(text).containsPattern("^\\{\\s*\"threads\": \\d+,\\s*\"processors\": \\d+,\\s*\"seconds\": [0-9.]+,");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--repeats 0              | --repeats = 0",
            "--steps 1                | --steps = 1",
            "--unet-steps 100000      | --unet-steps = 100000",
            "--shapes 1x16,0x2        | --shapes = 1x16,0x2",
            "--shapes 64x0            | --shapes = 64x0",
            "--shapes 64              | --shapes = 64 is not allowed: each shape must be BxD or BxCxHxW",
            "--shapes 64x3x32         | --shapes = 64x3x32",
            "--shapes 2x2000x2000     | --shapes = 2x2000x2000",
            "--unet-batches x         | 'x'",
            "--only overhead,gpu      | --only = overhead,gpu",
            "--json out.txt           | --json = out.txt"})
    void badOptionsExitWithCode2NamingOptionAndValue(String options, String expected) {
        Cli r = Cli.run(("bench " + options.trim()).split("\\s+"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("difflab: error: ").contains(expected);
        assertThat(r.out()).isEmpty();
    }

    /** A UNet batch whose activations cannot fit (65536 x about 2 MB) is refused with the estimate before any section runs. */
    @Test
    void aBatchOverTheMemoryBudgetIsRefusedUpFront(@TempDir Path dir) {
        Path json = dir.resolve("b.json");
        Cli r = Cli.run("bench", "--only", "unet", "--unet-batches", "1,65536", "--json", json.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().startsWith("difflab: error: bench --shapes 64x2,1024x16 --unet-batches 1,65536 needs "
                + "about 122.1 GiB of native memory (UNet activations of a batch of 65536 (about 2 MB per sample, measured): 122.1 GiB)")
                .endsWith("lower --unet-batches or --shapes (or leave the section out with --only)");
        assertThat(r.out()).isEmpty();
        assertThat(json).doesNotExist();
    }
}
