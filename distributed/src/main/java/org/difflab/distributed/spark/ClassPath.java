package org.difflab.distributed.spark;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path entries this JVM loads DiffLab from, as existing files and folders: {@code java.class.path}, with the
 * {@code Class-Path} of each jar's manifest followed as the JVM follows it (a test runner's manifest-only jar), plus the
 * URLs of URL class loaders between DiffLab's classes and the system loader (a notebook kernel adds jars that way).
 */
public final class ClassPath {
    private ClassPath() {}

    /** The entries, in class-path order, each once. */
    public static List<Path> entries() {
        Set<Path> out = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                add(Path.of(e).toAbsolutePath().normalize(), out);
            }
        }
        for (ClassLoader l = ClassPath.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    path(url).ifPresent(p -> add(p, out));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void add(Path p, Set<Path> out) {
        if (!Files.exists(p) || !out.add(p) || !Files.isRegularFile(p)) {
            return;
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            Manifest m = jar.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (cp == null) {
                return;
            }
            for (String ref : cp.trim().split("\\s+")) {
                if (ref.isEmpty()) {
                    continue;
                }
                try {
                    path(p.getParent().toUri().resolve(ref).toURL()).ifPresent(q -> add(q, out));
                } catch (IOException | IllegalArgumentException e) {
                    // an entry that is not a file URL is not something to ship
                }
            }
        } catch (IOException e) {
            // not a jar (or unreadable): kept as listed
        }
    }

    private static Optional<Path> path(URL url) {
        if (!"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(url.toURI()).toAbsolutePath().normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
