package org.difflab.plugin.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The memory budget a command checks before any work: what its request needs on the Java heap (arrays the JVM holds:
 * samples kept as rows, grids and per-step arrays, covariance matrices) and in native memory (tensors: batches, kept
 * samples, network activations), against what is there: the JVM's maximum heap ({@code -Xmx}, set by the launcher,
 * DIFFLAB_JAVA_OPTS to change) and the machine's physical memory less that heap. A request that cannot fit is refused
 * with an {@link IllegalArgumentException} naming the options and the estimate (exit 2 on the command line).
 * Estimates are upper bounds of the arrays a run makes, not measurements: requests at about 80% of a limit still pass.
 */
final class Budget {
    /** Share of a limit a request may take: the JVM, the engine and the rest of the command need the remainder. */
    private static final double USABLE = 0.8;
    /** Longest Java array: a grid or a row table with more elements cannot be made at all. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    private long heap;
    private long nativeBytes;
    private final StringBuilder heapParts = new StringBuilder();
    private final StringBuilder nativeParts = new StringBuilder();

    /** Adds {@code bytes} of Java heap for {@code what} (e.g. "--n = 1000000 rows kept for --plot"). */
    Budget heap(String what, double bytes) {
        heap = saturatedAdd(heap, bytes);
        return note(heapParts, what, bytes);
    }

    /** Adds {@code bytes} of native memory (tensors) for {@code what}. */
    Budget tensors(String what, double bytes) {
        nativeBytes = saturatedAdd(nativeBytes, bytes);
        return note(nativeParts, what, bytes);
    }

    /** Refuses an array longer than Java allows, whatever the heap. */
    Budget arrayLength(String what, double elements) {
        if (elements > MAX_ARRAY) {
            throw new IllegalArgumentException(what + " needs an array of " + String.format(Locale.ROOT, "%.3g", elements)
                    + " elements, more than Java's limit of " + MAX_ARRAY + ": ask for fewer");
        }
        return this;
    }

    /**
     * Refuses the request when it does not fit; {@code options} names what to lower.
     *
     * @throws IllegalArgumentException naming {@code asked}, the estimate and the options
     */
    void check(String asked, String options) {
        long heapLimit = (long) (Runtime.getRuntime().maxMemory() * USABLE);
        long nativeLimit = (long) (Math.max(0, physicalBytes() - Runtime.getRuntime().maxMemory()) * USABLE);
        if (heap > heapLimit || nativeBytes > nativeLimit) {
            boolean onHeap = heap > heapLimit;
            throw new IllegalArgumentException(asked + " needs about " + gib(onHeap ? heap : nativeBytes) + (onHeap ? " of Java heap" : " of native memory")
                    + " (" + (onHeap ? heapParts : nativeParts) + "), more than the " + gib(onHeap ? heapLimit : nativeLimit) + " available ("
                    + (onHeap ? "80% of -Xmx " + gib(Runtime.getRuntime().maxMemory()) + "; DIFFLAB_JAVA_OPTS=-Xmx... gives more"
                    : "80% of physical memory " + gib(physicalBytes()) + " less the Java heap") + "): lower " + options);
        }
    }

    /** The estimate so far, for a note on long runs. */
    String estimate() {
        return gib(heap) + " heap, " + gib(nativeBytes) + " native";
    }

    /** Physical memory of the machine (or its container's limit, as the JVM sees it). */
    static long physicalBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Long.MAX_VALUE;
    }

    /** Bytes in GiB (or MiB below one GiB), for messages. */
    static String gib(double bytes) {
        return bytes >= 1 << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30))
                : String.format(Locale.ROOT, "%.0f MiB", Math.ceil(bytes / (1 << 20)));
    }

    private Budget note(StringBuilder parts, String what, double bytes) {
        if (bytes >= 1 << 20) {
            parts.append(parts.length() == 0 ? "" : ", ").append(what).append(": ").append(gib(bytes));
        }
        return this;
    }

    private static long saturatedAdd(long total, double bytes) {
        double sum = (double) total + Math.max(0, bytes);
        return sum >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) sum;
    }
}
