package org.difflab.distributed.spark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to start Spark for a DiffLab job.
 *
 * @param master          where the tasks run
 * @param appName         the application's name in Spark's UI and the master's list
 * @param ui              whether Spark's web UI runs (off by default: it listens on a port of every interface; on, its
 *                        address is printed)
 * @param connectTimeout  how long to try to reach a standalone master before failing
 * @param executorTimeout how long to wait for a cluster's first executor before failing (workers missing, or none with
 *                        the cores and memory asked)
 * @param conf            further Spark properties ({@code spark.executor.memory=4g}, ...), applied last
 */
public record SparkOptions(MasterUrl master, String appName, boolean ui, Duration connectTimeout, Duration executorTimeout,
                           Map<String, String> conf) {
    /** Default time to reach a standalone master. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default wait for a cluster's first executor. */
    public static final Duration EXECUTOR_TIMEOUT = Duration.ofSeconds(90);

    public SparkOptions {
        if (master == null) {
            throw new IllegalArgumentException("master is null, which is not allowed: use " + MasterUrl.ALLOWED);
        }
        if (appName == null || appName.isBlank()) {
            throw new IllegalArgumentException("appName = '" + appName + "' is not allowed: give a non-empty name");
        }
        positive("connectTimeout", connectTimeout);
        positive("executorTimeout", executorTimeout);
        for (String key : conf.keySet()) {
            if (!key.startsWith("spark.")) {
                throw new IllegalArgumentException("--conf " + key + " is not allowed: Spark properties start with 'spark.'");
            }
        }
        conf = Map.copyOf(conf);
    }

    /** The defaults for this master URL (checked: see {@link MasterUrl#parse}). */
    public static SparkOptions of(String master) {
        return new SparkOptions(MasterUrl.parse("--master", master), "difflab", false, CONNECT_TIMEOUT, EXECUTOR_TIMEOUT, Map.of());
    }

    public SparkOptions withAppName(String name) {
        return new SparkOptions(master, name, ui, connectTimeout, executorTimeout, conf);
    }

    public SparkOptions withUi(boolean on) {
        return new SparkOptions(master, appName, on, connectTimeout, executorTimeout, conf);
    }

    public SparkOptions withTimeouts(Duration connect, Duration executors) {
        return new SparkOptions(master, appName, ui, connect, executors, conf);
    }

    /** Adds Spark properties given as {@code key=value} (the {@code --conf} option), checking their form. */
    public SparkOptions withConf(Iterable<String> keyValues) {
        Map<String, String> all = new LinkedHashMap<>(conf);
        for (String kv : keyValues) {
            int eq = kv == null ? -1 : kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--conf " + kv + " is not allowed: give KEY=VALUE, e.g. spark.executor.memory=4g");
            }
            all.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return new SparkOptions(master, appName, ui, connectTimeout, executorTimeout, all);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " = " + d + " is not allowed: must be a positive duration");
        }
    }
}
