package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.difflab.dsl.InPlace;
import org.difflab.dsl.Require;

/**
 * A UNet checkpoint file: the architecture, the training iteration and named float32 tensors. The format is DiffLab's
 * own, documented here so that other tools read it ({@code gpu-runtime/src/main/python/unet_to_torchscript.py} turns
 * its weights into TorchScript); all numbers big-endian, as {@link DataOutputStream} writes them:
 *
 * <pre>
 * magic      UTF "difflab-unet" (2-byte length, then the bytes)
 * version    int 1
 * config     int channels, size, width, blocks, groups, levels, then levels ints: the multipliers
 * iteration  long
 * count      int, then per tensor:
 *   name     UTF, "part/parameter": part net (trained weights), ema (their moving average), adam.m, adam.v (optimiser
 *            moments); parameter as DJL names it in {@link UNet#getParameters()}, e.g. "03convIn_weight"
 *   rank     int, then rank ints: the shape
 *   values   product-of-shape float32, row-major
 * </pre>
 *
 * Floats are written and read as their bits, so a save and a load give the same tensors bit for bit.
 */
public final class UNetCheckpoint {
    /** The magic string opening every checkpoint. */
    public static final String MAGIC = "difflab-unet";
    /** The format version written. */
    public static final int VERSION = 1;

    private final UNetConfig config;
    private final long iteration;
    private final Map<String, Tensor> tensors;

    private record Tensor(Shape shape, float[] values) {}

    // alike Prediction, GridSpec and NonFiniteStateException in form only: a constructor that stores its fields, then their accessors
    private UNetCheckpoint(UNetConfig config, long iteration, Map<String, Tensor> tensors) {
        this.config = config;
        this.iteration = iteration;
        this.tensors = tensors;
    }

    /** The architecture. */
    public UNetConfig config() {
        return config;
    }

    /** The training iteration at which it was written. */
    public long iteration() {
        return iteration;
    }

    /** The tensor names, in file order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(tensors.keySet());
    }

    /**
     * Writes a checkpoint; {@code tensors} maps names ("part/parameter") to arrays, written in the map's order.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void save(Path file, UNetConfig config, long iteration, Map<String, NDArray> tensors) {
        Require.notNull("file", file);
        Require.notNull("config", config);
        Require.notNull("tensors", tensors);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(config.channels());
            out.writeInt(config.size());
            out.writeInt(config.width());
            out.writeInt(config.blocks());
            out.writeInt(config.groups());
            out.writeInt(config.levels());
            for (int m : config.multipliers()) {
                out.writeInt(m);
            }
            out.writeLong(iteration);
            out.writeInt(tensors.size());
            for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
                out.writeUTF(e.getKey());
                long[] shape = e.getValue().getShape().getShape();
                out.writeInt(shape.length);
                for (long d : shape) {
                    out.writeInt(Math.toIntExact(d));
                }
                float[] values = e.getValue().toFloatArray();
                ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.BIG_ENDIAN);
                bytes.asFloatBuffer().put(values);
                out.write(bytes.array());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + file + " could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a checkpoint.
     *
     * @throws IllegalArgumentException naming the file and what is wrong when it is missing, not a DiffLab UNet
     *                                  checkpoint, of another version or truncated
     */
    public static UNetCheckpoint load(Path file) {
        Require.notNull("file", file);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("checkpoint " + file + " is not allowed: it does not exist or is not a file");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic;
            try {
                magic = in.readUTF();
            } catch (IOException e) {
                magic = "";
            }
            if (!MAGIC.equals(magic)) {
                throw new IllegalArgumentException("checkpoint " + file + " is not allowed: it does not start with \"" + MAGIC
                        + "\" (not a DiffLab UNet checkpoint)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("checkpoint " + file + " has version " + version
                        + ", which is not allowed: this code reads version " + VERSION);
            }
            int channels = in.readInt();
            int size = in.readInt();
            int width = in.readInt();
            int blocks = in.readInt();
            int groups = in.readInt();
            int[] multipliers = new int[Require.inRange("levels", in.readInt(), 1, 6)];
            for (int i = 0; i < multipliers.length; i++) {
                multipliers[i] = in.readInt();
            }
            UNetConfig config = UNetConfig.of(channels, size, width, multipliers, blocks, groups);
            long iteration = in.readLong();
            int count = in.readInt();
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (int k = 0; k < count; k++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = in.readInt();
                }
                byte[] bytes = new byte[Math.toIntExact(4 * new Shape(shape).size())];
                in.readFully(bytes);
                float[] values = new float[bytes.length / 4];
                ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(values);
                tensors.put(name, new Tensor(new Shape(shape), values));
            }
            return new UNetCheckpoint(config, iteration, tensors);
        } catch (EOFException e) {
            throw new IllegalArgumentException("checkpoint " + file + " is not allowed: it ends early (truncated)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the tensor {@code name} into {@code target}.
     *
     * @throws IllegalArgumentException naming the tensor when it is absent or has another shape
     */
    public void copyTo(String name, NDArray target) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("tensor " + name + " is not in the checkpoint: it holds " + names().size()
                    + " tensors, e.g. " + names().stream().limit(3).toList());
        }
        if (!t.shape().equals(target.getShape())) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + t.shape() + ", which is not allowed here: "
                    + "expected " + target.getShape());
        }
        InPlace.overwrite(target, t.values());
    }

    /** Copies the parameters of part {@code part} ("net" or "ema") into {@code net}, which must have this architecture. */
    public void copyParameters(String part, UNet net) {
        if (!net.config().equals(config)) {
            throw new IllegalArgumentException("net has architecture " + net.config() + ", which is not allowed for this "
                    + "checkpoint: it holds " + config);
        }
        for (Pair<String, Parameter> p : net.getParameters()) {
            copyTo(part + "/" + p.getKey(), p.getValue().getArray());
        }
    }

    /** A network of this architecture in {@code manager} with the parameters of part {@code part} ("net" or "ema"). */
    public UNet network(String part, NDManager manager) {
        UNet net = new UNet(config).initialize(manager, 0);
        copyParameters(part, net);
        return net;
    }

    @Override
    public String toString() {
        return "checkpoint " + config + " at iteration " + iteration + ", " + tensors.size() + " tensors";
    }
}
