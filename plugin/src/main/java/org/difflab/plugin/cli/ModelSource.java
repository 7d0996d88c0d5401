package org.difflab.plugin.cli;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.runtime.torchscript.TimeConvention;
import org.difflab.runtime.torchscript.TorchScriptModel;
import org.difflab.runtime.unet.UNetScoreModel;
import org.difflab.runtime.zoo.Zoo;
import org.difflab.runtime.zoo.ZooEntry;

/**
 * The network behind {@code difflab sample --model}: {@code zoo:NAME} (an entry of the standard {@link Zoo}, trained on
 * first use), {@code FILE.ckpt} (a DiffLab UNet checkpoint: noise prediction, its own image shape) or {@code FILE.pt}
 * (a TorchScript module, for which the user declares the event shape; parameterisation and time convention have
 * defaults). Options that the source fixes itself are refused rather than ignored, so that a user never believes a
 * setting took effect when it did not. Closing it frees the network.
 */
final class ModelSource implements AutoCloseable {
    /** Default of --parameterization and of --time (the DDPM convention DiffLab's own UNets use). */
    static final String DEFAULT_PARAMETERIZATION = "eps";
    static final String DEFAULT_TIME = "index:N=1000";

    private final ScoreModel model;
    private final Runnable owner;

    private ModelSource(ScoreModel model, Runnable owner) {
        this.model = model;
        this.owner = owner;
    }

    /**
     * Opens {@code spec}; {@code eventShape}, {@code parameterization} and {@code time} are the raw option values (null
     * when not given), {@code schedule} the sampling schedule, which a zoo entry must have been trained on, and
     * {@code device} where the weights go (the samples' device).
     *
     * @throws IllegalArgumentException naming the option, its value and what is allowed
     */
    static ModelSource open(String spec, String eventShape, String parameterization, String time, NoiseSchedule schedule, Device device,
            Consumer<String> progress) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("zoo:")) {
            refuse("--event-shape", eventShape, spec, "the zoo entry fixes it");
            refuse("--parameterization", parameterization, spec, "zoo networks predict the noise (eps)");
            refuse("--time", time, spec, "the zoo entry fixes it");
            String name = spec.substring(4);
            if (!Zoo.standardNames().contains(name)) {
                throw new IllegalArgumentException("--model = " + spec + " is not allowed: the zoo has "
                        + String.join(", ", Zoo.standardNames()) + " (write zoo:NAME)");
            }
            Zoo zoo = Zoo.standardFamilyOf(name, Zoo.defaultDirectory(), progress);
            try {
                ZooEntry entry = zoo.spec(name);
                NoiseSchedule trained = entry.settings().schedule();
                if (!trained.spec().equals(schedule.spec())) {
                    throw new IllegalArgumentException("--schedule = " + schedule.spec() + " is not allowed with --model " + spec
                            + ": the network was trained on " + trained.spec() + " (leave --schedule out)");
                }
                return new ModelSource(zoo.model(entry.name(), device), zoo::close);
            } catch (RuntimeException e) {
                zoo.close();
                throw e;
            }
        }
        if (lower.endsWith(".ckpt")) {
            refuse("--event-shape", eventShape, spec, "the checkpoint records the image shape");
            refuse("--parameterization", parameterization, spec, "DiffLab UNets predict the noise (eps)");
            UNetScoreModel m = UNetScoreModel.load(Path.of(spec), timeConvention(time), device);
            return new ModelSource(m, m::close);
        }
        if (lower.endsWith(".pt")) {
            if (eventShape == null) {
                throw new IllegalArgumentException("--event-shape is missing: a TorchScript model (--model " + spec + ") needs the "
                        + "shape of one sample, e.g. --event-shape 3,16,16");
            }
            TorchScriptModel m = TorchScriptModel.load(Path.of(spec), shape(eventShape),
                    parameterization(parameterization == null ? DEFAULT_PARAMETERIZATION : parameterization), timeConvention(time), device);
            return new ModelSource(m, m::close);
        }
        throw new IllegalArgumentException("--model = " + spec + " is not allowed: must be zoo:NAME (one of "
                + String.join(", ", Zoo.standardNames())
                + "), a DiffLab UNet checkpoint FILE.ckpt or a TorchScript file FILE.pt");
    }

    /** The network as a score model. */
    ScoreModel model() {
        return model;
    }

    private static void refuse(String option, String value, String spec, String why) {
        if (value != null) {
            throw new IllegalArgumentException(option + " = " + value + " is not allowed with --model " + spec + ": " + why);
        }
    }

    private static TimeConvention timeConvention(String time) {
        try {
            return TimeConvention.parse(time == null ? DEFAULT_TIME : time);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--time = " + time + " is not allowed: " + e.getMessage()
                    + " (index:N=1000, continuous:scale=S or sigma)", e);
        }
    }

    private static Parameterization parameterization(String name) {
        try {
            return Parameterization.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--parameterization = " + name + " is not allowed: must be eps, x0, v or score", e);
        }
    }

    /** "3,16,16" -> (3, 16, 16). */
    static Shape shape(String text) {
        String[] parts = text.split(",");
        long[] dims = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                dims[i] = -1;
            }
            if (dims[i] < 1) {
                throw new IllegalArgumentException("--event-shape = " + text + " is not allowed: must be sizes >= 1 separated by "
                        + "commas, e.g. 3,16,16");
            }
        }
        return new Shape(dims);
    }

    /** Whether samples of this shape can be drawn as an image grid: [C, H, W] with C = 1 or 3. */
    static boolean isImage(Shape event) {
        return event.dimension() == 3 && (event.get(0) == 1 || event.get(0) == 3);
    }

    /** The shape as the options write it, e.g. 3,16,16. */
    static String describe(Shape event) {
        return Arrays.toString(event.getShape()).replaceAll("[\\[\\] ]", "");
    }

    @Override
    public void close() {
        owner.run();
    }
}
