package org.difflab.plugin.notebook.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Installs a kernelspec offline: copies the rapaio kernel jar into KERNELS/NAME/, writes DiffLab's launcher jar
 * ({@link KernelLauncherJar}) and kernel.json there, the layout {@code jupyter kernelspec list} finds; an existing
 * kernelspec of that name is replaced.
 */
public final class KernelInstaller {
    private KernelInstaller() {}

    /**
     * Installs into {@code kernelsDir}/{@code name}.
     *
     * @return the kernelspec directory
     */
    public static Path install(Path kernelsDir, String name, String displayName, Path kernelJar, List<Path> classPath) {
        if (kernelJar == null || !Files.isRegularFile(kernelJar)) {
            throw new IllegalArgumentException("--kernel-jar = " + kernelJar + " is not allowed: give the rapaio-jupyter-kernel "
                    + RapaioKernelJar.VERSION + " jar (built into plugin/target/kernel/ or in the local Maven repository)");
        }
        Path dir = kernelsDir.resolve(name == null ? "" : name);
        Path jar = dir.resolve(RapaioKernelJar.FILE);
        Path launcher = dir.resolve(KernelLauncherJar.FILE);
        KernelSpec spec = new KernelSpec(name, displayName, Path.of(System.getProperty("java.home"), "bin", "java"), jar, launcher,
                classPath == null ? null : classPath.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        try {
            Files.createDirectories(dir);
            Files.copy(kernelJar, jar, StandardCopyOption.REPLACE_EXISTING);
            KernelLauncherJar.write(launcher);
            Files.writeString(dir.resolve("kernel.json"), spec.json());
        } catch (IOException e) {
            throw new UncheckedIOException("could not install the kernelspec into " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }
}
