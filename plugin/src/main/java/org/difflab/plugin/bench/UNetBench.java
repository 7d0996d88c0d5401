package org.difflab.plugin.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.torchscript.TimeConvention;
import org.difflab.runtime.unet.UNet;
import org.difflab.runtime.unet.UNetConfig;
import org.difflab.runtime.unet.UNetScoreModel;

/**
 * Sampling with a UNet of the zoo's {@code shapes16-w16} shape (16x16 RGB, width 16, 264k parameters), freshly
 * initialised so that the benchmark needs no training: samples per second by batch size, the share of wall time spent
 * outside the network, and DiffLab's DDIM run against the raw DJL loop of {@link RawLoops} with the same network.
 * The weights do not change the cost of a forward pass.
 */
public final class UNetBench {
    private static final int WARM_UPS = OverheadBench.WARM_UPS;

    private UNetBench() {}

    /** Rows for every batch size. */
    public static List<BenchRow> run(int[] batches, int steps, int repeats, Consumer<String> progress) {
        NoiseSchedule schedule = Schedules.ddpm();
        TimeGrid grid = Grids.uniform(steps).on(schedule);
        List<BenchRow> rows = new ArrayList<>();
        try (NDManager weights = DiffLabRuntime.engine().newBaseManager()) {
            UNet net = new UNet(UNetConfig.of(16, 16)).initialize(weights, 1);
            MeteredModel model = new MeteredModel(UNetScoreModel.of(net, TimeConvention.trainingIndex(1000)));
            for (int batch : batches) {
                progress.accept("unet: width 16, batch " + batch + ", ddim " + steps + " steps");
                double[] perSecond = new double[repeats];
                double[] outside = new double[repeats];
                double[] forward = new double[repeats];
                double[] versusRaw = new double[repeats];
                for (int r = -WARM_UPS; r < repeats; r++) { // r < 0: warm-ups, not recorded
                    model.reset();
                    long start = System.nanoTime();
                    try (Samples s = Diffusion.sampler().schedule(schedule).model(model).integrator(Integrators.ddim()).grid(Grids.uniform(steps))
                            .batchSize(batch).seed(r).sample(batch)) {
                        long wall = System.nanoTime() - start;
                        MeteredModel.Reading inside = model.reading(); // before the raw loop, which calls the model too
                        long raw = timeRaw(grid, model, batch, r);
                        if (r >= 0) {
                            perSecond[r] = batch / (wall / 1e9);
                            outside[r] = 100.0 * (wall - inside.nanos()) / wall;
                            forward[r] = inside.nanos() / 1e6 / inside.calls();
                            versusRaw[r] = (double) wall / raw;
                        }
                    }
                }
                String subject = "w16 batch=" + batch + " ddim " + steps + " steps";
                rows.add(new BenchRow("unet", subject, "samples per second", "1/s", Spread.of(perSecond)));
                rows.add(new BenchRow("unet", subject, "network forward", "ms", Spread.of(forward)));
                rows.add(new BenchRow("unet", subject, "wall time outside the network", "%", Spread.of(outside)));
                rows.add(new BenchRow("unet", subject, "DiffLab / raw DJL", "x", Spread.of(versusRaw)));
            }
        }
        return rows;
    }

    private static long timeRaw(TimeGrid grid, MeteredModel model, int batch, long seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed((int) seed);
            long start = System.nanoTime();
            NDArray x = manager.randomNormal(new Shape(batch).addAll(model.eventShape()), DataType.FLOAT32);
            RawLoops.run("ddim", grid, x, model::predict, (i, like) -> {
                throw new IllegalStateException("ddim draws no noise");
            });
            return System.nanoTime() - start;
        }
    }
}
