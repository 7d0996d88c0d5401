package org.difflab.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.spec.Registry;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.claims.Catalogue;
import org.junit.jupiter.api.Test;

/**
 * The documentation names what the code has, and nothing else: the sampler tables of docs/samplers.md (and its table of
 * the peers' names) list exactly the registered integrators, the spec tables of docs/commands.md exactly the schedules, targets and grids of
 * {@code difflab list}, the claims table of docs/claims.md exactly the catalogue's ids, and every relative link of the README and the docs pages leads to a file.
 */
class DocsAgreeWithCodeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FIRST_CELL = Pattern.compile("^\\| `([^`]+)` \\|");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void theSamplerTablesListExactlyTheRegisteredIntegrators() throws IOException {
        List<List<String>> tables = firstColumns(ROOT.resolve("docs/samplers.md"));
        assertThat(tables).as("docs/samplers.md: the diffusion table, then the Langevin table").hasSizeGreaterThanOrEqualTo(2);
        assertThat(tables.get(0)).as("docs/samplers.md, diffusion samplers")
                .containsExactlyInAnyOrderElementsOf(Integrators.registrations().stream().map(Registry.Entry::name).toList());
        assertThat(tables.get(1)).as("docs/samplers.md, Langevin samplers")
                .containsExactlyInAnyOrderElementsOf(LangevinIntegrators.registrations().stream().map(Registry.Entry::name).toList());
        List<List<String>> names = firstColumns(section(ROOT.resolve("docs/samplers.md"), "## Names people know: k-diffusion and diffusers"));
        assertThat(names).as("docs/samplers.md, section Names people know: one table").hasSize(1);
        assertThat(names.get(0)).as("docs/samplers.md, the peers' names of every diffusion sampler")
                .containsExactlyInAnyOrderElementsOf(Integrators.registrations().stream().map(Registry.Entry::name).toList());
    }

    @Test
    void theSpecTablesListExactlyTheCodesSchedulesTargetsAndGrids() throws IOException {
        List<List<String>> tables = firstColumns(section(ROOT.resolve("docs/commands.md"), "## Specs"));
        assertThat(tables).as("docs/commands.md, section Specs: schedules, targets, grids").hasSize(3);
        assertThat(tables.get(0)).as("schedules").containsExactlyElementsOf(Schedules.specs().keySet());
        assertThat(tables.get(1)).as("targets").containsExactlyElementsOf(Targets.specs().keySet());
        assertThat(tables.get(2)).as("grids").containsExactlyElementsOf(Grids.specs().keySet());
    }

    @Test
    void theClaimsTableListsExactlyTheCataloguesIds() throws IOException {
        List<List<String>> tables = firstColumns(section(ROOT.resolve("docs/claims.md"), "## Every claim"));
        assertThat(tables).as("docs/claims.md, section Every claim: one table").hasSize(1);
        // CheckCommandTest registers claims of its own (zz-test-*) in the same catalogue when it runs first in this JVM
        List<String> ids = Catalogue.ids().stream().filter(id -> !id.startsWith("zz-test-")).toList();
        assertThat(tables.get(0)).as("claim ids").containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsLeadsToAFile() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (!target.contains("://") && !Files.exists(page.getParent().resolve(target))) {
                    broken.add(ROOT.relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    /** The backticked first cells of each markdown table of the text, one list per table. */
    static List<List<String>> firstColumns(String text) {
        List<List<String>> tables = new ArrayList<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            if (!line.startsWith("|")) {
                current = null;
                continue;
            }
            if (current == null) {
                current = new ArrayList<>();
                tables.add(current);
            }
            Matcher m = FIRST_CELL.matcher(line);
            if (m.find()) {
                current.add(m.group(1));
            }
        }
        tables.removeIf(List::isEmpty);
        return tables;
    }

    private static List<List<String>> firstColumns(Path page) throws IOException {
        return firstColumns(Files.readString(page));
    }

    /** The text from the heading to the next heading of the same level. */
    private static String section(Path page, String heading) throws IOException {
        String text = Files.readString(page);
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as(page + " has a section " + heading).isNotNegative();
        int end = text.indexOf("\n" + heading.substring(0, heading.indexOf(' ') + 1), start + heading.length() + 2);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }
}
