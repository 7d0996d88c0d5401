package org.difflab.plugin.notebook.repr;

import java.util.List;
import org.difflab.dsl.conformance.ConformanceReport;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.MimeBundle;

/** A conformance report in a notebook: one row per check with its verdict and the numbers behind it. */
public final class ConformanceRepr {
    private ConformanceRepr() {}

    public static MimeBundle of(ConformanceReport r) {
        String html = Html.table("Conformance of " + r.integrator() + ": " + (r.passed() ? "PASS" : "FAIL"), List.of("check", "verdict", "detail"),
                r.results().stream().map(c -> List.of(c.check(), c.verdict().name(), c.detail())).toList());
        return MimeBundle.text(r.toString()).with(MimeBundle.HTML, html).build();
    }
}
