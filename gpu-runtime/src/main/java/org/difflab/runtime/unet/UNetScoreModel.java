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
import org.difflab.dsl.Require;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.torchscript.NetworkScoreModel;
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
public final class UNetScoreModel extends NetworkScoreModel {
    private final UNet net;
    private final NDManager owned;
    private final ParameterStore store;

    private UNetScoreModel(UNet net, TimeConvention time, NDManager owned, NDManager parameters) {
        super(time, "UNet score model " + describe(net, time), net.config().toString());
        this.net = net;
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
    public Device device() {
        return store.getManager().getDevice();
    }

    /** One forward pass in an {@link NDScope}, float64 input evaluated in float32: only the prediction outlives it. */
    @Override
    protected NDArray forward(NDArray x, DataType type, float[] t) {
        NDArray result;
        try (NDScope scope = new NDScope()) {
            NDArray in = type == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
            countForward();
            NDArray out = net.forward(store, new NDList(in, x.getManager().create(t)), false).head();
            result = type == DataType.FLOAT32 ? out : out.toType(type, false);
            NDScope.unregister(result);
        }
        NDScope.register(result);
        return result;
    }

    /** Frees the weights when this model loaded them ({@link #load}). */
    @Override
    protected void release() {
        if (owned != null) {
            owned.close();
        }
    }

    @Override
    public String describe() {
        return describe(net, timeConvention());
    }

    private static String describe(UNet net, TimeConvention time) {
        return "UNet " + net.config() + " (eps, time " + time.describe() + ")";
    }
}
