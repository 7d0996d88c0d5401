package org.difflab.plugin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.difflab.distributed.cluster.LocalStandaloneCluster;
import org.difflab.dsl.Require;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab cluster}: a Spark standalone cluster on this machine (one master, N workers, each a JVM of its own from
 * the Spark jars DiffLab was built with; no Spark distribution), bound to 127.0.0.1, for trying {@code --master
 * spark://...} or measuring it. Runs in the foreground: Ctrl-C (or the end of this process) stops every process it
 * started, by process id.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start a Spark standalone master and workers on 127.0.0.1 from DiffLab's Spark jars; Ctrl-C stops them.")
final class ClusterCommand implements Callable<Integer> {

    @Option(names = "--workers", defaultValue = "2", paramLabel = "N", description = "Workers, 1..16 (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--cores", defaultValue = "1", paramLabel = "N", description = "Cores each worker offers, 1..256 (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--memory", defaultValue = "1500m", paramLabel = "SIZE", description = "Memory each worker offers, e.g. 1500m or 4g "
            + "(default: ${DEFAULT-VALUE}; an executor asks 1g by default).")
    String memory;

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder of the daemons' logs and the workers' files (default: a new temporary folder).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Require.inRange("--workers", workers, 1, 16);
        Require.inRange("--cores", cores, 1, 256);
        if (!memory.matches("[1-9][0-9]*[mMgG]")) {
            throw new IllegalArgumentException("--memory = " + memory + " is not allowed: a size in megabytes or gigabytes, e.g. 1500m or 4g");
        }
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("difflab-cluster");
        PrintWriter err = spec.commandLine().getErr();
        LocalStandaloneCluster cluster = LocalStandaloneCluster.start(folder, workers, cores, memory, line -> {
            err.println(line);
            err.flush();
        });
        Thread stopOnExit = new Thread(cluster::close, "difflab-cluster-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        PrintWriter out = spec.commandLine().getOut();
        out.println(cluster.masterUrl());
        out.flush();
        err.println("cluster: running (logs in " + folder + "); use --master " + cluster.masterUrl() + "; Ctrl-C stops it");
        err.flush();
        try {
            while (cluster.processes().size() > 1) {
                Thread.sleep(1000);
            }
            throw new UncheckedIOException(new IOException("the cluster's workers ended; see the logs in " + folder));
        } catch (InterruptedException e) {
            throw new CancellationException("the cluster " + cluster.masterUrl() + " was stopped");
        } finally {
            cluster.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }
}
