package org.difflab.plugin.notebook;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart charts and pictures as the strings a notebook carries: base64 PNG and SVG markup, drawn headless (AWT needs
 * fonts: Debian's fontconfig with DejaVu).
 */
public final class Images {
    private Images() {}

    /** A chart as base64 PNG. */
    public static String png(Chart<?, ?> chart) {
        headless();
        try {
            return Base64.getEncoder().encodeToString(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart '" + chart.getTitle() + "' as PNG: " + e.getMessage(), e);
        }
    }

    /** A chart as SVG markup, from its {@code <svg>} element on (no XML prolog or doctype, as notebooks embed it). */
    public static String svg(Chart<?, ?> chart) {
        headless();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart '" + chart.getTitle() + "' as SVG: " + e.getMessage(), e);
        }
        String svg = out.toString(StandardCharsets.UTF_8);
        return svg.substring(Math.max(0, svg.indexOf("<svg"))).strip();
    }

    /** A picture (e.g. an image grid) as base64 PNG. */
    public static String png(RenderedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a picture as PNG: " + e.getMessage(), e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
