package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.difflab.dsl.Require;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.torchscript.TimeConvention;

/**
 * A Java {@link UNet} trained to predict the noise, as a {@link ScoreModel} (parameterisation EPS), reading time by a
 * {@link TimeConvention} exactly as {@code TorchScriptModel} does, so that a network exported to TorchScript and
 * loaded there answers the same.
 *
 * <p>Each call is one forward pass, also with a noise level per row. The forward's temporaries are closed before
 * returning; the prediction belongs to x's manager (and to the enclosing {@link NDScope}, if any), like the result of
 * any operation on x. Float64 input is evaluated in float32 and returned in float64.
 */
public final class UNetScoreModel implements ScoreModel, AutoCloseable {
    private final UNet net;
    private final TimeConvention time;
    private final NDManager owned;
    private final ParameterStore store;
    private final AtomicLong forwards = new AtomicLong();
    private volatile boolean closed;

    private UNetScoreModel(UNet net, TimeConvention time, NDManager owned, NDManager parameters) {
        this.net = net;
        this.time = time;
        this.owned = owned;
        this.store = new ParameterStore(parameters, false);
    }

    /** A view of an initialised network (e.g. a trainer's EMA network): valid while the network's manager is open. */
    public static UNetScoreModel of(UNet net, TimeConvention time) {
        Require.notNull("net", net);
        Require.notNull("time", time);
        if (!net.isInitialized()) {
            throw new IllegalArgumentException("net is not initialised: call UNet.initialize or load a checkpoint first");
        }
        Parameter first = net.getParameters().get(0).getValue();
        return new UNetScoreModel(net, time, null, first.getArray().getManager());
    }

    /** The EMA weights of a checkpoint on the CPU; closing the model frees them. */
    public static UNetScoreModel load(Path checkpoint, TimeConvention time) {
        return load(checkpoint, time, Device.cpu());
    }

    /** The EMA weights of a checkpoint on {@code device} (see {@code DiffLabRuntime.device}); closing the model frees them. */
    public static UNetScoreModel load(Path checkpoint, TimeConvention time, Device device) {
        Require.notNull("time", time);
        Require.notNull("device", device);
        UNetCheckpoint c = UNetCheckpoint.load(checkpoint);
        NDManager manager = DiffLabRuntime.engine().newBaseManager(device);
        try {
            return new UNetScoreModel(c.network("ema", manager), time, manager, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The network. */
    public UNet network() {
        return net;
    }

    /** How the network reads time. */
    public TimeConvention timeConvention() {
        return time;
    }

    /** Forward passes so far: one per {@link #predict} call. */
    public long forwards() {
        return forwards.get();
    }

    @Override
    public Parameterization parameterization() {
        return Parameterization.EPS;
    }

    @Override
    public Shape eventShape() {
        UNetConfig c = net.config();
        return new Shape(c.channels(), c.size(), c.size());
    }

    @Override
    public NDArray predict(NDArray x, NoiseLevel level) {
        return predict(x, new NoiseLevel[] {Require.notNull("level", level)});
    }

    /** One forward pass with t = the network time of each row's level ({@code levels}: one per row, or one for all rows). */
    @Override
    public NDArray predict(NDArray x, NoiseLevel[] levels) {
        // checks alike in form to TorchScriptModel.predict's, but each message names this network (its config, no file)
        Require.notNull("x", x);
        Require.notNull("levels", levels);
        if (closed) {
            throw new IllegalStateException("UNet score model " + describe() + " is closed");
        }
        Shape shape = x.getShape();
        if (shape.dimension() != 4 || !shape.slice(1).equals(eventShape())) {
            throw new IllegalArgumentException("x has shape " + shape + ", which is not allowed for " + net.config()
                    + ": expected [B, " + eventShape().toString().replaceAll("[()]", "") + "]");
        }
        DataType type = x.getDataType();
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException("x has data type " + type + ", which is not allowed: must be float32 "
                    + "(float64 is evaluated in float32)");
        }
        if (!x.getDevice().equals(store.getManager().getDevice())) {
            throw new IllegalArgumentException("x is on " + x.getDevice() + ", which is not allowed: the network's weights are on "
                    + store.getManager().getDevice());
        }
        int rows = Math.toIntExact(shape.get(0));
        float[] t = time.networkTimes(levels, rows);
        NDArray result;
        try (NDScope scope = new NDScope()) {
            NDArray in = type == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
            forwards.incrementAndGet();
            NDArray out = net.forward(store, new NDList(in, x.getManager().create(t)), false).head();
            result = type == DataType.FLOAT32 ? out : out.toType(type, false);
            NDScope.unregister(result);
        }
        NDScope.register(result);
        return result;
    }

    /** Frees the weights when this model loaded them ({@link #load}); later calls fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        if (owned != null) {
            owned.close();
        }
    }

    @Override
    public String describe() {
        return "UNet " + net.config() + " (eps, time " + time.describe() + ")";
    }
}
