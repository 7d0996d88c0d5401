package org.difflab.distributed.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options Spark needs on Java 17 (module openings for its reflective access, as Spark's own launcher adds them:
 * {@code org.apache.spark.launcher.JavaModuleOptions}), kept in one file, {@code java.options} beside this class, in the
 * format of a java launcher argument file: the {@code difflab} launcher passes it as {@code @FILE}, Maven's test JVMs
 * too, and this class gives it to the JVMs DiffLab starts (kernels, executors, local masters and workers).
 */
public final class JavaOptions {
    private static List<String> spark;

    private JavaOptions() {}

    /** Spark's module options, one per entry. */
    public static synchronized List<String> spark() {
        if (spark == null) {
            try (InputStream in = JavaOptions.class.getResourceAsStream("java.options")) {
                if (in == null) {
                    throw new IllegalStateException("java.options is missing from DiffLab's distributed module: rebuild it (mvn package)");
                }
                spark = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\s+")).filter(s -> !s.isEmpty()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read java.options: " + e.getMessage(), e);
            }
        }
        return spark;
    }

    /** The options as one string, for Spark's {@code extraJavaOptions}. */
    public static String sparkLine() {
        return String.join(" ", spark());
    }
}
