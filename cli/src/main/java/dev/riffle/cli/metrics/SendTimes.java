package dev.riffle.cli.metrics;

import java.time.Duration;

/**
 * When each piece of audio was sent, to tell how long the service took to answer for it: the latency of an event
 * is the time from sending the audio at its results' end to receiving the event. Keeps the last chunks only (a
 * fixed ring, so it costs nothing per chunk): enough to cover any result the service is still working on; older
 * audio gives no figure rather than a wrong one.
 *
 * <p>Thread-safe: chunks are recorded on the sending thread and looked up on the transport's.
 */
public final class SendTimes {

    private final int capacity;
    private final long[] audioEndNanos;
    private final long[] sentAtNanos;
    private long count;

    /** Keeps the last {@code capacity} chunks: 1024 covers over 50 s of 50 ms chunks. */
    public SendTimes(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.audioEndNanos = new long[capacity];
        this.sentAtNanos = new long[capacity];
    }

    /** The chunk ending at {@code audioEnd} was sent at {@code nanoTime} ({@link System#nanoTime()}). */
    public void sent(Duration audioEnd, long nanoTime) {
        sent(audioEnd.toNanos(), nanoTime);
    }

    /** As {@link #sent(Duration, long)}, with the audio's end in nanoseconds, without allocating. */
    public synchronized void sent(long audioEnd, long nanoTime) {
        int slot = (int) (count % capacity);
        audioEndNanos[slot] = audioEnd;
        sentAtNanos[slot] = nanoTime;
        count++;
    }

    /**
     * How long ago the audio at {@code audioSeconds} was sent, as of {@code nanoTime}; null if it is older than
     * what is kept or nothing was sent.
     */
    public Duration latency(double audioSeconds, long nanoTime) {
        long nanos = latencyNanos(audioSeconds, nanoTime);
        return nanos < 0 ? null : Duration.ofNanos(nanos);
    }

    /** As {@link #latency}, in nanoseconds, without allocating; -1 where that gives null. */
    public synchronized long latencyNanos(double audioSeconds, long nanoTime) {
        long wanted = Math.round(audioSeconds * 1e9);
        long oldest = Math.max(0, count - capacity);
        if (count == 0 || audioEndNanos[(int) (oldest % capacity)] > wanted && oldest > 0) {
            return -1;
        }
        // The first chunk that reaches `wanted` carried the result's last audio; chunks are in audio order.
        long low = oldest;
        long high = count - 1;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (audioEndNanos[(int) (middle % capacity)] >= wanted) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return Math.max(0, nanoTime - sentAtNanos[(int) (low % capacity)]);
    }
}
