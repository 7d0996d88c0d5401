package org.difflab.plugin.progress;

import org.difflab.distributed.job.Progress;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.plugin.notebook.MimeRenderable;

/** A Spark job's progress (cells or partitions done of the total) as a notebook shows it: an HTML progress element and its status. */
public record JobProgressBar(Progress progress) implements MimeRenderable {

    @Override
    public MimeBundle mimeBundle() {
        return MimeBundle.text(progress.bar()).with(MimeBundle.HTML, "<progress value=\"" + progress.done() + "\" max=\"" + progress.total()
                + "\" style=\"width:20em\"></progress> " + Html.escape(progress.status())).build();
    }
}
