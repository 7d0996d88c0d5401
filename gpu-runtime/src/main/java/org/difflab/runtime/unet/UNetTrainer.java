package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.data.SyntheticShapes;
import org.difflab.runtime.data.TrainingImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link UNet} to predict the noise by denoising score matching (Vincent 2011) in the form of Ho et al. 2020,
 * Algorithm 1: each iteration draws a batch x0 of {@link TrainingImages} ({@link SyntheticShapes} unless told), a time t per image (uniform; integers 1..N
 * on a discrete schedule) and eps ~ N(0, I), and takes one {@link Adam} step on the mean of
 * |eps - net(alpha(t) x0 + sigma(t) eps, networkTime(t))|^2, then updates the {@link Ema} weights.
 *
 * <p>Deterministic: iteration i uses images i B .. i B + B - 1 of the data seed's order and times and noises from a stream
 * seeded by (data seed, i), so a run is the same bit for bit on the same machine and thread count, and a run resumed
 * from a checkpoint continues exactly as the uninterrupted run. All tensors live in the trainer's manager; each
 * iteration's temporaries are closed at its end, so native memory stays flat over any number of iterations. Gradients
 * are recorded for the calling thread only ({@link ThreadGradients}), so trainers on different threads can run at once
 * (each trainer on one thread at a time).
 */
public final class UNetTrainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UNetTrainer.class);
    private static final long NOISE_STREAM = 0x6e6f697365L;

    private final UNetConfig config;
    private final TrainingSettings settings;
    private final TrainingImages data;
    private final NDManager manager;
    private final UNet network;
    private final UNet ema;
    private final ParameterStore store;
    private final Adam adam;
    private final Ema averager;
    private long iteration;

    private UNetTrainer(UNetConfig config, TrainingSettings settings, TrainingImages data, NDManager manager) {
        this.config = config;
        this.settings = settings;
        this.manager = manager;
        network = new UNet(config).initialize(manager, settings.initSeed());
        ema = new UNet(config).initialize(manager, settings.initSeed());
        store = new ParameterStore(manager, false);
        adam = new Adam(arrays(network), settings.learningRate(), manager);
        averager = new Ema(arrays(network), arrays(ema), settings.emaDecay(), manager);
        this.data = data;
    }

    /**
     * A fresh run on {@link SyntheticShapes} of the config's size, on the CPU engine of {@link DiffLabRuntime}: weights
     * from {@code settings.initSeed()}.
     *
     * @throws IllegalArgumentException when the architecture does not fit the data set (3 channels; sizes multiple of 8)
     */
    public static UNetTrainer start(UNetConfig config, TrainingSettings settings) {
        Require.notNull("config", config);
        return start(config, settings, SyntheticShapes.of(config.size()));
    }

    /**
     * A fresh run on {@code data}, on the CPU engine of {@link DiffLabRuntime}: weights from {@code settings.initSeed()}.
     *
     * @throws IllegalArgumentException when the architecture does not fit the data set (channels and size)
     */
    public static UNetTrainer start(UNetConfig config, TrainingSettings settings, TrainingImages data) {
        Require.notNull("config", config);
        Require.notNull("settings", settings);
        Require.notNull("data", data);
        if (config.channels() != data.channels() || config.size() != data.size()) {
            throw new IllegalArgumentException("config.channels = " + config.channels() + ", config.size = " + config.size()
                    + " is not allowed for training on " + data.spec() + ": the data set has " + data.channels() + " channels of "
                    + data.size() + " x " + data.size());
        }
        NDManager manager = DiffLabRuntime.engine().newBaseManager();
        try {
            return new UNetTrainer(config, settings, data, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * A run on {@link SyntheticShapes} resumed from a checkpoint written by {@link #save}: weights, EMA weights, Adam
     * moments and iteration restored. With the settings of the saved run it continues exactly as the run would have.
     */
    public static UNetTrainer resume(Path checkpoint, TrainingSettings settings) {
        UNetCheckpoint c = UNetCheckpoint.load(checkpoint);
        return resume(c, settings, SyntheticShapes.of(c.config().size()));
    }

    /** As {@link #resume(Path, TrainingSettings)}, for a run on {@code data}. */
    public static UNetTrainer resume(Path checkpoint, TrainingSettings settings, TrainingImages data) {
        return resume(UNetCheckpoint.load(checkpoint), settings, data);
    }

    private static UNetTrainer resume(UNetCheckpoint c, TrainingSettings settings, TrainingImages data) {
        Require.notNull("settings", settings);
        UNetTrainer trainer = start(c.config(), settings, data);
        try {
            c.copyParameters("net", trainer.network);
            c.copyParameters("ema", trainer.ema);
            List<String> names = trainer.network.getParameters().keys();
            for (int k = 0; k < names.size(); k++) {
                c.copyTo("adam.m/" + names.get(k), trainer.adam.firstMoments().get(k));
                c.copyTo("adam.v/" + names.get(k), trainer.adam.secondMoments().get(k));
            }
            trainer.iteration = c.iteration();
            trainer.adam.restoreSteps(c.iteration());
            trainer.averager.restoreUpdates(c.iteration());
            return trainer;
        } catch (RuntimeException e) {
            trainer.close();
            throw e;
        }
    }

    /**
     * One iteration; returns its loss (the batch mean of the squared noise error per pixel).
     *
     * @throws CancellationException when the thread was interrupted (Ctrl-C on {@code difflab train}, a notebook's
     *         interrupt): the flag is consumed and the trainer holds the weights of the iterations done, ready to go on
     */
    public double step() {
        if (Thread.interrupted()) {
            throw new CancellationException("training was interrupted before iteration " + (iteration + 1) + "; the network holds "
                    + "the weights of " + iteration + " iterations");
        }
        int b = settings.batchSize();
        int per = config.channels() * config.size() * config.size();
        float[] x0 = data.images(settings.dataSeed(), iteration * b, b);
        float[] xt = new float[x0.length];
        float[] eps = new float[x0.length];
        float[] t = new float[b];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(
                RandomSource.SPLIT_MIX_64.create(RandomSource.SPLIT_MIX_64.create(settings.dataSeed() ^ NOISE_STREAM).nextLong()
                        + iteration).nextLong());
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        NoiseSchedule schedule = settings.schedule();
        for (int r = 0; r < b; r++) {
            NoiseLevel level = schedule.level(time(rng, schedule));
            t[r] = (float) settings.time().networkTime(level);
            for (int k = r * per; k < (r + 1) * per; k++) {
                eps[k] = (float) gaussian.sample();
                xt[k] = (float) (level.alpha() * x0[k] + level.sigma() * eps[k]);
            }
        }
        Shape shape = new Shape(b, config.channels(), config.size(), config.size());
        double loss;
        try (NDScope scope = new NDScope(); NDManager scratch = manager.newSubManager()) {
            NDArray target = scratch.create(eps, shape);
            try (ThreadGradients gradients = new ThreadGradients()) {
                NDArray prediction = network.forward(store, new NDList(scratch.create(xt, shape), scratch.create(t)), true).head();
                NDArray mse = prediction.sub(target).square().mean();
                gradients.backward(mse);
                loss = mse.getFloat();
            }
            adam.step();
            averager.update();
        }
        iteration++;
        return loss;
    }

    private static double time(UniformRandomProvider rng, NoiseSchedule schedule) {
        double lo = schedule.tMin();
        double hi = schedule.tMax();
        return schedule.discrete() ? lo + rng.nextLong((long) (hi - lo) + 1) : lo + (hi - lo) * rng.nextDouble();
    }

    /**
     * {@code iterations} iterations; returns their losses and logs (INFO) the mean loss and milliseconds per iteration
     * ten times along the way.
     */
    public double[] train(int iterations) {
        Require.inRange("iterations", iterations, 1, Integer.MAX_VALUE);
        double[] losses = new double[iterations];
        int every = Math.max(1, iterations / 10);
        long start = System.nanoTime();
        double window = 0;
        for (int i = 0; i < iterations; i++) {
            losses[i] = step();
            window += losses[i];
            if ((i + 1) % every == 0 || i == iterations - 1) {
                int n = (i % every) + 1;
                LOG.info("iteration {}: mean loss {} over the last {}, {} ms per iteration", iteration, String.format("%.4f",
                        window / n), n, String.format("%.1f", (System.nanoTime() - start) / 1e6 / (i + 1)));
                window = 0;
            }
        }
        return losses;
    }

    /**
     * Writes the run to a checkpoint ({@link UNetCheckpoint}): parts net, ema, adam.m and adam.v, and the iteration.
     */
    public void save(Path file) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            tensors.put("net/" + p.getKey(), p.getValue().getArray());
        }
        for (Pair<String, Parameter> p : ema.getParameters()) {
            tensors.put("ema/" + p.getKey(), p.getValue().getArray());
        }
        List<String> names = network.getParameters().keys();
        for (int k = 0; k < names.size(); k++) {
            tensors.put("adam.m/" + names.get(k), adam.firstMoments().get(k));
            tensors.put("adam.v/" + names.get(k), adam.secondMoments().get(k));
        }
        UNetCheckpoint.save(file, config, iteration, tensors);
    }

    /** Iterations done (of this run and, when resumed, the runs before). */
    public long iteration() {
        return iteration;
    }

    /** The architecture. */
    public UNetConfig config() {
        return config;
    }

    /** The training settings. */
    public TrainingSettings settings() {
        return settings;
    }

    /** The trained network (live: it changes with every iteration). */
    public UNet network() {
        return network;
    }

    /** The EMA network, the one to sample with (live). */
    public UNet ema() {
        return ema;
    }

    /** The EMA network as a score model with the training time convention (live; valid until the trainer is closed). */
    public UNetScoreModel scoreModel() {
        return UNetScoreModel.of(ema, settings.time());
    }

    /** Arrays held by the trainer's manager: weights, EMA weights, Adam moments, constants; flat across iterations. */
    public int liveArrays() {
        return manager.getManagedArrays().size();
    }

    private static List<NDArray> arrays(UNet net) {
        List<NDArray> out = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            out.add(p.getValue().getArray());
        }
        return out;
    }

    /** Frees every tensor of the run. */
    @Override
    public void close() {
        manager.close();
    }
}
