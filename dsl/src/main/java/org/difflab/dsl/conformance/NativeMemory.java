package org.difflab.dsl.conformance;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Native memory of this process: the resident set size (Linux /proc/self/smaps) outside the address range the JVM
 * reserved for its Java heap, minus the memory it has committed for non-heap areas (metaspace, code cache).
 *
 * <p>Why not resident minus the <em>committed</em> heap: G1 commits heap regions it touches only later, so in a JVM
 * whose heap may grow or shrink that difference swung by -100 to +116 MB over runs that left no tensor behind
 * (measured on ParaDiGMS and long DDIM runs). Counting the resident pages outside the heap's reserved range does not
 * depend on how much of the heap is committed or touched. The range comes from the HotSpot diagnostic command
 * {@code GC.heap_info} (the addresses it prints); where that is not available the committed heap is subtracted as before.
 */
public final class NativeMemory {
    private static final Pattern ADDRESS = Pattern.compile("0x([0-9a-fA-F]+)");
    private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) .*");

    /** The Java heap's reserved address range [start, end), or null where it cannot be read; it does not move. */
    private static final long[] HEAP = heapRange();

    private NativeMemory() {}

    /** Resident bytes outside the Java heap and the JVM's committed non-heap memory, or -1 where /proc is not available. */
    public static long nativeBytes() {
        long nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getCommitted();
        if (HEAP == null) {
            long rss = residentBytes();
            return rss < 0 ? -1 : rss - ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() - nonHeap;
        }
        long outside = residentOutside(HEAP[0], HEAP[1]);
        return outside < 0 ? -1 : outside - nonHeap;
    }

    /**
     * The native growth over {@code pass} (after a garbage collection before and after), measured pass after pass until
     * one grows by at most {@code limit} or {@code passes} have run: a leak grows on every pass, while a one-off growth of
     * the C allocator's arenas, or pages moved by a busy machine, shows on one. Returns every pass's growth; the smallest
     * is what a check holds to its limit.
     */
    public static long[] growthsUntilWithin(long limit, int passes, Runnable pass) {
        long[] growth = new long[passes];
        for (int k = 0; k < passes; k++) {
            System.gc();
            releaseFreeMemory();
            long before = nativeBytes();
            pass.run();
            System.gc();
            releaseFreeMemory();
            growth[k] = nativeBytes() - before;
            if (growth[k] <= limit) {
                return java.util.Arrays.copyOf(growth, k + 1);
            }
        }
        return growth;
    }

    /**
     * Hands the memory the C allocator holds free back to the system (glibc's {@code malloc_trim(0)}, through JNA, which
     * DJL brings): a measurement then counts live allocations, not the allocator's cache. Without it, memory freed by
     * earlier work (large tensors raise glibc's mmap threshold, so later ones come from arenas that stay resident) is
     * reused without growing the resident set and hides growth, or is kept and reads as growth. False where there is no
     * glibc (nothing done).
     */
    public static boolean releaseFreeMemory() {
        try {
            com.sun.jna.NativeLibrary.getInstance("c").getFunction("malloc_trim").invokeInt(new Object[] {0});
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    /** Resident bytes, or -1 where /proc is not available. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return kilobytes(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Resident bytes of the mappings that do not overlap [start, end), from /proc/self/smaps; -1 where it cannot be read. */
    static long residentOutside(long start, long end) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        } catch (IOException e) {
            return -1;
        }
        long total = 0;
        boolean counted = false;
        for (String line : lines) {
            Matcher m = MAPPING.matcher(line);
            if (m.matches()) {
                long from = Long.parseUnsignedLong(m.group(1), 16);
                long to = Long.parseUnsignedLong(m.group(2), 16);
                counted = Long.compareUnsigned(to, start) <= 0 || Long.compareUnsigned(from, end) >= 0;
            } else if (counted && line.startsWith("Rss:")) {
                total += kilobytes(line);
            }
        }
        return total;
    }

    /** The lowest and highest address {@code GC.heap_info} prints: the heap's reserved range; null where it prints none. */
    static long[] heapRange() {
        try {
            Object info = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcHeapInfo", new Object[] {null}, new String[] {String[].class.getName()});
            return addressRange(String.valueOf(info));
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }

    /** [lowest, highest] of the hexadecimal addresses in {@code text}, or null where it has none. */
    static long[] addressRange(String text) {
        long low = -1;
        long high = 0;
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            long a = Long.parseUnsignedLong(m.group(1), 16);
            low = low == -1 || Long.compareUnsigned(a, low) < 0 ? a : low;
            high = Long.compareUnsigned(a, high) > 0 ? a : high;
        }
        return low == -1 ? null : new long[] {low, high};
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    }
}
