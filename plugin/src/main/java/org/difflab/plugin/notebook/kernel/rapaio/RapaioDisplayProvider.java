package org.difflab.plugin.notebook.kernel.rapaio;

import java.util.List;
import java.util.Map;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.plugin.notebook.Repr;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplayTransformer;
import org.rapaio.jupyter.kernel.display.MimeType;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/**
 * DiffLab's renderers for rapaio-jupyter-kernel: listed in META-INF/services, so the kernel finds them when DiffLab's
 * jars are on its class path ({@code RJK_CLASSPATH}, or added with {@code %jars}); a cell's last value and
 * {@code display(value)} then show the value's {@link MimeBundle}, {@code display("svg", value)} one type of it.
 */
public final class RapaioDisplayProvider implements DisplayProvider {

    @Override
    public List<DisplayRenderer> getDisplayRenderers() {
        return Repr.types().stream().<DisplayRenderer>map(BundleRenderer::new).toList();
    }

    @Override
    public List<DisplayTransformer> getDisplayTransformers() {
        return List.of();
    }

    /** Renders one of {@link Repr#types()}; rapaio picks a renderer by the value's class and the requested MIME type. */
    private record BundleRenderer(Class<?> rendererClass) implements DisplayRenderer {

        @Override
        public boolean canRender(String mime) {
            String type = longType(mime);
            return type == null || List.of(MimeBundle.TEXT, MimeBundle.HTML, MimeBundle.PNG, MimeBundle.SVG).contains(type);
        }

        @Override
        public DisplayData render(String mime, Object value) {
            MimeBundle bundle = Repr.of(value);
            String type = longType(mime);
            DisplayData out = DisplayData.fromText(bundle.get(MimeBundle.TEXT));
            for (Map.Entry<String, String> e : (type == null ? bundle : bundle.only(type)).data().entrySet()) {
                out.putData(e.getKey(), e.getValue());
            }
            return out;
        }

        /** The full MIME type of a request ({@code png}, {@code html}, {@code svg} or a full type); null: every type. */
        private static String longType(String mime) {
            if (mime == null || mime.isBlank()) {
                return null;
            }
            if (mime.contains("/")) {
                return mime;
            }
            if (mime.equals("svg")) {
                return MimeBundle.SVG;
            }
            MimeType known = MimeType.from(mime, null);
            return known == null ? mime : known.longType();
        }
    }
}
