package org.difflab.theory.claims;

import java.awt.image.BufferedImage;

/**
 * A picture a claim shows beside its plot, e.g. a grid of the images a sampler drew from a network: what the numbers
 * measure, for a reader to look at (issue 7: a sample grid for each sampler in the report).
 *
 * @param caption what the picture shows (sampler, steps, model)
 * @param image   the picture
 */
public record Figure(String caption, BufferedImage image) {

    public Figure {
        if (caption == null || caption.isBlank() || image == null) {
            throw new IllegalArgumentException("caption = '" + caption + "', image = " + image + " are not allowed: a figure needs a caption "
                    + "and a picture");
        }
    }
}
