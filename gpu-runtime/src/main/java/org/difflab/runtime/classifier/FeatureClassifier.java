package org.difflab.runtime.classifier;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.difflab.dsl.Require;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.data.LabelledImages;

/**
 * A trained {@link ClassifierNetwork}: class predictions, test accuracy, and its penultimate-layer activations as
 * {@link FeatureExtractor} features, the space of DiffLab's Frechet and kernel distances (its own stand-in for FID's
 * Inception features). Images are float32 [N, 1, 28, 28] in [-1, 1], as {@link LabelledImages#batch} gives them; they
 * are evaluated in chunks of {@link #CHUNK} rows, the last one padded with zeros, so memory stays bounded for any N and a
 * row's outputs are the same bits whatever the rows beside it (the kernels PyTorch picks depend on the batch size).
 * Owns its tensors: {@link #close()}.
 */
public final class FeatureClassifier implements FeatureExtractor, AutoCloseable {
    /** Rows evaluated per forward pass. */
    static final int CHUNK = 100;

    private final ClassifierRecipe recipe;
    private final NDManager manager;
    private final ClassifierNetwork network;

    /**
     * The classifier of {@code recipe} with the weights of {@code file} (DJL's parameter format, written by {@link
     * ClassifierTrainer#save}).
     *
     * @throws UncheckedIOException naming the file when it cannot be read or does not fit the recipe's architecture
     */
    FeatureClassifier(Path file, ClassifierRecipe recipe) {
        this.recipe = recipe;
        manager = DiffLabRuntime.engine().newBaseManager();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            network = new ClassifierNetwork(recipe).initialize(manager, 0);
            network.loadParameters(manager, in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            manager.close();
            String message = "classifier file " + file + " could not be read as " + recipe.describe() + ": " + e.getMessage();
            throw new UncheckedIOException(message, new IOException(message, e));
        }
    }

    @Override
    public int dimension() {
        return recipe.features();
    }

    @Override
    public double[][] features(NDArray images) {
        int width = dimension();
        float[] values = evaluate(images, width, (store, x) -> network.features(store, x, false));
        double[][] out = new double[values.length / width][width];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < width; c++) {
                out[r][c] = values[r * width + c];
            }
        }
        return out;
    }

    /** The predicted class (arg max of the logits; the first of equal ones) of each image. */
    public int[] predict(NDArray images) {
        int classes = ClassifierNetwork.CLASSES;
        float[] logits = evaluate(images, classes, (store, x) -> network.logits(store, network.features(store, x, false), false));
        int[] out = new int[logits.length / classes];
        for (int r = 0; r < out.length; r++) {
            for (int c = 1; c < classes; c++) {
                out[r] = logits[r * classes + c] > logits[r * classes + out[r]] ? c : out[r];
            }
        }
        return out;
    }

    /** The outputs ({@code width} per row) of {@code layer} on the images, chunk by chunk, as one row-major array. */
    private float[] evaluate(NDArray images, int width, BiFunction<ParameterStore, NDArray, NDArray> layer) {
        int n = checkImages(images);
        ParameterStore store = new ParameterStore(manager, false);
        float[] out = new float[n * width];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            try (NDManager scratch = manager.newSubManager()) {
                NDArray chunk = images.get(new NDIndex("{}:{}", from, to));
                chunk.attach(scratch);
                chunk = chunk.toDevice(manager.getDevice(), false);
                if (to - from < CHUNK) {
                    chunk = chunk.concat(scratch.zeros(new Shape(CHUNK - (to - from), 1, ClassifierNetwork.SIDE,
                            ClassifierNetwork.SIDE)), 0);
                }
                chunk.attach(scratch);
                NDArray y = layer.apply(store, chunk);
                y.attach(scratch);
                System.arraycopy(y.toFloatArray(), 0, out, from * width, (to - from) * width);
            }
        }
        return out;
    }

    /** The recipe it was trained by. */
    public ClassifierRecipe recipe() {
        return recipe;
    }

    /** The fraction of the images of {@code split} whose predicted class is their label. */
    public double accuracy(LabelledImages split) {
        Require.notNull("split", split);
        int correct = 0;
        for (int from = 0; from < split.size(); from += CHUNK) {
            int[] indices = IntStream.range(from, Math.min(split.size(), from + CHUNK)).toArray();
            try (NDManager scratch = manager.newSubManager()) {
                int[] predicted = predict(split.batch(scratch, indices));
                int[] labels = split.labels(indices);
                for (int k = 0; k < indices.length; k++) {
                    correct += predicted[k] == labels[k] ? 1 : 0;
                }
            }
        }
        return correct / (double) split.size();
    }

    private static int checkImages(NDArray images) {
        Require.notNull("images", images);
        Shape s = images.getShape();
        if (s.dimension() != 4 || s.get(0) < 1 || !s.slice(1).equals(new Shape(1, ClassifierNetwork.SIDE, ClassifierNetwork.SIDE))
                || images.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException("images has shape " + s + " and type " + images.getDataType() + ", which is not "
                    + "allowed: the classifier takes float32 [N, 1, 28, 28] with N >= 1, values in [-1, 1]");
        }
        return Math.toIntExact(s.get(0));
    }

    /** Frees the weights. */
    @Override
    public void close() {
        manager.close();
    }
}
