package org.difflab.plugin.notebook.kernel.jjava;

import java.util.Map;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.plugin.notebook.Repr;

/**
 * DiffLab's renderers for JJava: a JJava {@link Extension} listed in META-INF/services, which JJava installs when
 * DiffLab's jars reach the notebook's class path ({@code JJAVA_CLASSPATH}, {@code %classpath}, {@code %maven});
 * values of {@link Repr#types()} then show their {@link MimeBundle}.
 */
public final class JJavaExtension implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel = null is not allowed: JJava passes its running kernel");
        }
        register(kernel.getRenderer());
    }

    /** Registers a render function for each of {@link Repr#types()}, preferring every type of their bundles. */
    static void register(Renderer renderer) {
        for (Class<?> type : Repr.types()) {
            registerType(renderer, type);
        }
    }

    // as IJavaRenderers does for IJava: the same calls on JJava's own Renderer and MIMEType classes (another package, no common type)
    private static <T> void registerType(Renderer renderer, Class<T> type) {
        renderer.createRegistration(type).preferring(MIMEType.TEXT_PLAIN, MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG)
                .register(JJavaExtension::render);
    }

    private static void render(Object value, RenderContext context) {
        for (Map.Entry<String, String> e : Repr.of(value).data().entrySet()) {
            context.renderIfRequested(MIMEType.parse(e.getKey()), e::getValue);
        }
    }
}
