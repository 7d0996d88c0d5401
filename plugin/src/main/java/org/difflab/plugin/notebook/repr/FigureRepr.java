package org.difflab.plugin.notebook.repr;

import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.Images;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.theory.claims.Figure;

/** A picture with its caption (e.g. a grid of images): the caption as text, the picture as PNG, both in HTML. */
public final class FigureRepr {
    private FigureRepr() {}

    public static MimeBundle of(Figure f) {
        String png = Images.png(f.image());
        return MimeBundle.text(f.caption() + " (" + f.image().getWidth() + " x " + f.image().getHeight() + " picture)")
                .with(MimeBundle.HTML, "<figure style=\"margin:0\"><img style=\"image-rendering:pixelated\" src=\"data:image/png;base64," + png
                        + "\" alt=\"" + Html.escape(f.caption()) + "\"><figcaption>" + Html.escape(f.caption()) + "</figcaption></figure>")
                .with(MimeBundle.PNG, png).build();
    }
}
