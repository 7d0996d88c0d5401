package org.difflab.distributed.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.difflab.distributed.spark.JavaOptions;

/**
 * A Spark standalone cluster on this machine: one master and N workers, each a JVM of its own started from Spark's
 * jars on the class path ({@link SparkHome}: no distribution), talking real RPC on 127.0.0.1 only (every daemon binds
 * the loopback address, web UIs included). For tests and benchmarks of the cluster path; every process it starts,
 * executors included, is stopped by its own process id on {@link #close()}.
 */
public final class LocalStandaloneCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final Path dir;
    private final Process master;
    private final int masterPort;
    private final int masterUiPort;
    private final List<Process> workers = new ArrayList<>();

    private LocalStandaloneCluster(Path dir, Process master, int masterPort, int masterUiPort) {
        this.dir = dir;
        this.master = master;
        this.masterPort = masterPort;
        this.masterUiPort = masterUiPort;
    }

    /**
     * Starts a master and {@code workers} workers (each offering {@code cores} cores and {@code memory}, e.g. {@code 1500m}),
     * and waits until the master counts them alive.
     *
     * @param dir where the Spark home, the daemons' logs and the workers' folders go
     */
    public static LocalStandaloneCluster start(Path dir, int workers, int cores, String memory, Consumer<String> log) {
        if (workers < 1 || cores < 1) {
            throw new IllegalArgumentException("workers = " + workers + ", cores = " + cores + " is not allowed: both must be >= 1");
        }
        Path home = dir.resolve("spark-home");
        SparkHome.create(home);
        int port = freePort();
        int ui = freePort();
        log.accept("cluster: starting a standalone master on 127.0.0.1:" + port);
        LocalStandaloneCluster c = new LocalStandaloneCluster(dir, daemon(dir, home, "master", "org.apache.spark.deploy.master.Master",
                List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(ui))), port, ui);
        try {
            c.awaitPort(port);
            for (int i = 1; i <= workers; i++) {
                Path work = dir.resolve("worker-" + i);
                Files.createDirectories(work);
                c.workers.add(daemon(dir, home, "worker-" + i, "org.apache.spark.deploy.worker.Worker", List.of("--host", "127.0.0.1",
                        "--port", Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()), "--cores", Integer.toString(cores),
                        "--memory", memory, "--work-dir", work.toString(), c.masterUrl())));
            }
            log.accept("cluster: waiting for " + workers + " worker(s) to register");
            c.awaitWorkers(workers);
            log.accept("cluster: " + c.masterUrl() + " with " + workers + " worker(s) of " + cores + " core(s) and " + memory);
            return c;
        } catch (IOException e) {
            c.close();
            throw new UncheckedIOException("cannot start the local standalone cluster in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    /** Starts one daemon JVM with its output in {@code dir/NAME.log}. */
    private static Process daemon(Path dir, Path home, String name, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"));
        cmd.addAll(JavaOptions.spark());
        cmd.addAll(List.of("-cp", SparkHome.classPath(home), mainClass));
        cmd.addAll(args);
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        for (String kv : SparkHome.environment(home)) {
            int eq = kv.indexOf('=');
            b.environment().put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        try {
            return b.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Spark " + name + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    private void awaitPort(int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            requireAlive(master, "master");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                pause(deadline, "the master to listen on port " + port);
            }
        }
    }

    private void awaitWorkers(int n) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            requireAlive(master, "master");
            for (int i = 0; i < workers.size(); i++) {
                requireAlive(workers.get(i), "worker-" + (i + 1));
            }
            try {
                Matcher m = ALIVE_WORKERS.matcher(http.send(status, HttpResponse.BodyHandlers.ofString()).body());
                if (m.find() && Integer.parseInt(m.group(1)) >= n) {
                    return;
                }
            } catch (IOException e) {
                // the master's UI is not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the cluster's workers");
            }
            pause(deadline, n + " workers to register");
        }
    }

    private void requireAlive(Process p, String name) {
        if (!p.isAlive()) {
            throw new IllegalStateException("the Spark " + name + " exited with code " + p.exitValue() + "; see " + dir.resolve(name + ".log"));
        }
    }

    private static void pause(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("timed out after " + START_TIMEOUT.toSeconds() + " s waiting for " + what);
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what);
        }
    }

    /** {@code spark://127.0.0.1:PORT}. */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The master's process id. */
    public long masterPid() {
        return master.pid();
    }

    /** The workers' process ids, in start order. */
    public List<Long> workerPids() {
        return workers.stream().map(Process::pid).toList();
    }

    /** Every process of the cluster now alive: master, workers and the executors they started. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>(List.of(master.toHandle()));
        for (Process w : workers) {
            all.add(w.toHandle());
            w.descendants().forEach(all::add);
        }
        return all.stream().filter(ProcessHandle::isAlive).toList();
    }

    /**
     * Kills worker {@code i} (0-based) and its executors at once (SIGKILL, by process id), as a machine lost mid-job.
     *
     * @return the process ids killed
     */
    public List<Long> killWorker(int i) {
        Process w = workers.get(i);
        List<ProcessHandle> executors = w.descendants().toList();
        List<Long> killed = new ArrayList<>();
        w.destroyForcibly();
        killed.add(w.pid());
        for (ProcessHandle e : executors) {
            e.destroyForcibly();
            killed.add(e.pid());
        }
        return killed;
    }

    /** Stops every process it started by its id: executors and workers, then the master (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process w : workers) {
            w.descendants().forEach(all::add);
            all.add(w.toHandle());
        }
        all.add(master.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
