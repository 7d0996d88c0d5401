package org.difflab.dsl.conformance;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Native memory of this process: the resident set size (Linux /proc/self/status) minus the memory the JVM has
 * committed for its heap and non-heap areas, so that the heap growing or shrinking (hundreds of MB, measured)
 * does not mask or fake a native leak.
 */
public final class NativeMemory {
    private NativeMemory() {}

    /** Resident bytes outside the JVM's committed heap and non-heap memory, or -1 where /proc is not available. */
    public static long nativeBytes() {
        long rss = residentBytes();
        if (rss < 0) {
            return -1;
        }
        MemoryMXBean jvm = ManagementFactory.getMemoryMXBean();
        return rss - jvm.getHeapMemoryUsage().getCommitted() - jvm.getNonHeapMemoryUsage().getCommitted();
    }

    /** Resident bytes, or -1 where /proc is not available. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
