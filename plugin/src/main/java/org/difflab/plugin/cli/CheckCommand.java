package org.difflab.plugin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.theory.claims.Catalogue;
import org.difflab.theory.claims.Claim;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Check;
import org.difflab.theory.claims.Verdict;
import org.difflab.theory.report.Cells;
import org.difflab.theory.report.ReportWriter;
import org.difflab.theory.report.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab check}: measures the claims of the catalogue with exact evaluation on the embedded CPU engine,
 * prints a summary table, and writes the report folder (HTML, Markdown, CSV, JSON, plots). Exits with 1 when a claim
 * is VIOLATED, 0 otherwise (INCONCLUSIVE does not fail the run).
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Check the claims catalogue and write a report; exit 1 if a claim is violated.")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--claim", paramLabel = "ID", description = "Claim to check (repeatable; a trailing * matches a prefix, e.g. 'mlem-*'; "
            + "default: all, see --list).")
    List<String> claims = new ArrayList<>();

    @Option(names = "--report", defaultValue = "report", paramLabel = "DIR", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write all results as JSON to FILE.")
    Path json;

    @Option(names = "--list", description = "List the claims and exit.")
    boolean list;

    @Option(names = "--tables", description = "Also print each claim's evidence tables (e.g. cost against error).")
    boolean tables;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        List<Claim> selected = claims.isEmpty() ? Catalogue.all() : claims.stream().flatMap(id -> select(id).stream()).distinct().toList();
        if (list) {
            TextTable t = new TextTable("claim", "family", "integrators", "expected");
            for (Claim c : selected) {
                t.row(c.id(), c.family(), String.join(", ", c.integrators()), c.expectation());
            }
            w.print(t.render());
            w.flush();
            return 0;
        }
        if (json != null && json.getParent() != null && !Files.isDirectory(json.getParent())) {
            throw new IllegalArgumentException("--json = " + json + " is not allowed: its folder " + json.getParent() + " does not exist");
        }
        DiffLabRuntime.engine();
        long start = System.nanoTime();
        List<ClaimResult> results = new ArrayList<>();
        TextTable t = new TextTable("claim", "integrators", ">expected", ">measured [95% CI]", "verdict", ">wall s");
        for (Claim c : selected) {
            ClaimResult r = c.check();
            results.add(r);
            t.row(c.id(), Cells.integrators(r), Cells.expected(r), Cells.measured(r), r.verdict(), Cells.seconds(r.wallSeconds()));
        }
        Path index = ReportWriter.write(results, report);
        if (json != null) {
            try {
                Files.writeString(json, ResultsJson.of(results), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write --json = " + json + ": " + e.getMessage(), e);
            }
        }
        w.print(t.render());
        for (ClaimResult r : results) {
            for (var table : tables ? r.tables() : List.<org.difflab.theory.claims.Table>of()) {
                w.printf(Locale.ROOT, "%n%s: %s%n", r.claim().id(), table.title());
                TextTable text = new TextTable(table.columns().toArray(String[]::new));
                table.rows().forEach(row -> text.row(row.toArray()));
                w.print(text.render());
            }
        }
        List<ClaimResult> failed = results.stream().filter(ClaimResult::failed).toList();
        for (ClaimResult r : results) {
            for (Check k : r.checks()) {
                if (k.verdict() != Verdict.HOLDS) {
                    w.printf(Locale.ROOT, "%s (%s): %s: %s%n", r.claim().id(), k.subject(), k.verdict(), k.judgement().reason());
                }
            }
        }
        w.printf(Locale.ROOT, "%d claims, %d violated; report -> %s%s; %.1f s%n", results.size(), failed.size(), index,
                json == null ? "" : ", JSON -> " + json, (System.nanoTime() - start) * 1e-9);
        w.flush();
        return failed.isEmpty() ? 0 : 1;
    }

    /** The claim with this id, or every claim whose id starts with the prefix before a trailing '*'. */
    private static List<Claim> select(String id) {
        if (id.endsWith("*")) {
            String prefix = id.substring(0, id.length() - 1);
            List<Claim> matched = Catalogue.all().stream().filter(c -> c.id().startsWith(prefix)).toList();
            if (matched.isEmpty()) {
                throw new IllegalArgumentException("--claim = " + id + " is not allowed: no claim id starts with '" + prefix + "'; ids: "
                        + String.join(", ", Catalogue.ids()));
            }
            return matched;
        }
        try {
            return List.of(Catalogue.byId(id));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--claim = " + id + " is not allowed: one of " + String.join(", ", Catalogue.ids()), e);
        }
    }
}
