package org.difflab.plugin.notebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.plugin.notebook.kernel.ijava.IJavaRenderers;
import org.junit.jupiter.api.Test;

/** jupyter-jvm-basekernel 2.3.0's Renderer (IJava's) renders DiffLab values once the render functions are registered. */
class IJavaRenderersTest {

    @Test
    void registeredRendererShowsTheBundleOrTheRequestedType() {
        Renderer renderer = new Renderer();
        IJavaRenderers.register(renderer);
        DisplayData all = renderer.render(Schedules.ddpm());
        assertThat(all.hasDataForType(MIMEType.TEXT_HTML)).isTrue();
        assertThat(all.hasDataForType(MIMEType.IMAGE_PNG)).isTrue();
        assertThat(all.hasDataForType(MIMEType.IMAGE_SVG)).isTrue();
        assertThat((String) all.getData(MIMEType.TEXT_PLAIN)).isEqualTo("NoiseSchedule linear:T=1000,b0=1.0E-4,b1=0.02");

        DisplayData svg = renderer.renderAs(Schedules.ddpm(), "image/svg+xml");
        assertThat(svg.hasDataForType(MIMEType.IMAGE_SVG)).isTrue();
        assertThat(svg.hasDataForType(MIMEType.IMAGE_PNG)).isFalse();
    }

    @Test
    void nullRendererIsRefused() {
        assertThatThrownBy(() -> IJavaRenderers.register(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("renderer = null");
    }
}
