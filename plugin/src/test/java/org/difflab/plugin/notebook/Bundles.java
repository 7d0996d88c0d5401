package org.difflab.plugin.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Assertions on rendered bundles shared by the notebook tests: a PNG that decodes and is not blank, SVG markup. */
final class Bundles {
    private Bundles() {}

    /** Decodes the bundle's PNG and checks it has a size and more than one colour (something was drawn). */
    static BufferedImage png(MimeBundle b) {
        assertThat(b.types()).contains(MimeBundle.PNG);
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b.get(MimeBundle.PNG))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isGreaterThan(50);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(2);
        return img;
    }

    static void svg(MimeBundle b) {
        assertThat(b.get(MimeBundle.SVG)).startsWith("<svg").contains("<path").endsWith("</svg>");
    }
}
