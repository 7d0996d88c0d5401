package org.difflab.runtime.torchscript;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.difflab.dsl.Require;
import org.difflab.dsl.model.Parameterization;
import org.difflab.runtime.DiffLabRuntime;

/**
 * A score model read from a TorchScript file (a module saved by {@code torch.jit.save} after {@code torch.jit.trace}
 * or {@code torch.jit.script}) whose forward is (x: [B, event...] float32, t: [B] float32) -> prediction of x's shape,
 * with a declared {@link Parameterization} and {@link TimeConvention}. It is how networks trained elsewhere enter
 * DiffLab's samplers.
 *
 * <p>Each call is one forward pass, also with a noise level per row (t carries one time per row). The network's
 * temporaries (the t tensor, float32 copies of float64 input) are closed before returning; the prediction belongs to
 * x's manager, like the result of any operation on x. The file is loaded offline on the engine started by
 * {@link DiffLabRuntime}, and checked at load time with one forward pass on a batch of zeros, so that a file that is
 * not TorchScript, takes another signature or returns another shape fails there, with an
 * {@link IllegalArgumentException} naming the file and what was expected.
 */
public final class TorchScriptModel extends NetworkScoreModel {
    private final Path file;
    private final Shape eventShape;
    private final Parameterization parameterization;
    private final NDManager manager;
    private final PtSymbolBlock block;

    // not a value (it owns a native module and its manager): alike RunContext's and SyntheticLevel's constructors in form only
    private TorchScriptModel(Path file, Shape eventShape, Parameterization parameterization, TimeConvention time,
            NDManager manager, PtSymbolBlock block) {
        super(time, "TorchScript model " + file, "TorchScript file " + file);
        this.file = file;
        this.eventShape = eventShape;
        this.parameterization = parameterization;
        this.manager = manager;
        this.block = block;
    }

    /** Loads a network on the CPU; see {@link #load(Path, Shape, Parameterization, TimeConvention, Device)}. */
    public static TorchScriptModel load(Path file, Shape eventShape, Parameterization parameterization, TimeConvention time) {
        return load(file, eventShape, parameterization, time, Device.cpu());
    }

    /**
     * Loads a network on a device (see {@link DiffLabRuntime#device(String)}) and checks its signature.
     *
     * @param file             the TorchScript file
     * @param eventShape       the shape of one sample x, e.g. [3, 32, 32]; the network takes x: [B, eventShape...]
     * @param parameterization what the network predicts
     * @param time             how the network reads time
     * @param device           where the network's weights and inputs live
     * @throws IllegalArgumentException naming the file and what was expected when it is missing, not TorchScript, takes
     *                                  another signature or returns another shape
     */
    public static TorchScriptModel load(Path file, Shape eventShape, Parameterization parameterization, TimeConvention time,
            Device device) {
        Require.notNull("file", file);
        Require.notNull("eventShape", eventShape);
        Require.notNull("parameterization", parameterization);
        Require.notNull("time", time);
        Require.notNull("device", device);
        if (eventShape.dimension() == 0 || Arrays.stream(eventShape.getShape()).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("eventShape = " + eventShape + " is not allowed: must have at least one dimension, "
                    + "each >= 1 (e.g. [3, 32, 32])");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("TorchScript file " + file + " is not allowed: "
                    + (Files.exists(file) ? "it is not a readable file" : "it does not exist")
                    + "; expected a module saved by torch.jit.save");
        }
        NDManager manager = DiffLabRuntime.engine().newBaseManager(device);
        try {
            PtSymbolBlock block;
            try {
                block = JniUtils.loadModule((PtNDManager) manager, file, true, new String[0], new String[0], false);
            } catch (EngineException e) {
                throw new IllegalArgumentException("TorchScript file " + file + " could not be loaded: " + reason(e)
                        + "; expected a module saved by torch.jit.save", e);
            }
            TorchScriptModel model = new TorchScriptModel(file, eventShape, parameterization, time, manager, block);
            model.probe();
            return model;
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** One forward pass on zeros at network time 0: the signature check of {@link #load}. */
    private void probe() {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = scratch.zeros(batchShape(1));
            NDArray out = forward(x, new float[] {0f}, scratch);
            if (out.getDataType() != DataType.FLOAT32) {
                throw new IllegalArgumentException("TorchScript file " + file + " returns " + out.getDataType()
                        + " for float32 input: expected " + signature());
            }
        }
    }

    /** The TorchScript file. */
    public Path file() {
        return file;
    }

    @Override
    public Device device() {
        return manager.getDevice();
    }

    // alike ShapedScore's and MutatedNoise's overrides in form only: each returns its own stored or wrapped value
    @Override
    public Parameterization parameterization() {
        return parameterization;
    }

    @Override
    public Shape eventShape() {
        return eventShape;
    }

    /** One forward pass, float64 input evaluated in float32; the prediction moved to x's manager, the rest closed. */
    @Override
    protected NDArray forward(NDArray x, DataType type, float[] t) {
        NDManager owner = x.getManager();
        try (NDManager scratch = owner.newSubManager()) {
            NDArray in = x;
            if (type != DataType.FLOAT32) {
                in = x.toType(DataType.FLOAT32, false);
                in.attach(scratch);
            }
            NDArray out = forward(in, t, scratch);
            NDArray result = type == DataType.FLOAT32 ? out : out.toType(type, false);
            result.attach(owner);
            return result;
        }
    }

    /**
     * The forward pass: the prediction for x at network times t, attached to {@code scratch} (closed by the caller unless
     * the prediction is moved out), checked to have x's shape.
     */
    private NDArray forward(NDArray x, float[] t, NDManager scratch) {
        NDArray times = scratch.create(t);
        NDList out;
        try {
            countForward();
            out = block.forward(null, new NDList(x, times), false);
        } catch (EngineException e) {
            throw new IllegalArgumentException("TorchScript file " + file + " failed on x: " + x.getShape() + ", t: "
                    + times.getShape() + ": " + reason(e) + "; expected " + signature(), e);
        }
        out.attach(scratch);
        if (out.size() != 1 || !out.get(0).getShape().equals(x.getShape())) {
            throw new IllegalArgumentException("TorchScript file " + file + " returns " + out.getShapes().length + " output(s) "
                    + Arrays.toString(out.getShapes()) + " for x: " + x.getShape() + ": expected " + signature());
        }
        return out.get(0);
    }

    private Shape batchShape(long rows) {
        return new Shape(rows).addAll(eventShape);
    }

    private String signature() {
        String x = "[B, " + dims(eventShape) + "]";
        return "forward(x: " + x + " float32, t: [B] float32) -> one tensor " + x;
    }

    private static String dims(Shape shape) {
        return Arrays.toString(shape.getShape()).replaceAll("[\\[\\]]", "");
    }

    /** The engine's reason in one line: the first line, or for a TorchScript traceback its last line (the error itself). */
    private static String reason(Exception e) {
        String[] lines = String.valueOf(e.getMessage()).strip().split("\\R");
        return (lines[0].startsWith("The following operation failed") ? lines[lines.length - 1] : lines[0]).strip();
    }

    /** Frees the network's native memory. */
    @Override
    protected void release() {
        manager.close();
    }

    @Override
    public String describe() {
        return "TorchScript " + file.getFileName() + " (" + parameterization.name().toLowerCase() + ", time " + timeConvention().describe() + ")";
    }
}
