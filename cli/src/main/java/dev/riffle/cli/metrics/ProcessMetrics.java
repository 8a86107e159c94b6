package dev.riffle.cli.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What this JVM has spent so far, as the JVM itself counts it: CPU time of the process, bytes allocated by all
 * threads (live and ended), garbage collections and their time, and heap in use.
 *
 * @param cpuNanos       CPU time of the whole process (every thread, the JIT and GC included)
 * @param allocatedBytes heap allocated since the JVM started, by every thread
 * @param gcCount        collections so far, all collectors
 * @param gcMillis       time in collections so far (as the collectors report it)
 * @param heapUsedBytes  heap in use now, garbage included
 */
public record ProcessMetrics(long cpuNanos, long allocatedBytes, long gcCount, long gcMillis, long heapUsedBytes) {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** The figures now. */
    public static ProcessMetrics now() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, collector.getCollectionCount());
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        return new ProcessMetrics(os.getProcessCpuTime(), threads.getTotalThreadAllocatedBytes(), gcCount, gcMillis,
                heapUsed());
    }

    /** Heap in use now. */
    public static long heapUsed() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /**
     * Heap still in use after a full collection: the live data. Collects (several times, as one {@link System#gc}
     * may leave garbage that finalization or reference processing frees only in the next).
     */
    public static long liveHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return heapUsed();
    }

    /** What was spent between {@code earlier} and this. */
    public ProcessMetrics minus(ProcessMetrics earlier) {
        return new ProcessMetrics(cpuNanos - earlier.cpuNanos, allocatedBytes - earlier.allocatedBytes,
                gcCount - earlier.gcCount, gcMillis - earlier.gcMillis, heapUsedBytes);
    }
}
