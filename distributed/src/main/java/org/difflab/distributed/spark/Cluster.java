package org.difflab.distributed.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.difflab.runtime.DiffLabRuntime;

/**
 * A running Spark for DiffLab's jobs: the embedded local master (tasks on threads of this JVM, which is also the only
 * executor) or a standalone cluster's executors. Started offline from the jars on the class path (no Spark
 * distribution), it checks a standalone master is reachable before starting, ships DiffLab's jars to the executors
 * ({@link ExecutorJars}), passes them the JVM options Spark and DJL need, keeps Spark's UI off unless asked (and prints
 * its address when on), binds only the loopback address when every process is on this machine, and waits for the
 * first executor within a stated time. Close it to stop Spark.
 */
public final class Cluster implements AutoCloseable {
    /** How long a new start waits for a start abandoned after its timeout (Spark gives up registering after a minute). */
    private static final long ABANDONED_WAIT_SECONDS = 90;
    private static volatile CompletableFuture<JavaSparkContext> abandoned;

    private final SparkOptions options;
    private final JavaSparkContext context;
    private final Path workDir;

    private Cluster(SparkOptions options, JavaSparkContext context, Path workDir) {
        this.options = options;
        this.context = context;
        this.workDir = workDir;
    }

    /**
     * Starts Spark.
     *
     * @param log receives one line per stage of the start (what is started, the UI address, executors found)
     * @throws IllegalArgumentException when a standalone master cannot be reached within the connect timeout, or no
     *                                  executor registers within the executor timeout (naming {@code --master})
     */
    public static Cluster start(SparkOptions options, Consumer<String> log) {
        MasterUrl master = options.master();
        if (!master.local()) {
            requireReachable(master, options.connectTimeout().toMillis());
        }
        Path workDir = null;
        SparkConf conf = new SparkConf().setMaster(master.url()).setAppName(options.appName())
                .set("spark.ui.enabled", Boolean.toString(options.ui()))
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.executor.extraJavaOptions", executorJavaOptions())
                .set("spark.executorEnv.OMP_NUM_THREADS", Integer.toString(DiffLabRuntime.configuredThreads()));
        if (master.loopbackOnly()) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        try {
            if (!master.local()) {
                workDir = Files.createTempDirectory("difflab-spark-jars");
                List<Path> jars = ExecutorJars.of(ClassPath.entries(), SparkArtifacts.load(), workDir);
                conf.set("spark.jars", jars.stream().map(Path::toString).collect(Collectors.joining(",")));
                log.accept("spark: shipping " + jars.size() + " DiffLab jar(s) to the executors");
            }
            for (Map.Entry<String, String> e : options.conf().entrySet()) {
                conf.set(e.getKey(), e.getValue());
            }
            log.accept("spark: starting " + master.url() + (master.local() ? " (in this JVM)" : ""));
            JavaSparkContext context = create(conf, options);
            try {
                if (context.sc().uiWebUrl().isDefined()) {
                    log.accept("spark: UI at " + context.sc().uiWebUrl().get());
                }
                if (!master.local()) {
                    awaitExecutors(context, options, log);
                }
            } catch (RuntimeException | Error e) {
                context.stop();
                throw e;
            }
            return new Cluster(options, context, workDir);
        } catch (IOException e) {
            delete(workDir);
            throw new UncheckedIOException("cannot prepare DiffLab's jars for Spark's executors: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            delete(workDir);
            throw e;
        }
    }

    /**
     * Creates the Spark context within the executor timeout. Spark's own start blocks until a standalone master accepts the
     * application, retrying for a minute when what listens there is not a master; past the timeout the start is left to
     * fail in the background (its context is stopped when it ends) and this fails now.
     */
    private static JavaSparkContext create(SparkConf conf, SparkOptions options) {
        CompletableFuture<JavaSparkContext> previous = abandoned;
        if (previous != null) {
            try {
                previous.handle((c, e) -> null).get(ABANDONED_WAIT_SECONDS, TimeUnit.SECONDS); // one Spark context per JVM
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for an earlier Spark start to end");
            } catch (ExecutionException | TimeoutException e) {
                // it is stopped when it ends; starting now is Spark's own check of one context per JVM
            }
        }
        CompletableFuture<JavaSparkContext> created = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                created.complete(new JavaSparkContext(conf));
            } catch (RuntimeException | Error e) {
                created.completeExceptionally(e);
            }
        }, "difflab-spark-start");
        starter.setDaemon(true);
        starter.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        starter.start();
        try {
            return created.get(options.executorTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            created.thenAccept(JavaSparkContext::stop);
            abandoned = created;
            throw new IllegalArgumentException("--master = " + options.master().url() + " gave no executor within "
                    + options.executorTimeout().toSeconds() + " s: Spark could not register with it (is it a Spark standalone master?)");
        } catch (InterruptedException e) {
            created.thenAccept(JavaSparkContext::stop);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while starting Spark on " + options.master().url());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) cause;
        }
    }

    /**
     * JVM options of every executor: Spark's module openings, DJL offline, quiet logging, and this JVM's intra-op thread
     * count, since a network's convolutions give other bits with another count (a local master's tasks share this JVM's engine).
     */
    static String executorJavaOptions() {
        return JavaOptions.sparkLine() + " -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.pytorch.graph_optimizer=false"
                + " -D" + DiffLabRuntime.THREADS_PROPERTY + "=" + DiffLabRuntime.configuredThreads() + " -Dorg.slf4j.simpleLogger.defaultLogLevel=warn";
    }

    /** Fails naming --master unless one of its masters accepts a TCP connection within the timeout. */
    private static void requireReachable(MasterUrl master, long timeoutMillis) {
        List<String> problems = new ArrayList<>();
        for (MasterUrl.Address a : master.masters()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(a.host(), a.port()), (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
                return;
            } catch (IOException e) {
                problems.add(a + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        throw new IllegalArgumentException("--master = " + master.url() + " is not reachable within " + timeoutMillis / 1000.0 + " s ("
                + String.join("; ", problems) + "): start a standalone master there (or use local[*])");
    }

    /** Waits until at least one executor has registered, failing after the executor timeout. */
    private static void awaitExecutors(JavaSparkContext context, SparkOptions options, Consumer<String> log) {
        long deadline = System.nanoTime() + options.executorTimeout().toNanos();
        log.accept("spark: waiting for executors (at most " + options.executorTimeout().toSeconds() + " s)");
        while (executors(context, options) == 0) {
            if (context.sc().isStopped()) {
                throw new IllegalArgumentException("--master = " + options.master().url() + " stopped the application before any executor "
                        + "started (is it a Spark " + context.version() + " standalone master?)");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalArgumentException("--master = " + options.master().url() + " gave no executor within "
                        + options.executorTimeout().toSeconds() + " s: are workers registered there, with free cores and the memory "
                        + "asked (spark.executor.memory = " + context.getConf().get("spark.executor.memory", "1g") + ")?");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for Spark executors");
            }
        }
        log.accept("spark: " + executors(context, options) + " executor(s), " + context.defaultParallelism() + " task slot(s)");
    }

    /**
     * Waits until {@code n} executors have registered (a cluster's executors start one by one after the application).
     *
     * @throws IllegalStateException after the executor timeout
     */
    public void awaitExecutors(int n) {
        long deadline = System.nanoTime() + options.executorTimeout().toNanos();
        while (executors() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(options.master().url() + " has " + executors() + " executor(s) after "
                        + options.executorTimeout().toSeconds() + " s, not the " + n + " waited for");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for Spark executors");
            }
        }
    }

    /** Executors registered now (the driver of a cluster not counted; 1 for a local master, whose JVM is its executor). */
    public int executors() {
        return executors(context, options);
    }

    private static int executors(JavaSparkContext context, SparkOptions options) {
        return options.master().local() ? 1 : context.sc().statusTracker().getExecutorInfos().length - 1;
    }

    /** Tasks Spark runs at once by default (a local master's threads, or the executors' cores). */
    public int parallelism() {
        return context.defaultParallelism();
    }

    /** The Spark context, for jobs. */
    public JavaSparkContext context() {
        return context;
    }

    public SparkOptions options() {
        return options;
    }

    @Override
    public void close() {
        try {
            context.stop();
        } finally {
            delete(workDir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the job for
        }
    }

    @Override
    public String toString() {
        return options.master().url();
    }
}
