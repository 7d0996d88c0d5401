package org.difflab.plugin.notebook.repr;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.difflab.dsl.sampler.Samples;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.Images;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.plugin.plot.ScatterPlot;
import org.difflab.runtime.data.ImageGrid;
import org.knowm.xchart.XYChart;

/**
 * Samples in a notebook: how they were made (integrator, schedule, model, steps, NFE, wall time, seed, counters) as an
 * HTML table, and what they look like: an image grid for image samples [n, C, H, W] (C = 1 or 3), else a scatter plot
 * of the first two coordinates ({@link org.difflab.plugin.notebook.ScatterView} adds the target's contours).
 */
public final class SamplesRepr {
    /** Images shown in a grid, at most. */
    static final int GRID_IMAGES = 64;

    private SamplesRepr() {}

    public static MimeBundle of(Samples s) {
        List<List<String>> rows = new ArrayList<>(List.of(row("samples", s.size() + " x " + s.tensor().getShape().slice(1)),
                row("integrator", s.integrator()), row("schedule", s.schedule()), row("model", s.model()),
                row("steps", Integer.toString(s.steps())), row("NFE per trajectory", Long.toString(s.nfe())),
                row("wall time", String.format(Locale.ROOT, "%.3f s", s.wallTime().toNanos() / 1e9)), row("seed", Long.toString(s.seed()))));
        for (Map.Entry<String, Long> c : s.counters().entrySet()) {
            rows.add(row("counter " + c.getKey(), Long.toString(c.getValue())));
        }
        MimeBundle.Builder b = MimeBundle.text(s.toString()).with(MimeBundle.HTML, Html.table("Samples", List.of("", ""), rows));
        Shape shape = s.tensor().getShape();
        if (shape.dimension() == 4 && (shape.get(1) == 1 || shape.get(1) == 3)) {
            long n = Math.min(shape.get(0), GRID_IMAGES);
            int columns = (int) Math.ceil(Math.sqrt(n));
            int scale = Math.max(1, Math.min(8, 128 / (int) shape.get(3)));
            b.with(MimeBundle.PNG, Images.png(ImageGrid.render(s.tensor().get("0:" + n), columns, scale)));
        } else if (s.dim() >= 2) {
            XYChart chart = ScatterPlot.chart(null, s.rows(), s.integrator() + ", " + s.steps() + " steps");
            b.with(MimeBundle.PNG, Images.png(chart));
        }
        return b.build();
    }

    private static List<String> row(String key, String value) {
        return List.of(key, value);
    }
}
