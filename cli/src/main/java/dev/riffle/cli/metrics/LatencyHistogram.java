package dev.riffle.cli.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies from 1 µs to about 9 hours in log-linear buckets (16 per power of two, so a percentile is off by at
 * most 1/16 of its value), recorded from any thread without locks or allocation, as a load run records one per
 * word from every stream.
 */
public final class LatencyHistogram {

    private static final int SUB_BUCKETS = 16;
    private static final int POWERS = 36;

    private final AtomicLongArray counts = new AtomicLongArray(POWERS * SUB_BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    /** Records one latency. */
    public void record(long nanos) {
        long micros = Math.max(1, nanos / 1000);
        counts.incrementAndGet(bucket(micros));
        total.incrementAndGet();
        max.accumulateAndGet(nanos, Math::max);
    }

    /** How many latencies were recorded. */
    public long count() {
        return total.get();
    }

    /** The largest latency recorded, in nanoseconds; 0 if none. */
    public long maxNanos() {
        return max.get();
    }

    /**
     * The latency at {@code percentile} (0 to 100) in nanoseconds: the upper edge of the bucket that holds it,
     * never more than the maximum; 0 if nothing was recorded.
     */
    public long percentileNanos(double percentile) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100 * n));
        long seen = 0;
        for (int b = 0; b < counts.length(); b++) {
            seen += counts.get(b);
            if (seen >= rank) {
                return Math.min(upperEdgeMicros(b) * 1000, max.get());
            }
        }
        return max.get();
    }

    /** Bucket of {@code micros}: the power of two, then which sixteenth of it. */
    static int bucket(long micros) {
        int power = 63 - Long.numberOfLeadingZeros(micros);
        if (power >= POWERS) {
            return POWERS * SUB_BUCKETS - 1;
        }
        long base = 1L << power;
        int sub = (int) ((micros - base) * SUB_BUCKETS / base);
        return power * SUB_BUCKETS + sub;
    }

    static long upperEdgeMicros(int bucket) {
        int power = bucket / SUB_BUCKETS;
        int sub = bucket % SUB_BUCKETS;
        long base = 1L << power;
        return base + (base * (sub + 1) + SUB_BUCKETS - 1) / SUB_BUCKETS - 1; // rounded up: small powers
    }
}
