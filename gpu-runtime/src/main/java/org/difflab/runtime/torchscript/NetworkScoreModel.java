package org.difflab.runtime.torchscript;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.atomic.AtomicLong;
import org.difflab.dsl.Require;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * What every network read as a {@link ScoreModel} shares, whether it runs as TorchScript ({@link TorchScriptModel}) or
 * as DiffLab's Java UNet ({@code UNetScoreModel}): time read by a {@link TimeConvention}, the checks of x (shape
 * [B, event...], float32 or float64, on the network's device) with errors naming the network, the count of forward
 * passes, and a closed state after which calls fail. A subclass supplies the forward pass and what closing frees.
 *
 * <p>A score model is for inference: every forward pass runs with PyTorch's gradient recording off, whatever the calling
 * thread's state, and leaves that state as it found it. PyTorch keeps the state per thread and a new thread records (its
 * default); DJL turns recording off only on the thread that starts the engine. So a claim's worker thread (the check
 * starts the engine on its main thread), a notebook's cell thread or a Spark task records, and the weights of a Java UNet
 * require gradients (DJL's {@code Parameter.initialize}), so a forward pass there records its graph, with the activations
 * it saves for a backward pass. A sampler feeds each prediction into the next state, x_{n+1} = f(x_n, model(x_n)), so
 * the state after n steps holds the graph of all n passes: closing a step's arrays frees their handles, not the saved
 * activations the graph refers to, so memory grows with the steps however few arrays stay open. Measured
 * on such a thread, DDIM with an untrained width-16 28 x 28 UNet at batch 32: without this 141 MB more per step (2,236
 * MB after 16 steps), with it none; in {@code difflab check}, DDIM on 500 Fashion-MNIST images with
 * {@code zoo:fashion28-w16} grew by about 2.5 GB a step and was killed for memory at 22-24 GB after 7-9 steps, and with
 * it stays at 3.7-4.4 GB and a step takes 0.8 s instead of 4.4 s. DJL's {@code NDArray.hasGradient} does not show such a
 * graph (in 0.35.1 it is true only for a leaf), which is why earlier tests saw none; {@code UNetScoreModelTest} looks
 * for it with a backward pass. A TorchScript network never recorded: DJL runs its inference forward with recording off.
 */
public abstract class NetworkScoreModel implements ScoreModel, AutoCloseable {
    private final TimeConvention time;
    private final String modelName;
    private final String networkName;
    private final AtomicLong forwards = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param time        how the network reads time
     * @param modelName   this model as the closed-state error names it, e.g. {@code TorchScript model FILE}
     * @param networkName the network as the errors about x name it, e.g. {@code TorchScript file FILE}
     */
    protected NetworkScoreModel(TimeConvention time, String modelName, String networkName) {
        this.time = Require.notNull("time", time);
        this.modelName = modelName;
        this.networkName = networkName;
    }

    /** How the network reads time. */
    public final TimeConvention timeConvention() {
        return time;
    }

    /** Forward passes so far: one per {@link #predict} call (and any a subclass makes itself, e.g. a load-time check). */
    public final long forwards() {
        return forwards.get();
    }

    @Override
    public final NDArray predict(NDArray x, NoiseLevel level) {
        return predict(x, new NoiseLevel[] {Require.notNull("level", level)});
    }

    /** One forward pass with t = the network time of each row's level ({@code levels}: one per row, or one for all rows). */
    @Override
    public final NDArray predict(NDArray x, NoiseLevel[] levels) {
        Require.notNull("x", x);
        Require.notNull("levels", levels);
        if (closed) {
            throw new IllegalStateException(modelName + " is closed");
        }
        Shape shape = x.getShape();
        Shape event = eventShape();
        if (shape.dimension() != event.dimension() + 1 || !shape.slice(1).equals(event)) {
            throw new IllegalArgumentException("x has shape " + shape + ", which is not allowed for " + networkName
                    + ": expected [B, " + event.toString().replaceAll("[()]", "") + "]");
        }
        DataType type = x.getDataType();
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException("x has data type " + type + ", which is not allowed for " + networkName
                    + ": must be float32 (float64 is evaluated in float32)");
        }
        if (!x.getDevice().equals(device())) {
            throw new IllegalArgumentException("x is on " + x.getDevice() + ", which is not allowed for " + networkName
                    + ": the network was loaded on " + device());
        }
        float[] t = time.networkTimes(levels, Math.toIntExact(shape.get(0)));
        boolean recording = JniUtils.isGradMode();
        if (recording) {
            JniUtils.setGradMode(false);
        }
        try {
            return forward(x, type, t);
        } finally {
            if (recording) {
                JniUtils.setGradMode(true);
            }
        }
    }

    /** Marks this model closed (later calls fail with {@link IllegalStateException}) and frees what it owns. */
    @Override
    public final void close() {
        closed = true;
        release();
    }

    /** The device holding the network's weights. */
    public abstract Device device();

    /** Counts one forward pass; a subclass calls it once per pass of its network. */
    protected final void countForward() {
        forwards.incrementAndGet();
    }

    /**
     * The prediction for checked x (float32 or float64, {@code type}) at network times t, in x's data type and owned by
     * x's manager; its temporaries closed.
     */
    protected abstract NDArray forward(NDArray x, DataType type, float[] t);

    /** Frees what this model owns (nothing for a view of a network owned elsewhere). */
    protected abstract void release();
}
