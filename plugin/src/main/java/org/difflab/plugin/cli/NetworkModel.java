package org.difflab.plugin.cli;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Locale;
import org.difflab.distributed.sample.ModelFactory;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * A {@code --model} of {@code difflab sample --master}, opened on each executor as {@link ModelSource} opens it locally
 * (zoo entries from the zoo's cache, checkpoints and TorchScript files from their paths, made absolute on the driver):
 * the files must be readable at that path on every worker (a shared file system, or the same machine).
 */
record NetworkModel(String model, String eventShape, String parameterization, String time) implements ModelFactory {

    /** The recipe of a --model value, file names made absolute. */
    static NetworkModel of(String model, String eventShape, String parameterization, String time) {
        String lower = model.toLowerCase(Locale.ROOT);
        String spec = lower.startsWith("zoo:") ? model : Path.of(model).toAbsolutePath().toString();
        return new NetworkModel(spec, eventShape, parameterization, time);
    }

    @Override
    public Opened open(NoiseSchedule schedule, Device device) {
        ModelSource source = ModelSource.open(model, eventShape, parameterization, time, schedule, device, line -> { });
        return Opened.of(source.model(), source::close);
    }

    @Override
    public String describe() {
        return "model " + model;
    }
}
