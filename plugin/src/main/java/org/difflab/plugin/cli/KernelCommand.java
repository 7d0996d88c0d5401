package org.difflab.plugin.cli;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.difflab.plugin.notebook.install.KernelDirs;
import org.difflab.plugin.notebook.install.KernelInstaller;
import org.difflab.plugin.notebook.install.RapaioKernelJar;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab kernel install}: installs, offline, a Jupyter kernelspec for rapaio-jupyter-kernel with DiffLab on its
 * class path, so {@code jupyter kernelspec list} shows it and notebooks render DiffLab's results.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true, description = "Jupyter kernel set-up.",
        subcommands = KernelCommand.Install.class)
final class KernelCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: use install");
    }

    /** Where to install: like {@code jupyter kernelspec install}, at most one of --user and --prefix. */
    static final class Location {
        @Option(names = "--user", description = "Install for this user ($JUPYTER_DATA_DIR, else ~/.local/share/jupyter).")
        boolean user;

        @Option(names = "--prefix", paramLabel = "DIR", description = "Install into DIR/share/jupyter/kernels.")
        Path prefix;
    }

    @Command(name = "install", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Install a kernelspec for rapaio-jupyter-kernel " + RapaioKernelJar.VERSION + " with DiffLab on its class path "
                    + "(RJK_CLASSPATH), offline: the kernel jar comes from the build (plugin/target/kernel) or the local Maven repository. "
                    + "Default location: the system's (/usr/local/share/jupyter/kernels), as jupyter kernelspec install."})
    static final class Install implements Callable<Integer> {
        @ArgGroup(exclusive = true)
        Location target = new Location();

        @Option(names = "--name", defaultValue = "difflab", description = "Kernel name (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--display-name", defaultValue = "Java (DiffLab)", description = "Name shown by notebook front ends (default: ${DEFAULT-VALUE}).")
        String displayName;

        @Option(names = "--kernel-jar", paramLabel = "JAR", description = "The rapaio-jupyter-kernel jar (default: found offline).")
        Path kernelJar;

        @Option(names = "--classpath", paramLabel = "PATH", description = "DiffLab's jars, separated by the platform's path separator (':')"
                + " (default: this command's class path).")
        String classPath;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Path kernels = target.user ? KernelDirs.user(System.getenv(), Path.of(System.getProperty("user.home")))
                    : target.prefix != null ? KernelDirs.prefix(target.prefix.toAbsolutePath()) : KernelDirs.system();
            Path jar = kernelJar != null ? kernelJar : RapaioKernelJar.find(pluginJarDir(), RapaioKernelJar.localRepository()).orElse(null);
            if (jar == null) {
                throw new IllegalArgumentException("--kernel-jar is not given and rapaio-jupyter-kernel " + RapaioKernelJar.VERSION
                        + " is in none of " + RapaioKernelJar.candidates(pluginJarDir(), RapaioKernelJar.localRepository())
                        + ": build DiffLab (mvn package) or pass --kernel-jar");
            }
            RapaioKernelJar.requireKernel(jar, "--kernel-jar");
            String cp = classPath != null ? classPath : System.getProperty("java.class.path");
            List<Path> entries = Arrays.stream(cp.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                    .filter(p -> !p.getFileName().toString().startsWith("rapaio-jupyter-kernel")).toList();
            for (Path p : entries) {
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException("--classpath entry " + p + " is not allowed: it does not exist");
                }
            }
            Path dir = KernelInstaller.install(kernels, name, displayName, jar, entries);
            spec.commandLine().getOut().printf("Installed kernelspec %s (%s) in %s%n", name, displayName, dir);
            spec.commandLine().getOut().flush();
            return 0;
        }

        /** The folder of the jar (or classes folder) this command runs from: plugin/target when built. */
        private static Path pluginJarDir() {
            CodeSource source = KernelCommand.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            try {
                return Path.of(source.getLocation().toURI()).getParent();
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }
}
