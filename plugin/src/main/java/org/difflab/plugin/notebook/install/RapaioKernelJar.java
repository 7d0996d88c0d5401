package org.difflab.plugin.notebook.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    private RapaioKernelJar() {}

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
