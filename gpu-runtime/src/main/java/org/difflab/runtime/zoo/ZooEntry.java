package org.difflab.runtime.zoo;

import java.util.Locale;
import org.difflab.dsl.Require;
import org.difflab.runtime.data.SyntheticShapes;
import org.difflab.runtime.data.TrainingImages;
import org.difflab.runtime.unet.TrainingSettings;
import org.difflab.runtime.unet.UNetConfig;
import org.difflab.runtime.unet.UNetFlops;

/**
 * One model of the {@link Zoo}: its name, data set, architecture, training settings and number of training iterations. Together
 * they fix the trained weights bit for bit on a given machine and thread count ({@link org.difflab.runtime.unet.UNetTrainer}
 * is deterministic by seed), so an entry is a recipe, and its cached weights are only a saved result of it.
 *
 * @param name       the name users write ({@code zoo:NAME}); lower-case letters, digits and '-', it names the cache file
 * @param data       the images it is trained on (its channels and size are the architecture's)
 * @param config     the architecture
 * @param settings   schedule, time convention, batch size, learning rate, EMA decay and seeds
 * @param iterations training iterations, &gt;= 1
 */
public record ZooEntry(String name, TrainingImages data, UNetConfig config, TrainingSettings settings, int iterations) {
    /** The per-iteration overhead of {@link #estimatedTrainingCost()}, in FLOPs at the large networks' rate. */
    public static final double ITERATION_OVERHEAD_FLOPS = 3e9;


    public ZooEntry {
        Require.notNull("name", name);
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("name = '" + name + "' is not allowed: must be lower-case letters, digits and '-', "
                    + "starting with a letter or digit (it names the cache file)");
        }
        Require.notNull("data", data);
        Require.notNull("config", config);
        Require.notNull("settings", settings);
        Require.positive("iterations", iterations);
        if (config.channels() != data.channels() || config.size() != data.size()) {
            throw new IllegalArgumentException("config = " + config + " is not allowed for entry " + name + ": its data set "
                    + data.spec() + " has " + data.channels() + " channels of " + data.size() + " x " + data.size());
        }
    }

    /** An entry trained on {@link SyntheticShapes} of the config's size. */
    public ZooEntry(String name, UNetConfig config, TrainingSettings settings, int iterations) {
        this(name, SyntheticShapes.of(Require.notNull("config", config).size()), config, settings, iterations);
    }

    /**
     * Everything that determines the weights, in one line: the zoo's cache manifest records it, and a cached file
     * trained from another recipe is retrained rather than used.
     */
    public String recipe() {
        return String.format(Locale.ROOT, "data=%s,%s,schedule=%s,time=%s,batch=%d,lr=%s,ema=%s,initSeed=%d,dataSeed=%d,iterations=%d",
                data.spec(), config, settings.schedule().spec(), settings.time().describe(), settings.batchSize(), settings.learningRate(),
                settings.emaDecay(), settings.initSeed(), settings.dataSeed(), iterations);
    }

    /**
     * The training's estimated cost in FLOPs, to balance {@link TrainingStreams}: per iteration, forward and backward of
     * the batch (3 forward passes' FLOPs per image) plus a fixed overhead of {@link #ITERATION_OVERHEAD_FLOPS} for the
     * per-operation cost that dominates the small networks (calibrated on this project's 2-core machine, one intra-op thread).
     */
    public double estimatedTrainingCost() {
        return (double) iterations * (3.0 * settings.batchSize() * flopsPerEvaluation() + ITERATION_OVERHEAD_FLOPS);
    }

    /**
     * FLOPs of one forward pass for one image (2 x multiply-adds, {@link UNetFlops}): the entry's cost in
     * machine-independent units, beside the measured time per evaluation.
     */
    public long flopsPerEvaluation() {
        return UNetFlops.flops(config);
    }
}
