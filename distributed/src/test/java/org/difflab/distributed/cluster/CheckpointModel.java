package org.difflab.distributed.cluster;

import ai.djl.Device;
import java.nio.file.Path;
import org.difflab.distributed.sample.ModelFactory;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.runtime.torchscript.TimeConvention;
import org.difflab.runtime.unet.UNetScoreModel;

/** A DiffLab UNet checkpoint opened on an executor (the test's network; the command line has its own factory). */
record CheckpointModel(String path) implements ModelFactory {

    @Override
    public Opened open(NoiseSchedule schedule, Device device) {
        UNetScoreModel m = UNetScoreModel.load(Path.of(path), TimeConvention.trainingIndex(1000), device);
        return Opened.of(m, m::close);
    }

    @Override
    public String describe() {
        return "checkpoint " + path;
    }
}
