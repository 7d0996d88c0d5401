package org.difflab.plugin.notebook;

/**
 * An object that knows how a notebook shows it (a scatter plot over a target's contours, a progress bar): every
 * kernel adapter renders such objects, as it renders DiffLab's result types through {@link Repr}.
 */
public interface MimeRenderable {

    /** What the object shows, text/plain included. */
    MimeBundle mimeBundle();
}
