package org.difflab.plugin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.theory.claims.CatalogueEntry;
import org.difflab.theory.claims.Check;
import org.difflab.theory.claims.ClaimDescription;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.ControlResult;
import org.difflab.theory.claims.Table;
import org.difflab.theory.claims.Verdict;
import org.difflab.theory.report.Cells;
import org.difflab.theory.report.ClaimFiles;
import org.difflab.theory.report.ReportWriter;
import org.difflab.theory.report.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code difflab check}: measures the claims of the catalogue (by default the standard tier, which needs no trained
 * network) on the embedded CPU engine, saying as it goes what each claim came out as ({@link CheckProgress}), prints a
 * summary table with each claim's kind and provenance, and writes the report folder (HTML, Markdown, CSV, JSON, plots).
 * With {@code --controls} it also runs each claim's controls and reports the catalogue's mutation score. Claims run side
 * by side, one per available processor ({@code --workers N} sets another number), the longest of the previous run first
 * ({@link ClaimRunner}); results and report keep the catalogue's order and bits.
 *
 * <p>Exit codes: 0 when no {@code paper} or {@code consistency} claim is VIOLATED (INCONCLUSIVE and FINDING do not
 * fail); 1 when one is, or with {@code --controls} when a mutant survives or a positive control does not hold;
 * 2 for bad input (unknown ids or tier, a report folder that cannot be written, {@code --controls} on a claim without
 * controls, network claims whose zoo is not trained without {@code --train}), before anything is measured or written;
 * 130 when interrupted.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check the claims catalogue and write a report.",
                "Exit 0: no paper or consistency claim violated (INCONCLUSIVE and FINDING do not fail); 1: one is, or with --controls a "
                        + "mutant survived or a positive control failed; 2: bad input; 130: interrupted."})
final class CheckCommand implements Callable<Integer> {

    // own options: alike in form to other commands', but names, defaults and help texts differ (a shared @Mixin would change --help)
    @Option(names = "--claim", paramLabel = "ID", description = "Claim to check (repeatable; a trailing * matches a prefix, e.g. 'mlem-*'; "
            + "default: every claim of the tier, see --list).")
    List<String> claims = new ArrayList<>();

    @Option(names = "--tier", paramLabel = "TIER", description = "standard (the default without --claim: exact and Monte Carlo claims, no "
            + "trained network), network (claims on the zoo's trained UNets) or all.")
    String tier;

    @Option(names = "--controls", description = "Also run each claim's controls (positive controls must hold, mutants must be violated) "
            + "and report the mutation score.")
    boolean controls;

    @Option(names = "--workers", paramLabel = "N", description = "How many claims run at once, 1 to 64 (default: the available processors, or "
            + "-Ddifflab.check.workers); results are the same bits whatever the number.")
    String workers;

    @Option(names = "--train", description = "Train the zoo's UNets first when network claims need them and they are not cached.")
    boolean train;

    @Option(names = "--report", defaultValue = "report", paramLabel = "DIR", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write all results as JSON to FILE.")
    Path json;

    @Option(names = "--list", description = "List the claims (with their kind and tier) and exit.")
    boolean list;

    @Option(names = "--wide", description = "With --list: do not shorten long cells to fit 100 columns, and show each claim's provenance.")
    boolean wide;

    @Option(names = "--tables", description = "Also print each claim's evidence tables (e.g. cost against error).")
    boolean tables;

    @Spec
    CommandSpec spec;

    @ParentCommand
    DiffLabCommand parent;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        int atOnce = ClaimRunner.workers(workers);
        if (!list) {
            OutputPaths.folder("--report", report);
            if (json != null) {
                OutputPaths.file("--json", json);
            }
        }
        List<CatalogueEntry> selected = ClaimSelection.of(claims, list && tier == null && claims.isEmpty() ? ClaimSelection.ALL : tier);
        if (list) {
            TextTable t = wide ? new TextTable("claim", "tier", "kind", "controls", "provenance", "expected")
                    : new TextTable("claim", "tier", "kind", "controls", "expected");
            for (CatalogueEntry x : selected) {
                if (wide) {
                    t.row(x.id(), x.tier().label(), x.claim().kind().label(), x.controls().size(), Cells.provenance(x.claim()), x.claim().expectation());
                } else {
                    t.row(x.id(), x.tier().label(), x.claim().kind().label(), x.controls().size(), x.claim().expectation());
                }
            }
            String text = t.render(wide ? Integer.MAX_VALUE : ListCommand.COLUMNS);
            w.print(text);
            if (text.contains("...")) {
                w.println("(shortened to " + ListCommand.COLUMNS + " columns: --wide shows it all, with each claim's provenance)");
            }
            w.flush();
            return 0;
        }
        if (controls) {
            ClaimSelection.requireControls(claims, selected);
        }
        List<String> untrained = ClaimSelection.requireZoo(selected, train);
        DiffLabRuntime.engine();
        long start = System.nanoTime();
        List<ClaimResult> results;
        ClaimRunner.Stopped stoppedBy = null;
        boolean terminal = parent != null && parent.stderrIsTerminal();
        int threads = Math.min(atOnce, Math.max(1, selected.size()));
        Map<String, Double> previous = ReportWriter.previousTimings(report);
        Map<String, ClaimFiles> drawn = new ConcurrentHashMap<>();
        try (CheckProgress progress = new CheckProgress(w, e, terminal, selected.stream().map(CatalogueEntry::id).toList(), previous, threads)) {
            int intraOp = ClaimRunner.threadsPerClaim(DiffLabRuntime.threads(), threads);
            String zooThreads = selected.stream().anyMatch(x -> !x.zoo().isEmpty())
                    ? String.format(Locale.ROOT, "; claims on the zoo one at a time with %d", DiffLabRuntime.threads()) : "";
            progress.note(String.format(Locale.ROOT, "difflab check: %d claim%s%s, %d at a time (%d intra-op thread%s each%s) -> %s",
                    selected.size(), selected.size() == 1 ? "" : "s", controls ? " with their controls" : "", threads, intraOp, intraOp == 1 ? "" : "s", zooThreads, report));
            if (!untrained.isEmpty()) {
                progress.note(String.format(Locale.ROOT, "difflab check: training the zoo's %s first (about %.0f minutes)",
                        String.join(", ", untrained), Math.max(1, ClaimSelection.minutes(untrained))));
            }
            try {
                results = ClaimRunner.run(selected, controls, threads, previous, drawingAhead(progress, drawn));
            } catch (ClaimRunner.Stopped stopped) {
                stoppedBy = stopped;
                results = stopped.finished();
            }
        }
        if (stoppedBy != null && results.isEmpty()) {
            throw stoppedBy;
        }
        Path index = ReportWriter.write(results, report, controls, r -> drawn.computeIfAbsent(r.claim().id(), id -> ClaimFiles.of(r)));
        if (json != null) {
            ReportWriter.writeJson(results, json, controls);
        }
        print(w, results);
        Summary summary = Summary.of(results, controls);
        w.println(summary.line());
        if (controls) {
            w.println(summary.mutationLine());
        }
        w.printf(Locale.ROOT, "report -> %s%s; %.1f s%n", index, json == null ? "" : ", JSON -> " + json, (System.nanoTime() - start) * 1e-9);
        w.flush();
        if (stoppedBy != null) {
            List<String> measured = results.stream().map(r -> r.claim().id()).toList();
            List<String> notMeasured = selected.stream().map(CatalogueEntry::id).filter(id -> !measured.contains(id)).toList();
            e.println("difflab: interrupted: " + stoppedBy.getMessage() + "; the report holds the " + results.size() + " claim"
                    + (results.size() == 1 ? "" : "s") + " measured before; not measured: " + String.join(", ", notMeasured.subList(0, Math.min(5, notMeasured.size())))
                    + (notMeasured.size() > 5 ? " and " + (notMeasured.size() - 5) + " more" : ""));
            e.flush();
            return ErrorReporter.INTERRUPTED;
        }
        boolean controlsFailed = controls && summary.controlsFailed() > 0;
        return summary.failed() > 0 || controlsFailed ? 1 : 0;
    }

    /** The summary table, the evidence tables when asked, and the reason of every check that did not hold. */
    /**
     * The progress listener, and each claim's report files drawn in its worker as it ends ({@link ClaimFiles}): the
     * drawing overlaps the claims still running instead of following the last one.
     */
    private static ClaimRunner.Listener drawingAhead(ClaimRunner.Listener progress, Map<String, ClaimFiles> drawn) {
        return new ClaimRunner.Listener() {
            @Override
            public void started(String claim) {
                progress.started(claim);
            }

            @Override
            public void controlStarted(String claim, String control) {
                progress.controlStarted(claim, control);
            }

            @Override
            public void finished(ClaimResult result, List<ControlResult> controls) {
                progress.finished(result, controls);
                drawn.put(result.claim().id(), ClaimFiles.of(result));
            }
        };
    }

    private void print(PrintWriter w, List<ClaimResult> results) {
        TextTable t = new TextTable("claim", "kind", "provenance", ">expected", ">measured [95% CI]", "verdict", ">wall s");
        for (ClaimResult r : results) {
            ClaimDescription c = r.claim();
            t.row(c.id(), c.kind().label(), Cells.provenance(c), Cells.expected(r), Cells.measured(r), r.verdict(), Cells.seconds(r.wallSeconds()));
        }
        w.print(t.render());
        for (ClaimResult r : results) {
            for (Table table : tables ? r.tables() : List.<Table>of()) {
                w.printf(Locale.ROOT, "%n%s: %s%n", r.claim().id(), table.title());
                TextTable text = new TextTable(table.columns().toArray(String[]::new));
                table.rows().forEach(row -> text.row(row.toArray()));
                w.print(text.render());
            }
        }
        for (ClaimResult r : results) {
            for (Check k : r.checks()) {
                if (k.verdict() != Verdict.HOLDS) {
                    w.printf(Locale.ROOT, "%s (%s): %s: %s%n", r.claim().id(), k.subject(), r.verdict() == Verdict.FINDING ? "FINDING" : k.verdict(),
                            k.judgement().reason());
                }
            }
            for (ControlResult c : r.controls()) {
                if (!c.passed()) {
                    w.printf(Locale.ROOT, "%s: control %s (%s) FAILED: %s, needed %s: %s%n", r.claim().id(), c.control().name(),
                            c.control().role().label(), c.verdict(), c.control().role().required(), c.reason());
                }
            }
        }
    }
}
