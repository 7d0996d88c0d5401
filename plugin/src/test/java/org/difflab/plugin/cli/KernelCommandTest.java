package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.difflab.plugin.notebook.install.KernelDirs;
import org.difflab.plugin.notebook.install.KernelLauncherJar;
import org.difflab.plugin.notebook.install.RapaioKernelJar;
import org.difflab.plugin.notebook.kernel.rapaio.RapaioKernelLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapaio.jupyter.kernel.display.spi.DisplayProvider;

/** {@code difflab kernel install} writes a kernelspec Jupyter can start: the kernel jar beside kernel.json, DiffLab on RJK_CLASSPATH. */
class KernelCommandTest {

    /** The rapaio kernel jar this build resolved (a provided dependency, on the test class path). */
    private static Path kernelJar() throws Exception {
        return Path.of(DisplayProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void theBuildsKernelIsTheVersionTheInstallerNames() throws Exception {
        assertThat(kernelJar().getFileName().toString()).isEqualTo(RapaioKernelJar.FILE);
        assertThat(RapaioKernelJar.find(null, RapaioKernelJar.localRepository())).contains(kernelJar());
    }

    @Test
    void installWritesAKernelspecIntoThePrefix(@TempDir Path tmp) throws Exception {
        Path a = Files.createFile(tmp.resolve("a.jar"));
        Path b = Files.createFile(tmp.resolve("b.jar"));
        Path prefix = tmp.resolve("env");
        Cli r = Cli.run("kernel", "install", "--prefix", prefix.toString(), "--kernel-jar", kernelJar().toString(), "--classpath",
                a + File.pathSeparator + b);
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path dir = prefix.resolve("share/jupyter/kernels/difflab");
        assertThat(r.out()).contains("Installed kernelspec difflab (Java (DiffLab)) in " + dir);
        Path jar = dir.resolve(RapaioKernelJar.FILE);
        assertThat(Files.mismatch(jar, kernelJar())).isEqualTo(-1L);

        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertThat(spec.get("display_name").getAsString()).isEqualTo("Java (DiffLab)");
        assertThat(spec.get("language").getAsString()).isEqualTo("java");
        JsonArray argv = spec.getAsJsonArray("argv");
        assertThat(argv.get(0).getAsString()).as("SIGINT reset to its default before the JVM starts (GNU env, as on Debian)").isEqualTo("/usr/bin/env");
        assertThat(argv.get(1).getAsString()).isEqualTo("--default-signal=INT");
        assertThat(Path.of(argv.get(2).getAsString())).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
        Path launcher = dir.resolve(KernelLauncherJar.FILE);
        assertThat(argv.toString()).contains("\"-Djava.awt.headless=true\"", "\"-Dai.djl.offline=true\"",
                "\"-cp\",\"" + jar + File.pathSeparator + launcher + "\",\"" + RapaioKernelLauncher.class.getName() + "\",\"{connection_file}\"");
        assertThat(argv.get(argv.size() - 1).getAsString()).isEqualTo("{connection_file}");
        assertThat(spec.get("interrupt_mode").getAsString()).as("rapaio's interrupt message leaves the kernel unusable").isEqualTo("signal");
        try (JarFile launcherJar = new JarFile(launcher.toFile())) {
            assertThat(launcherJar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")))
                    .as("the launcher jar holds the launcher alone: DiffLab's classes stay off the kernel JVM's class path")
                    .containsExactly(RapaioKernelLauncher.class.getName().replace('.', '/') + ".class");
        }
        assertThat(spec.getAsJsonObject("env").get("RJK_CLASSPATH").getAsString()).isEqualTo(a + ";" + b);
    }

    @Test
    void installReplacesAnEarlierKernelspecAndTakesAName(@TempDir Path tmp) throws Exception {
        Path a = Files.createFile(tmp.resolve("a.jar"));
        for (String shown : new String[] {"first", "second"}) {
            Cli r = Cli.run("kernel", "install", "--prefix", tmp.toString(), "--name", "dl-test", "--display-name", shown, "--kernel-jar",
                    kernelJar().toString(), "--classpath", a.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        String json = Files.readString(KernelDirs.prefix(tmp).resolve("dl-test/kernel.json"));
        assertThat(json).contains("\"display_name\": \"second\"");
    }

    @Test
    void userDirectoryFollowsJupytersRules() {
        Path home = Path.of("/home/u");
        assertThat(KernelDirs.user(Map.of(), home)).isEqualTo(Path.of("/home/u/.local/share/jupyter/kernels"));
        assertThat(KernelDirs.user(Map.of("XDG_DATA_HOME", "/x"), home)).isEqualTo(Path.of("/x/jupyter/kernels"));
        assertThat(KernelDirs.user(Map.of("JUPYTER_DATA_DIR", "/j", "XDG_DATA_HOME", "/x"), home)).isEqualTo(Path.of("/j/kernels"));
    }

    @Test
    void badInputExitsWithCode2NamingTheOption(@TempDir Path tmp) throws Exception {
        Path a = Files.createFile(tmp.resolve("a.jar"));
        Cli both = Cli.run("kernel", "install", "--user", "--prefix", tmp.toString(), "--classpath", a.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--user", "--prefix");

        Cli noJar = Cli.run("kernel", "install", "--prefix", tmp.toString(), "--kernel-jar", tmp.resolve("none.jar").toString(),
                "--classpath", a.toString());
        assertThat(noJar.exitCode()).isEqualTo(2);
        assertThat(noJar.err()).contains("--kernel-jar = " + tmp.resolve("none.jar"));

        for (Path notKernel : List.of(Path.of("/etc/passwd"), a, tmp, Path.of(picocli.CommandLine.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()))) {
            Cli refused = Cli.run("kernel", "install", "--prefix", tmp.toString(), "--kernel-jar", notKernel.toString(), "--classpath", a.toString());
            assertThat(refused.exitCode()).as(notKernel + ": " + refused.err()).isEqualTo(2);
            assertThat(refused.err()).startsWith("difflab: error: --kernel-jar = " + notKernel + " is not allowed: ")
                    .contains("give the rapaio-jupyter-kernel 3.0.1 jar");
        }

        Cli badName = Cli.run("kernel", "install", "--prefix", tmp.toString(), "--name", "a b", "--kernel-jar", kernelJar().toString(),
                "--classpath", a.toString());
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("--name = a b is not allowed");

        Cli missing = Cli.run("kernel", "install", "--prefix", tmp.toString(), "--kernel-jar", kernelJar().toString(), "--classpath",
                tmp.resolve("gone.jar").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--classpath entry " + tmp.resolve("gone.jar"));
        assertThat(Files.exists(KernelDirs.prefix(tmp).resolve("difflab/kernel.json"))).isFalse();
    }
}
