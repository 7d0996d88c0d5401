package org.difflab.plugin.notebook.repr;

import java.util.ArrayList;
import java.util.List;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.theory.claims.Chart;
import org.difflab.theory.claims.ComplexityChart;
import org.difflab.theory.complexity.ComplexityFit;
import org.difflab.theory.complexity.ComplexityResult;

/**
 * An iteration-complexity study in a notebook: the fitted exponents of T ~ C d^a eps^-b with 95% intervals, the
 * smallest T of every (d, eps) cell (HTML), and T against 1/eps on log-log axes, one measured line and its fit per d.
 */
public final class ComplexityRepr {
    private ComplexityRepr() {}

    public static MimeBundle of(ComplexityResult r) {
        List<List<String>> fits = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        for (ComplexityResult.Series s : r.series().values()) {
            ComplexityFit f = s.fit();
            fits.add(f == null ? List.of(s.integrator(), "not identifiable", "", "") : List.of(s.integrator(),
                    Numbers.fixed(f.a(), 3) + " [" + Numbers.fixed(f.aLower(), 3) + ", " + Numbers.fixed(f.aUpper(), 3) + "]",
                    Numbers.fixed(f.b(), 3) + " [" + Numbers.fixed(f.bLower(), 3) + ", " + Numbers.fixed(f.bUpper(), 3) + "]",
                    Integer.toString(f.points())));
            for (ComplexityResult.Cell c : s.cells()) {
                cells.add(List.of(s.integrator(), Integer.toString(c.dim()), Numbers.sci(c.eps()),
                        c.censored() ? "> " + r.maxSteps() : c.atMinSteps() ? "<= " + c.steps() : Integer.toString(c.steps()),
                        Numbers.sci(c.error()), c.censored() ? "censored" : c.atMinSteps() ? "at minimum" : ""));
            }
        }
        String html = Html.table("Fitted T ~ C d^a eps^-b (95% intervals)", List.of("integrator", "a (of d)", "b (of 1/eps)", "cells fitted"), fits)
                + Html.table("Smallest T with " + r.metric() + " <= eps (search cap " + r.maxSteps() + ")",
                        List.of("integrator", "d", "eps", "T", r.metric(), "note"), cells);
        MimeBundle.Builder b = MimeBundle.text(r.toString()).with(MimeBundle.HTML, html);
        Chart c = ComplexityChart.of(r);
        return c.lines().isEmpty() ? b.build() : ChartRepr.images(c, b).build();
    }
}
