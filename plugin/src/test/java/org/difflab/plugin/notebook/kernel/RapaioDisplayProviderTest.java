package org.difflab.plugin.notebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.plugin.notebook.kernel.rapaio.RapaioDisplayProvider;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplaySystem;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/** rapaio-jupyter-kernel 3.0.1's own display system finds DiffLab's provider and renders through it. */
class RapaioDisplayProviderTest {

    @Test
    void theKernelsServiceLoaderFindsTheProvider() {
        assertThat(ServiceLoader.load(DisplayProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(RapaioDisplayProvider.class);
    }

    @Test
    void theKernelsDisplaySystemRendersEveryTypeOrTheRequestedOne() {
        DisplaySystem display = DisplaySystem.inst();
        DisplayData all = display.render(Schedules.ddpm());
        assertThat(all.data()).containsKeys(MimeBundle.TEXT, MimeBundle.HTML, MimeBundle.PNG, MimeBundle.SVG);
        assertThat((String) all.data().get(MimeBundle.HTML)).contains("linear:T=1000");

        DisplayData svg = display.render("svg", Schedules.ddpm());
        assertThat(svg.data()).containsOnlyKeys(MimeBundle.TEXT, MimeBundle.SVG);
        DisplayData png = display.render("image/png", Schedules.ddpm());
        assertThat(png.data()).containsOnlyKeys(MimeBundle.TEXT, MimeBundle.PNG);
        // values DiffLab does not render stay with the kernel's own renderers
        assertThat(display.render("plain text").data()).doesNotContainKey(MimeBundle.SVG);
    }
}
