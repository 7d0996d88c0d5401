package org.difflab.plugin.progress;

import java.util.Locale;
import org.difflab.dsl.observe.StepEvent;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.plugin.notebook.MimeRenderable;

/**
 * Where a sampling run stands: steps done of the batch's steps, model evaluations, seconds. The terminal prints it as
 * a line with a text bar, a notebook shows an HTML progress element (and the same line as text/plain).
 *
 * @param integrator  the integrator's name
 * @param done        steps done, 0..total
 * @param total       steps of the run, at least 1
 * @param nfe         model evaluations spent so far
 * @param seconds     seconds since the run started
 * @param firstSample global index of the batch's first sample
 */
public record ProgressBar(String integrator, int done, int total, long nfe, double seconds, long firstSample) implements MimeRenderable {
    /** Characters of the text bar. */
    public static final int WIDTH = 30;

    public ProgressBar {
        if (total < 1 || done < 0 || done > total) {
            throw new IllegalArgumentException("done = " + done + " of total = " + total + " is not allowed: 0 <= done <= total, total >= 1");
        }
    }

    /** The bar after a step. */
    public static ProgressBar after(StepEvent e, double seconds) {
        return new ProgressBar(e.integrator(), e.step() + 1, e.steps(), e.nfe(), seconds, e.firstSample());
    }

    /** Whether every step is done. */
    public boolean finished() {
        return done == total;
    }

    /** One line: {@code [##########--------] 20/30 steps ddim, 20 NFE, 1.2 s (samples from 0)}. */
    public String line() {
        int filled = (int) ((long) WIDTH * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + status();
    }

    private String status() {
        return String.format(Locale.ROOT, "%d/%d steps %s, %d NFE, %.1f s (samples from %d)", done, total, integrator, nfe, seconds, firstSample);
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.text(line()).with(MimeBundle.HTML, "<progress value=\"" + done + "\" max=\"" + total + "\" style=\"width:20em\"></progress> "
                + Html.escape(status())).build();
    }
}
