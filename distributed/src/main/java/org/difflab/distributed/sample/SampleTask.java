package org.difflab.distributed.sample;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import org.difflab.distributed.job.TaskBody;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.OffsetNoise;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;

/**
 * Draws one partition's samples on an executor: the sampler a local {@code difflab sample} builds, with the per-sample
 * noise seen from the partition's first index ({@link OffsetNoise}), so its rows are those rows of the local run bit for
 * bit (batch sizes do not matter to per-sample streams). The model is opened for the task and closed after it.
 */
public final class SampleTask implements TaskBody<SampleRange, SamplePart> {

    @Override
    public SamplePart run(SampleRange r) {
        SampleJob j = r.job();
        NoiseSchedule schedule = Schedules.parse(j.schedule());
        Device device = DiffLabRuntime.device(j.device());
        try (ModelFactory.Opened m = j.model().open(schedule, device);
             Samples s = Diffusion.sampler().schedule(schedule).model(m.model()).integrator(Integrators.parse(j.integrator()))
                     .grid(Grids.parse(j.grid(), j.steps())).noise(new OffsetNoise(NoiseSources.perSample(j.seed()), r.first()))
                     .batchSize(Math.min(j.batch(), r.size())).dataType(j.float64() ? DataType.FLOAT64 : DataType.FLOAT32).device(device)
                     .sample(r.size())) {
            return new SamplePart(s.tensor().toType(DataType.FLOAT64, false).toDoubleArray(), s.size(), s.dim(), s.nfe());
        }
    }
}
