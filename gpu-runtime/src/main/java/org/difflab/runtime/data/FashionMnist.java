package org.difflab.runtime.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.difflab.dsl.Require;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 70,000 labelled 28 x 28 grayscale images of garments in 10 classes,
 * 60,000 for training and 10,000 for testing, kept apart as {@link #train()} and {@link #test()}.
 *
 * <p>Read from the four gzip-compressed IDX files of Debian's package {@value #DEBIAN_PACKAGE} (installed by
 * {@code scripts/test.sh} and {@code difflab train} when missing) in {@value #DEFAULT_DIRECTORY}, or in the folder named
 * by the system property {@value #DIRECTORY_PROPERTY}, else the environment variable {@value #DIRECTORY_ENVIRONMENT}.
 * DiffLab reads the files itself ({@link IdxFile}): DJL's basicdataset reader downloads them, and nothing is downloaded
 * here. Magic numbers, dimensions, counts and labels are checked; a missing, corrupt or truncated file gets an
 * {@link java.io.UncheckedIOException} naming the file and what to do.
 *
 * <p>Held compactly (one byte per pixel, 55 MB for both splits); {@link #standard()} reads the files once per JVM.
 *
 * @param directory the folder the files were read from
 * @param train     the 60,000 training images
 * @param test      the 10,000 test images
 */
public record FashionMnist(Path directory, LabelledImages train, LabelledImages test) {
    /** The Debian package that ships the files. */
    public static final String DEBIAN_PACKAGE = "dataset-fashion-mnist";
    /** Where the Debian package puts the files. */
    public static final String DEFAULT_DIRECTORY = "/usr/share/datasets/fashion-mnist";
    /** System property naming another folder with the four files. */
    public static final String DIRECTORY_PROPERTY = "difflab.fashionMnist";
    /** Environment variable naming another folder with the four files, when the property is absent. */
    public static final String DIRECTORY_ENVIRONMENT = "DIFFLAB_FASHION_MNIST";
    /** Image side. */
    public static final int SIDE = 28;
    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Images of the training split. */
    public static final int TRAIN_SIZE = 60_000;
    /** Images of the test split. */
    public static final int TEST_SIZE = 10_000;
    /** The class names, by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static FashionMnist standard;

    public FashionMnist {
        Require.notNull("directory", directory);
        Require.notNull("train", train);
        Require.notNull("test", test);
    }

    /**
     * The data set in the default folder (see the class comment), read on the first call and shared afterwards.
     *
     * @throws java.io.UncheckedIOException naming the file and what to do when a file is missing or corrupt
     */
    public static synchronized FashionMnist standard() {
        if (standard == null) {
            standard = read(defaultDirectory());
        }
        return standard;
    }

    /** Reads the four files in {@code directory} now (not shared). */
    public static FashionMnist read(Path directory) {
        Require.notNull("directory", directory);
        return new FashionMnist(directory, split(directory, "train", "train", TRAIN_SIZE), split(directory, "test", "t10k", TEST_SIZE));
    }

    /** The folder the files are read from: the property, else the environment variable, else {@value #DEFAULT_DIRECTORY}. */
    public static Path defaultDirectory() {
        String property = System.getProperty(DIRECTORY_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String environment = System.getenv(DIRECTORY_ENVIRONMENT);
        return Path.of(environment != null && !environment.isBlank() ? environment : DEFAULT_DIRECTORY);
    }

    private static LabelledImages split(Path directory, String name, String prefix, int count) {
        Path labelFile = directory.resolve(prefix + "-labels-idx1-ubyte.gz");
        byte[] labels = read(labelFile, new int[] {count});
        for (int i = 0; i < labels.length; i++) {
            if (Byte.toUnsignedInt(labels[i]) >= CLASSES) {
                throw corrupt(labelFile, "label " + i + " is " + Byte.toUnsignedInt(labels[i]) + ", labels must lie in 0.."
                        + (CLASSES - 1), null);
            }
        }
        byte[] pixels = read(directory.resolve(prefix + "-images-idx3-ubyte.gz"), new int[] {count, SIDE, SIDE});
        return new LabelledImages(name, pixels, labels, SIDE, CLASSES);
    }

    private static byte[] read(Path file, int[] dimensions) {
        try {
            return IdxFile.read(file, dimensions);
        } catch (NoSuchFileException e) {
            String message = "Fashion-MNIST file " + file + " is missing: install Debian's package " + DEBIAN_PACKAGE
                    + " (sudo apt-get install " + DEBIAN_PACKAGE + "; scripts/test.sh and 'difflab train' do this when they can) "
                    + "or point " + DIRECTORY_ENVIRONMENT + " (or -D" + DIRECTORY_PROPERTY + ") to a folder with the four files "
                    + "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz";
            throw new UncheckedIOException(message, new IOException(message, e));
        } catch (IOException e) {
            throw corrupt(file, e.getMessage(), e);
        }
    }

    private static UncheckedIOException corrupt(Path file, String what, IOException cause) {
        String message = "Fashion-MNIST file " + file + " is corrupt: " + what + "; reinstall the data (sudo apt-get install "
                + "--reinstall " + DEBIAN_PACKAGE + ") or point " + DIRECTORY_ENVIRONMENT + " to a folder with intact files";
        return new UncheckedIOException(message, new IOException(message, cause));
    }

    @Override
    public String toString() {
        return "Fashion-MNIST from " + directory + ": " + train + ", " + test;
    }
}
