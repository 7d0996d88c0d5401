package org.difflab.plugin.notebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.plugin.notebook.kernel.jjava.JJavaExtension;
import org.junit.jupiter.api.Test;

/** JJava's extension discovery finds DiffLab's extension, and its Renderer then renders DiffLab values. */
class JJavaExtensionTest {

    @Test
    void serviceLoaderFindsTheExtension() {
        assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type)).contains(JJavaExtension.class);
    }

    @Test
    void installedExtensionRendersTheBundleOrTheRequestedType() {
        Renderer renderer = new Renderer();
        new JJavaExtension().install(Kernels.jjava(renderer));
        DisplayData all = renderer.render(Schedules.ddpm());
        assertThat(all.hasDataForType(MIMEType.TEXT_HTML)).isTrue();
        assertThat(all.hasDataForType(MIMEType.IMAGE_PNG)).isTrue();
        assertThat(all.hasDataForType(MIMEType.IMAGE_SVG)).isTrue();

        DisplayData png = renderer.renderAs(Schedules.ddpm(), "image/png");
        assertThat(png.hasDataForType(MIMEType.IMAGE_PNG)).isTrue();
        assertThat(png.hasDataForType(MIMEType.IMAGE_SVG)).isFalse();
    }
}
