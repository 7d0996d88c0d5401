package org.difflab.plugin.notebook.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kernel's RJK_CLASSPATH lists DiffLab's jars one by one and Spark's behind one class-path jar beside kernel.json. */
class SparkKernelClassPathTest {
    @TempDir
    Path dir;

    @Test
    void sparksJarsStandBehindOneManifestJar() throws IOException {
        Path kernelJar = Files.writeString(dir.resolve("rapaio-jupyter-kernel-3.0.1.jar"), "jar");
        Path ours = Files.writeString(dir.resolve("dsl-0.1.0-SNAPSHOT.jar"), "jar");
        Path sparkCore = Files.writeString(dir.resolve("spark-core_2.13-4.0.1.jar"), "jar");
        Path netty = Files.writeString(dir.resolve("netty-common-4.1.118.Final.jar"), "jar");
        Path kernel = KernelInstaller.install(dir.resolve("kernels"), "k", "K", kernelJar, List.of(ours, sparkCore, netty));
        Path manifestJar = kernel.resolve(ClassPathJar.FILE);
        assertThat(Files.readString(kernel.resolve("kernel.json"))).contains("\"RJK_CLASSPATH\": \"" + ours + ";" + manifestJar + "\"",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
        try (JarFile jar = new JarFile(manifestJar.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH))
                    .isEqualTo(sparkCore.toUri() + " " + netty.toUri());
        }
        KernelInstaller.install(dir.resolve("kernels"), "k", "K", kernelJar, List.of(ours));
        assertThat(manifestJar).as("no Spark on the class path, no class-path jar").doesNotExist();
    }
}
