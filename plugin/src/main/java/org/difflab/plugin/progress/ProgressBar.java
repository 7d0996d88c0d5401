package org.difflab.plugin.progress;

import java.util.Locale;
import org.difflab.dsl.Require;
import org.difflab.dsl.observe.StepEvent;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.plugin.notebook.MimeRenderable;

/**
 * Where a sampling run stands: steps taken, the share of the batch's run done (of its steps, or for an adaptive run of
 * its time span: {@link StepEvent#done()}), model evaluations, seconds. The terminal prints it as
 * a line with a text bar, a notebook shows an HTML progress element (and the same line as text/plain).
 *
 * @param integrator  the integrator's name
 * @param steps       steps taken
 * @param done        share of the batch's run done, 0..1
 * @param nfe         model evaluations spent so far
 * @param seconds     seconds since the run started
 * @param firstSample global index of the batch's first sample
 */
public record ProgressBar(String integrator, int steps, double done, long nfe, double seconds, long firstSample) implements MimeRenderable {
    /** Characters of the text bar. */
    public static final int WIDTH = 30;

    public ProgressBar {
        Require.nonNegative("steps", steps);
        Require.inRange("done", done, 0, 1);
    }

    /** The bar after a step. */
    public static ProgressBar after(StepEvent e, double seconds) {
        return new ProgressBar(e.integrator(), e.step() + 1, e.done(), e.nfe(), seconds, e.firstSample());
    }

    /** Whether the batch's run is done. */
    public boolean finished() {
        return done == 1;
    }

    /** One line: {@code [##########--------] 20 steps (67%) ddim, 20 NFE, 1.2 s (samples from 0)}. */
    public String line() {
        int filled = (int) (WIDTH * done);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + status();
    }

    private String status() {
        return String.format(Locale.ROOT, "%d steps (%.0f%%) %s, %d NFE, %.1f s (samples from %d)", steps, 100 * done, integrator, nfe, seconds, firstSample);
    }

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.text(line()).with(MimeBundle.HTML, "<progress value=\"" + String.format(Locale.ROOT, "%.3f", done) + "\" max=\"1\" style=\"width:20em\"></progress> "
                + Html.escape(status())).build();
    }
}
