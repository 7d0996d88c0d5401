package org.difflab.plugin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;

/**
 * Every registered integrator (default parameters) on the model of {@link OverheadBench}, through DiffLab's
 * {@code Sampler}: its time per step and the part of it spent outside its model calls ({@link MeteredModel}), the
 * per-step overhead on top of the model that hand-written references exist for only for a few integrators.
 */
public final class IntegratorSweep {
    private IntegratorSweep() {}

    /** Rows for every registered integrator at one batch size, d = {@code dim}. */
    public static List<BenchRow> run(int dim, int batch, int steps, int repeats, Consumer<String> progress) {
        MeteredModel model = new MeteredModel(new IsotropicEps(dim, 0.5));
        List<BenchRow> rows = new ArrayList<>();
        for (Integrator integrator : Integrators.all()) {
            progress.accept("integrators: " + integrator.spec() + " d=" + dim + " batch=" + batch);
            double[] perStep = new double[repeats];
            double[] outside = new double[repeats];
            double[] calls = new double[repeats];
            for (int r = -OverheadBench.WARM_UPS; r < repeats; r++) { // r < 0: warm-ups, not recorded
                model.reset();
                long start = System.nanoTime();
                try (Samples s = Diffusion.sampler().schedule(Schedules.ddpm()).model(model).integrator(integrator).grid(Grids.uniform(steps))
                        .batchSize(batch).seed(r).sample(batch)) {
                    long wall = System.nanoTime() - start;
                    if (r >= 0) {
                        perStep[r] = wall / 1e3 / steps;
                        outside[r] = (wall - model.reading().nanos()) / 1e3 / steps;
                        calls[r] = (double) model.reading().calls() / steps;
                    }
                }
            }
            String subject = integrator.name() + " d=" + dim + " batch=" + batch;
            rows.add(new BenchRow("integrators", subject, "DiffLab", "us/step", Spread.of(perStep)));
            rows.add(new BenchRow("integrators", subject, "outside the model calls", "us/step", Spread.of(outside)));
            rows.add(new BenchRow("integrators", subject, "model calls", "1/step", Spread.of(calls)));
        }
        return rows;
    }
}
