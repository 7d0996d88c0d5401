package org.difflab.plugin.notebook.kernel.ijava;

import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.Map;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.plugin.notebook.Repr;

/**
 * DiffLab's renderers for IJava and the kernels built on jupyter-jvm-basekernel 2.3.0 (DJL's IJava fork included),
 * which have no service discovery: register them once per session from a cell,
 * {@code IJavaRenderers.register(getKernelInstance().getRenderer())}; values of {@link Repr#types()} then show their
 * {@link MimeBundle}, and {@code render(value, "image/svg+xml")} one type of it.
 */
public final class IJavaRenderers {
    private IJavaRenderers() {}

    /** Registers a render function for each of {@link Repr#types()}, preferring every type of their bundles. */
    public static void register(Renderer renderer) {
        if (renderer == null) {
            throw new IllegalArgumentException("renderer = null is not allowed: pass getKernelInstance().getRenderer()");
        }
        for (Class<?> type : Repr.types()) {
            registerType(renderer, type);
        }
    }

    private static <T> void registerType(Renderer renderer, Class<T> type) {
        renderer.createRegistration(type).preferring(MIMEType.TEXT_PLAIN, MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG)
                .register(IJavaRenderers::render);
    }

    private static void render(Object value, RenderContext context) {
        for (Map.Entry<String, String> e : Repr.of(value).data().entrySet()) {
            context.renderIfRequested(MIMEType.parse(e.getKey()), e::getValue);
        }
    }
}
