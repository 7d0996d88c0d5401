package org.difflab.plugin.notebook.install;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.difflab.distributed.spark.JavaOptions;
import org.difflab.plugin.notebook.kernel.rapaio.RapaioKernelLauncher;
import org.difflab.theory.report.Json;

/**
 * A Jupyter kernelspec that starts rapaio-jupyter-kernel with DiffLab on its class path: the kernel's JVM runs
 * headless with DJL offline and Spark's module openings, and {@code RJK_CLASSPATH} (entries separated by ';', as rapaio
 * reads it) lists DiffLab's jars (Spark's included, from the command's class path), so notebook cells import DiffLab and its results render through {@code RapaioDisplayProvider}. The JVM starts
 * in {@link RapaioKernelLauncher}, and Jupyter interrupts by SIGINT ({@code "interrupt_mode": "signal"}), which the
 * launcher turns into an interrupt of the running cell: rapaio's own interrupt message handling leaves the kernel
 * unable to run further cells.
 *
 * @param name        the kernel's directory name, as in {@code --ExecutePreprocessor.kernel_name}
 * @param displayName what notebook front ends show, e.g. {@code Java (DiffLab)}
 * @param java        the java launcher
 * @param kernelJar   the rapaio kernel jar, as installed next to kernel.json
 * @param launcherJar the jar of {@link RapaioKernelLauncher}, next to kernel.json
 * @param sigintReset what argv starts with so that the JVM gets SIGINT at its default disposition, e.g.
 *                    {@code [/usr/bin/env, --default-signal=INT]}; empty where there is no such command (a JVM started
 *                    with SIGINT ignored, as by a Jupyter server run in the background, keeps it ignored)
 * @param classPath   DiffLab's jars (absolute paths)
 */
public record KernelSpec(String name, String displayName, Path java, Path kernelJar, Path launcherJar, List<String> sigintReset, List<Path> classPath) {

    /**
     * JVM options of the kernel process: the engine settings DiffLab's command line uses too, and Spark's module openings
     * (a notebook runs sweeps on an embedded Spark).
     */
    public static final List<String> JVM_OPTIONS = Stream.concat(Stream.of("-Djava.awt.headless=true", "-Dai.djl.offline=true",
            "-Dai.djl.pytorch.graph_optimizer=false"), JavaOptions.spark().stream()).toList();

    public KernelSpec {
        if (name == null || !name.matches("[a-zA-Z0-9._-]+")) {
            throw new IllegalArgumentException("--name = " + name + " is not allowed: letters, digits, '.', '_' and '-' (Jupyter's kernel names)");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("--display-name = '" + displayName + "' is not allowed: give a non-empty name");
        }
        if (classPath == null || classPath.isEmpty()) {
            throw new IllegalArgumentException("--classpath = " + classPath + " is not allowed: give DiffLab's jars");
        }
        for (Path p : classPath) {
            if (p.toString().contains(";")) {
                throw new IllegalArgumentException("--classpath entry " + p + " is not allowed: RJK_CLASSPATH separates entries with ';'");
            }
        }
        classPath = List.copyOf(classPath);
        sigintReset = List.copyOf(sigintReset);
    }

    /** The kernel.json text. */
    public String json() {
        List<Object> argv = new ArrayList<>(sigintReset);
        argv.add(java.toString());
        argv.addAll(JVM_OPTIONS);
        argv.addAll(List.of("-cp", kernelJar + File.pathSeparator + launcherJar, RapaioKernelLauncher.class.getName(), "{connection_file}"));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("RJK_CLASSPATH", classPath.stream().map(Path::toString).collect(Collectors.joining(";")));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "signal");
        spec.put("env", env);
        return Json.write(spec);
    }
}
