package org.difflab.plugin.notebook.install;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * A jar that holds nothing but a manifest whose {@code Class-Path} names other jars: one entry of the kernel's
 * {@code RJK_CLASSPATH} standing for Spark's jars. rapaio-jupyter-kernel adds each RJK_CLASSPATH entry to JShell one by
 * one after it opened its sockets, and with Spark's 120-odd jars listed singly it took long enough to meet its start-up
 * race (a request before its handlers exist ends its shell thread) in most starts measured here; behind one manifest jar
 * the kernel starts as fast as without Spark (9 s against 7 s here). Class loaders and the compiler follow the manifest.
 */
public final class ClassPathJar {
    /** The jar's file name beside kernel.json. */
    public static final String FILE = "spark-classpath.jar";

    private ClassPathJar() {}

    /** Writes {@code jar} naming {@code entries} (absolute paths) in its manifest's Class-Path. */
    public static void write(Path jar, List<Path> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                entries.stream().map(p -> p.toAbsolutePath().normalize().toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
    }
}
