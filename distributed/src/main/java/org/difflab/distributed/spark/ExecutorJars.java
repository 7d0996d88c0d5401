package org.difflab.distributed.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars a cluster's executors need to run DiffLab's tasks: every class path entry of this JVM ({@link ClassPath})
 * except Spark's own jars ({@link SparkArtifacts}: the cluster has them), with class folders (a build's
 * {@code target/classes}) packed into jars, since Spark ships files. Spark serves them from the driver and each executor
 * fetches them once ({@code spark.jars}).
 */
public final class ExecutorJars {
    private ExecutorJars() {}

    /**
     * The jars to ship, packing class folders into {@code workDir}.
     *
     * @throws UncheckedIOException when a class folder cannot be packed
     */
    public static List<Path> of(List<Path> classPath, SparkArtifacts spark, Path workDir) {
        List<Path> out = new ArrayList<>();
        int folder = 0;
        for (Path p : classPath) {
            if (Files.isDirectory(p)) {
                Path jar = workDir.resolve(String.format("classes-%02d-%s.jar", folder++, name(p)));
                if (pack(p, jar)) {
                    out.add(jar);
                }
            } else if (p.getFileName().toString().endsWith(".jar") && !spark.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** A readable name for a class folder: {@code distributed-classes} for {@code distributed/target/classes}. */
    private static String name(Path folder) {
        Path parent = folder.getParent() == null ? null : folder.getParent().getParent();
        String module = parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "-";
        return (module + folder.getFileName()).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Packs the files under {@code folder} into {@code jar}; false when there is none. */
    private static boolean pack(Path folder, Path jar) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
            if (all.isEmpty()) {
                return false;
            }
            Files.createDirectories(jar.getParent());
            try (OutputStream raw = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(raw)) {
                for (Path f : all) {
                    out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the class folder " + folder + " into " + jar + " for Spark's executors: " + e.getMessage(), e);
        }
    }
}
