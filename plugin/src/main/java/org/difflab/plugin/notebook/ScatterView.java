package org.difflab.plugin.notebook;

import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.target.Target;
import org.difflab.plugin.plot.ScatterPlot;
import org.knowm.xchart.XYChart;

/**
 * Samples drawn over the density contours of the target they should come from (2-D targets; other dimensions show
 * the first two coordinates without contours): the picture that tells at a glance whether a sampler found the modes.
 * PNG only: an SVG of thousands of points is larger than the notebook around it.
 *
 * @param samples the samples (read when rendered; keep them open until then)
 * @param target  the target
 * @param title   the plot title
 */
public record ScatterView(Samples samples, Target target, String title) implements MimeRenderable {

    public ScatterView {
        if (samples == null || target == null) {
            throw new IllegalArgumentException("samples = " + samples + ", target = " + target + ": neither may be null");
        }
        if (samples.dim() != target.dim()) {
            throw new IllegalArgumentException("samples have dim = " + samples.dim() + ", which is not allowed: the target " + target.spec()
                    + " has dim " + target.dim());
        }
        title = title == null ? samples.integrator() + ", " + samples.steps() + " steps, " + target.spec() : title;
    }

    @Override
    public MimeBundle mimeBundle() {
        XYChart chart = ScatterPlot.chart(target, samples.rows(), title);
        return MimeBundle.text(title + ": " + samples).with(MimeBundle.PNG, Images.png(chart)).build();
    }
}
