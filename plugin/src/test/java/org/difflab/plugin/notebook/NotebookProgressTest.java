package org.difflab.plugin.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.difflab.plugin.progress.ProgressBar;
import org.junit.jupiter.api.Test;

class NotebookProgressTest {

    @Test
    void oneDisplayIsShownThenUpdatedToTheLastStep() {
        RecordingDisplay display = new RecordingDisplay();
        NotebookProgress progress = new NotebookProgress(display::display, display::update, 0);
        try (Samples s = Diffusion.sampler().schedule(Schedules.ddpm()).target(Targets.gaussian(2)).integrator(Integrators.ddim())
                .grid(Grids.uniform(12)).seed(1).observer(progress).sample(4)) {
            assertThat(s.steps()).isEqualTo(12);
        }
        assertThat(display.shown).hasSize(1);
        assertThat(((ProgressBar) display.shown.get(0)).steps()).isEqualTo(1);
        assertThat(((ProgressBar) display.shown.get(0)).done()).isEqualTo(1 / 12.0);
        assertThat(display.updates).hasSize(11);
        assertThat(display.updateIds).containsOnly("id-1");
        ProgressBar last = (ProgressBar) display.updates.get(10);
        assertThat(last.finished()).isTrue();
        assertThat(last.nfe()).isEqualTo(12);
        assertThat(progress.shown()).isEqualTo(last);

        MimeBundle b = Repr.of(last);
        assertThat(b.get(MimeBundle.TEXT)).startsWith("[" + "#".repeat(ProgressBar.WIDTH) + "] 12 steps (100%) ddim");
        assertThat(b.get(MimeBundle.HTML)).startsWith("<progress value=\"1.000\" max=\"1\"");
    }

    @Test
    void updatesAreThrottledButTheLastStepIsAlwaysShown() {
        List<Object> updates = new ArrayList<>();
        NotebookProgress progress = new NotebookProgress(o -> "id", (id, o) -> updates.add(o), 60_000);
        try (Samples s = Diffusion.sampler().schedule(Schedules.ddpm()).target(Targets.gaussian(2)).integrator(Integrators.ddim())
                .grid(Grids.uniform(12)).seed(1).observer(progress).sample(4)) {
            assertThat(s.size()).isEqualTo(4);
        }
        assertThat(updates).hasSize(1);
        assertThat(((ProgressBar) updates.get(0)).finished()).isTrue();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> new NotebookProgress(null, (id, o) -> {}, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("display = null");
        assertThatThrownBy(() -> new NotebookProgress(o -> "id", (id, o) -> {}, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intervalMillis = -1");
        assertThatThrownBy(() -> new ProgressBar("ddim", 3, 1.5, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("done = 1.5");
    }
}
