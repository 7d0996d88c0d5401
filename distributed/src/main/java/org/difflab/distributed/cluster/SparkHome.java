package org.difflab.distributed.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.difflab.distributed.spark.ClassPath;
import org.difflab.distributed.spark.SparkArtifacts;

/**
 * A Spark home made of the Spark jars on this JVM's class path: a folder with {@code jars/} holding links to them
 * (and to slf4j-simple, so that the daemons log), which is what a standalone master's and worker's launcher need to
 * build an executor's class path. With it a standalone cluster starts from Maven's jars, no Spark distribution
 * downloaded; DiffLab's own jars are not in it (a job ships them, as to any cluster).
 */
public final class SparkHome {
    private SparkHome() {}

    /**
     * Creates (or refreshes) {@code dir}/jars.
     *
     * @return the number of jars linked
     * @throws IllegalStateException when the class path holds no Spark jar
     */
    public static int create(Path dir) {
        SparkArtifacts spark = SparkArtifacts.load();
        Path jars = dir.resolve("jars");
        int linked = 0;
        try {
            Files.createDirectories(jars);
            for (Path p : ClassPath.entries()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && (spark.contains(p) || name.startsWith("slf4j-simple-"))) {
                    Path link = jars.resolve(name);
                    Files.deleteIfExists(link);
                    Files.createSymbolicLink(link, p);
                    linked++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a Spark home in " + dir + ": " + e.getMessage(), e);
        }
        if (linked < spark.size() * 3 / 4) {
            throw new IllegalStateException("the class path holds " + linked + " of Spark's " + spark.size() + " jars: run with Spark on it "
                    + "(the difflab launcher adds plugin/target/spark)");
        }
        return linked;
    }

    /** The class path of a daemon started from this home. */
    public static String classPath(Path dir) {
        return dir.resolve("jars").toAbsolutePath() + "/*";
    }

    /** The environment a daemon of this home needs: where Spark is, its Scala version, and the address to bind. */
    public static List<String> environment(Path dir) {
        return List.of("SPARK_HOME=" + dir.toAbsolutePath(), "SPARK_SCALA_VERSION=2.13", "SPARK_LOCAL_IP=127.0.0.1");
    }
}
