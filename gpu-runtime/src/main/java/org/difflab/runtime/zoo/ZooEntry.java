package org.difflab.runtime.zoo;

import java.util.Locale;
import org.difflab.dsl.Require;
import org.difflab.runtime.unet.TrainingSettings;
import org.difflab.runtime.unet.UNetConfig;
import org.difflab.runtime.unet.UNetFlops;

/**
 * One model of the {@link Zoo}: its name, architecture, training settings and number of training iterations. Together
 * they fix the trained weights bit for bit on a given machine and thread count ({@link org.difflab.runtime.unet.UNetTrainer}
 * is deterministic by seed), so an entry is a recipe, and its cached weights are only a saved result of it.
 *
 * @param name       the name users write ({@code zoo:NAME}); lower-case letters, digits and '-', it names the cache file
 * @param config     the architecture
 * @param settings   schedule, time convention, batch size, learning rate, EMA decay and seeds
 * @param iterations training iterations, &gt;= 1
 */
public record ZooEntry(String name, UNetConfig config, TrainingSettings settings, int iterations) {

    public ZooEntry {
        Require.notNull("name", name);
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("name = '" + name + "' is not allowed: must be lower-case letters, digits and '-', "
                    + "starting with a letter or digit (it names the cache file)");
        }
        Require.notNull("config", config);
        Require.notNull("settings", settings);
        Require.positive("iterations", iterations);
    }

    /**
     * Everything that determines the weights, in one line: the zoo's cache manifest records it, and a cached file
     * trained from another recipe is retrained rather than used.
     */
    public String recipe() {
        return String.format(Locale.ROOT, "%s,schedule=%s,time=%s,batch=%d,lr=%s,ema=%s,initSeed=%d,dataSeed=%d,iterations=%d",
                config, settings.schedule().spec(), settings.time().describe(), settings.batchSize(), settings.learningRate(),
                settings.emaDecay(), settings.initSeed(), settings.dataSeed(), iterations);
    }

    /**
     * FLOPs of one forward pass for one image (2 x multiply-adds, {@link UNetFlops}): the entry's cost in
     * machine-independent units, beside the measured time per evaluation.
     */
    public long flopsPerEvaluation() {
        return UNetFlops.flops(config);
    }
}
