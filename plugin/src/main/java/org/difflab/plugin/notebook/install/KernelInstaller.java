package org.difflab.plugin.notebook.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.difflab.distributed.spark.SparkArtifacts;

/**
 * Installs a kernelspec offline: copies the rapaio kernel jar into KERNELS/NAME/, writes DiffLab's launcher jar
 * ({@link KernelLauncherJar}), a class-path jar standing for Spark's jars when the class path holds them
 * ({@link ClassPathJar}) and kernel.json there, the layout {@code jupyter kernelspec list} finds; an existing kernelspec
 * of that name is replaced.
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
        Path sparkJar = dir.resolve(ClassPathJar.FILE);
        List<Path> absolute = classPath == null ? null : classPath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<Path> spark = absolute == null ? List.of() : absolute.stream().filter(SparkArtifacts.load()::contains).toList();
        List<Path> entries = absolute == null || spark.isEmpty() ? absolute
                : Stream.concat(absolute.stream().filter(p -> !spark.contains(p)), Stream.of(sparkJar)).toList();
        KernelSpec spec = new KernelSpec(name, displayName, Path.of(System.getProperty("java.home"), "bin", "java"), jar, launcher, sigintReset(),
                entries);
        try {
            Files.createDirectories(dir);
            Files.copy(kernelJar, jar, StandardCopyOption.REPLACE_EXISTING);
            KernelLauncherJar.write(launcher);
            Files.deleteIfExists(sparkJar);
            if (!spark.isEmpty()) {
                ClassPathJar.write(sparkJar, spark);
            }
            Files.writeString(dir.resolve("kernel.json"), spec.json());
        } catch (IOException e) {
            throw new UncheckedIOException("could not install the kernelspec into " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /**
     * {@code /usr/bin/env --default-signal=INT} where that env has the option (GNU coreutils 8.31 and later), else
     * nothing: a JVM started with SIGINT ignored keeps it ignored, so the kernel could not be interrupted.
     */
    static List<String> sigintReset() {
        List<String> reset = List.of("/usr/bin/env", "--default-signal=INT");
        if (!Files.isExecutable(Path.of(reset.get(0)))) {
            return List.of();
        }
        try {
            Process probe = new ProcessBuilder(reset.get(0), reset.get(1), "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return List.of();
            }
            return probe.exitValue() == 0 ? reset : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
