package dev.riffle.cli.transcribe;

import java.time.Duration;

/**
 * When each piece of audio was sent, to tell how long the service took to answer for it: the latency of an event
 * is the time from sending the audio at its results' end to receiving the event. Keeps the last 1024 chunks
 * (over 50 s at the largest chunk size), which covers any result the service is still working on; older audio
 * gives no figure rather than a wrong one.
 *
 * <p>Thread-safe: chunks are recorded on the sending thread and looked up on the transport's.
 */
final class SendTimes {

    private static final int CAPACITY = 1024;

    private final long[] audioEndNanos = new long[CAPACITY];
    private final long[] sentAtNanos = new long[CAPACITY];
    private long count;

    /** The chunk ending at {@code audioEnd} was sent at {@code nanoTime} ({@link System#nanoTime()}). */
    synchronized void sent(Duration audioEnd, long nanoTime) {
        int slot = (int) (count % CAPACITY);
        audioEndNanos[slot] = audioEnd.toNanos();
        sentAtNanos[slot] = nanoTime;
        count++;
    }

    /**
     * How long ago the audio at {@code audioSeconds} was sent, as of {@code nanoTime}; null if it is older than
     * what is kept or nothing was sent.
     */
    synchronized Duration latency(double audioSeconds, long nanoTime) {
        long wanted = Math.round(audioSeconds * 1e9);
        long oldest = Math.max(0, count - CAPACITY);
        if (count == 0 || audioEndNanos[(int) (oldest % CAPACITY)] > wanted && oldest > 0) {
            return null;
        }
        // The first chunk that reaches `wanted` carried the result's last audio; chunks are in audio order.
        long low = oldest;
        long high = count - 1;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (audioEndNanos[(int) (middle % CAPACITY)] >= wanted) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return Duration.ofNanos(Math.max(0, nanoTime - sentAtNanos[(int) (low % CAPACITY)]));
    }
}
