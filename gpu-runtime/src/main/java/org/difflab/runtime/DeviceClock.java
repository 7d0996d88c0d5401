package org.difflab.runtime;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.time.Duration;

/**
 * Wall time of tensor work, with the device synchronised before each clock reading. CUDA operations return when their
 * kernels are queued, so {@code System.nanoTime()} read right after them measures the queueing, not the work (and the
 * work is billed to whatever synchronises next). DJL 0.35.1 exposes no {@code torch.cuda.synchronize}, so on a GPU the
 * clock copies one value to the host, a blocking copy that waits for all work queued before it on the stream DJL's
 * operations run on (the default stream; DiffLab leaves {@code ai.djl.pytorch.enable_cuda_stream} off). On the CPU
 * operations return when done and nothing is waited for.
 *
 * <pre>{@code
 * DeviceClock clock = DeviceClock.start(device);
 * NDArray out = model.predict(x, level);
 * Duration d = clock.stop(out);   // includes the computation of out
 * }</pre>
 */
public final class DeviceClock {
    private final long start;

    private DeviceClock(long start) {
        this.start = start;
    }

    /** Waits for the work already queued on the device, then starts the clock. */
    public static DeviceClock start(Device device) {
        synchronize(device);
        return new DeviceClock(System.nanoTime());
    }

    /** Waits until {@code result} is computed, then returns the time since {@link #start}. */
    public Duration stop(NDArray result) {
        synchronize(result);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Waits until {@code result} (and everything queued before it on its device) is computed. */
    public static void synchronize(NDArray result) {
        if (result.getDevice().isGpu()) {
            firstValueOnHost(result);
        }
    }

    /** Waits for the work queued on the device. */
    public static void synchronize(Device device) {
        if (device.isGpu()) {
            try (NDManager manager = DiffLabRuntime.engine().newBaseManager(device)) {
                firstValueOnHost(manager.zeros(new Shape(1)));
            }
        }
    }

    /**
     * The first value of {@code a} copied to the host (NaN when {@code a} is empty): the copy waits for the computation
     * of {@code a}. Its temporaries are closed.
     */
    static double firstValueOnHost(NDArray a) {
        if (a.size() == 0) {
            return Double.NaN;
        }
        try (NDManager scratch = a.getManager().newSubManager()) {
            NDArray flat = a.reshape(-1);
            flat.attach(scratch);
            NDArray first = flat.get(0).toType(DataType.FLOAT64, false);
            first.attach(scratch);
            return first.toDoubleArray()[0];
        }
    }
}
