package org.difflab.plugin.notebook.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Finds the rapaio-jupyter-kernel jar offline: the copy the build puts beside DiffLab's plugin jar
 * (plugin/target/kernel/), else the local Maven repository (maven.repo.local, else ~/.m2/repository), where the build
 * resolved it.
 */
public final class RapaioKernelJar {
    /** The kernel version DiffLab is built and tested against (the Maven dependency's). */
    public static final String VERSION = "3.0.1";
    /** The jar's file name. */
    public static final String FILE = "rapaio-jupyter-kernel-" + VERSION + ".jar";

    /** The kernel's entry point, which DiffLab's kernel launcher calls: a jar without it is not the kernel. */
    static final String MAIN_CLASS = "org/rapaio/jupyter/kernel/MainApp.class";

    private RapaioKernelJar() {}

    /**
     * Fails unless {@code jar} is a readable jar holding rapaio-jupyter-kernel's {@code MainApp} (a text file such as
     * /etc/passwd, an empty file, a folder or another jar is refused before anything is installed).
     */
    public static Path requireKernel(Path jar, String option) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(option + " = " + jar + " is not allowed: " + (Files.isDirectory(jar) ? "it is a folder"
                    : "it does not exist") + "; give the rapaio-jupyter-kernel " + VERSION + " jar");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(MAIN_CLASS) == null) {
                throw new IllegalArgumentException(option + " = " + jar + " is not allowed: it is a jar without rapaio-jupyter-kernel's "
                        + "MainApp; give the rapaio-jupyter-kernel " + VERSION + " jar");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " = " + jar + " is not allowed: it is not a jar (" + e.getMessage()
                    + "); give the rapaio-jupyter-kernel " + VERSION + " jar", e);
        }
        return jar;
    }

    /** Where to look, first match wins: beside {@code pluginJarDir}, then the local Maven repository. */
    public static List<Path> candidates(Path pluginJarDir, Path localRepository) {
        List<Path> out = new ArrayList<>();
        if (pluginJarDir != null) {
            out.add(pluginJarDir.resolve("kernel").resolve(FILE));
        }
        out.add(localRepository.resolve("io/github/padreati/rapaio-jupyter-kernel").resolve(VERSION).resolve(FILE));
        return out;
    }

    /** The first candidate that exists. */
    public static Optional<Path> find(Path pluginJarDir, Path localRepository) {
        return candidates(pluginJarDir, localRepository).stream().filter(Files::isRegularFile).findFirst();
    }

    /** The local Maven repository of this user: maven.repo.local, else ~/.m2/repository. */
    public static Path localRepository() {
        String local = System.getProperty("maven.repo.local");
        return local != null && !local.isBlank() ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
