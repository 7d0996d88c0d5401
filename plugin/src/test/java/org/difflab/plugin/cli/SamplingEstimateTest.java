package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Sampler;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/**
 * sample's time estimate, without running the long request: a request of 10^9 samples x 1000 steps is probed on one
 * batch for 2 and 20 steps and announced; a small request is not probed at all.
 */
class SamplingEstimateTest {
    private final List<Integer> probedSteps = new ArrayList<>();
    private final IntFunction<Sampler> onSteps = k -> {
        probedSteps.add(k);
        return Diffusion.sampler().schedule(Schedules.parse("linear")).target(Targets.parse("gaussian:d=2")).integrator(Integrators.parse("ddim"))
                .grid(Grids.parse("uniform", k)).seed(1).batchSize(256);
    };

    @Test
    void aLongRequestIsAnnouncedFromAProbeOfOneBatch() {
        List<String> lines = new ArrayList<>();
        SamplingEstimate.announce(lines::add, "difflab sample", 1_000_000_000L, 256, 1000, onSteps);
        assertThat(probedSteps).containsExactly(2, 2, 2, 2, 2, 2, 20, 20, 20, 20);
        assertThat(lines).singleElement().asString().startsWith("difflab sample: about ").contains(" on this machine (3906250 batches of 256 x (")
                .endsWith(" s), from 2- and 20-step probes of one batch; writing not included)");
    }

    @Test
    void aSmallRequestIsNotProbed() {
        List<String> lines = new ArrayList<>();
        SamplingEstimate.announce(lines::add, "difflab sample", 10_000, 256, 999, onSteps);
        assertThat(probedSteps).isEmpty();
        assertThat(lines).isEmpty();
    }
}
