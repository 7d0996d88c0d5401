package org.difflab.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one place that starts the DJL PyTorch engine. It starts it offline (nothing is downloaded at run time),
 * with the TorchScript graph optimizer off and an explicit intra-op thread count, so that every entry point
 * (command line, tests, notebooks) runs with the same settings; and it turns a device name into a DJL
 * {@link Device}, failing clearly when the device is absent.
 */
public final class DiffLabRuntime {
    /** System property setting the intra-op thread count (default: OMP_NUM_THREADS, else the available processors). */
    public static final String THREADS_PROPERTY = "difflab.threads";
    /** Environment variable read when the property is absent, as PyTorch itself reads it. */
    public static final String THREADS_ENVIRONMENT = "OMP_NUM_THREADS";

    private static Engine engine;
    private static int threads;

    private DiffLabRuntime() {}

    /** Starts the engine once (later calls return the same engine) with the settings described above. */
    public static synchronized Engine engine() {
        if (engine == null) {
            int n = threads(System.getProperty(THREADS_PROPERTY), System.getenv(THREADS_ENVIRONMENT),
                    Runtime.getRuntime().availableProcessors());
            setIfAbsent("ai.djl.offline", "true");
            setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
            Engine e = Engine.getEngine("PyTorch");
            JniUtils.setNumThreads(n);
            threads = n;
            engine = e;
        }
        return engine;
    }

    /** The intra-op thread count the engine was started with (starts it if needed). */
    public static synchronized int threads() {
        engine();
        return threads;
    }

    /**
     * The intra-op thread count of the calling thread (starts the engine if needed): PyTorch keeps it per thread, so a
     * stream prepared by {@link #prepareThisThread} can run with fewer threads than the engine was started with.
     */
    public static int threadsOfThisThread() {
        engine();
        return JniUtils.getNumThreads();
    }

    /**
     * Prepares the calling thread as the engine's start prepared its own: intra-op thread count {@code n} and gradient
     * recording off (DJL's state outside a gradient collector); starts the engine if needed and returns the thread count
     * the thread had. PyTorch keeps both per thread: a thread the engine was not started on runs with OpenMP's default
     * count and with recording on until told, so a worker thread that must compute the same bits as another thread, and
     * update weights in place, calls this first.
     */
    public static int prepareThisThread(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n = " + n + " is not allowed: must be an integer >= 1");
        }
        engine();
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(n);
        JniUtils.setGradMode(false);
        return before;
    }

    /**
     * The intra-op thread count the engine starts (or started) with in this JVM, from the same settings, without starting
     * it: what another JVM must be given to compute the same bits (PyTorch's convolutions sum in an order that depends on it).
     */
    public static synchronized int configuredThreads() {
        return engine != null ? threads : threads(System.getProperty(THREADS_PROPERTY), System.getenv(THREADS_ENVIRONMENT),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The device for a name: {@code cpu}, {@code cuda} (first GPU) or {@code cuda:i}. Starts the engine.
     *
     * @throws IllegalArgumentException naming the request and the devices available when it cannot be served
     */
    public static Device device(String name) {
        return select(name, engine().getGpuCount());
    }

    /** Device selection given the number of GPUs the engine sees; separate from the engine for testing. */
    static Device select(String name, int gpuCount) {
        String available = gpuCount == 0 ? "cpu (no CUDA device found)" : "cpu, cuda:0.." + (gpuCount - 1);
        String req = name == null ? "" : name.trim().toLowerCase();
        if (req.equals("cpu")) {
            return Device.cpu();
        }
        int index = -1;
        if (req.equals("cuda") || req.equals("gpu")) {
            index = 0;
        } else if (req.startsWith("cuda:") || req.startsWith("gpu:")) {
            try {
                index = Integer.parseInt(req.substring(req.indexOf(':') + 1));
            } catch (NumberFormatException e) {
                index = -1;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("device = " + name + " is not allowed: must be cpu, cuda or cuda:i; available: "
                    + available);
        }
        if (index >= gpuCount) {
            throw new IllegalArgumentException("device = " + name + " is not available: available devices are " + available
                    + (gpuCount == 0 ? "; a GPU needs a CUDA device and a CUDA build of libtorch 2.7.1 (docs/gpu.md)" : ""));
        }
        return Device.gpu(index);
    }

    /**
     * The thread count from the property value, else the environment value (its first entry: OpenMP allows a list per
     * nesting level), else the processor count. The environment matters on shared machines: more intra-op threads than
     * free cores make every parallel operation wait for a descheduled thread (measured here on 2 shared cores: a small
     * UNet forward took 750 ms with 2 threads against 9 ms with 1).
     */
    static int threads(String property, String environment, int processors) {
        if (property != null && !property.isBlank()) {
            return parse(THREADS_PROPERTY, property, property);
        }
        if (environment != null && !environment.isBlank()) {
            return parse(THREADS_ENVIRONMENT, environment, environment.split(",")[0]);
        }
        return processors;
    }

    private static int parse(String name, String value, String first) {
        try {
            int n = Integer.parseInt(first.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " = " + value + " is not allowed: must be an integer >= 1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
