package org.difflab.distributed.sample;

import ai.djl.Device;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.target.Targets;

/** The exact score of a target given by its spec ({@code gmm:preset=ring8}), for sampling targets on executors. */
public record TargetModel(String target) implements ModelFactory {

    @Override
    public Opened open(NoiseSchedule schedule, Device device) {
        return Opened.of(Targets.parse(target).exactScore(), () -> { }); // an exact score holds no native memory
    }

    /** Exact scores act row by row (the conformance suite checks batch invariance for every integrator on them). */
    @Override
    public boolean batchInvariant() {
        return true;
    }

    @Override
    public String describe() {
        return "target " + target;
    }
}
