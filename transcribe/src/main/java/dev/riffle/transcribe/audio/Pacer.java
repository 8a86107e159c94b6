package dev.riffle.transcribe.audio;

import java.time.Duration;
import java.util.Objects;

/**
 * Holds each chunk until it is due, so that audio reaches the service no faster than it allows. The service
 * consumes audio in real time and ends a stream pushed far ahead of that with "Your stream is too big", and a
 * pre-recorded file sent at full speed also outruns the 5-minute life of event signatures (spec 5.6 and 5.7).
 *
 * <p>Time starts with the first chunk asked about (or {@link #start()}), which is when audio is ready, not when
 * the connection opened. A chunk whose audio ends at {@code t} is due at {@code start + t - lead}:
 * <ul>
 *   <li>{@link Mode#REALTIME}: the lead is the chunk's own duration, so a chunk goes when its audio would begin
 *       to play: the pace of a live microphone, one chunk ahead.</li>
 *   <li>{@link Mode#MAX}: the lead is fixed (4 s unless chosen), so a file goes as fast as the network allows
 *       until it is that far ahead of real time, then at real time.</li>
 *   <li>{@link Mode#UNLIMITED}: never waits, for benchmarks against an emulator whose limit is off.</li>
 * </ul>
 * A sender that falls behind (a slow network) is never made to wait: due chunks go at once.
 *
 * <p>{@link #nanosUntilDue} serves an event loop that schedules instead of blocking; {@link #awaitDue} blocks.
 * Not thread-safe: one pacer per stream.
 */
public final class Pacer {

    /** How far ahead of real time audio may go. */
    public enum Mode {
        /** One chunk ahead of real time. */
        REALTIME,
        /** As fast as possible, but never more than a fixed lead ahead of real time. */
        MAX,
        /** No limit. */
        UNLIMITED
    }

    /** The clock a pacer reads and sleeps on; tests give it a fake one, so that no test has to wait. */
    public interface TimeSource {
        /** The system's monotonic clock and {@link Thread#sleep}. */
        TimeSource SYSTEM = new TimeSource() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };

        /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
        long nanoTime();

        /** Waits about {@code nanos}; waking early is allowed (the pacer checks again). */
        void sleepNanos(long nanos) throws InterruptedException;
    }

    /** The lead of {@link Mode#MAX} unless chosen: well inside what the service tolerates. */
    public static final Duration DEFAULT_MAX_LEAD = Duration.ofSeconds(4);
    /** Leads must be shorter than this: a chunk signed that far ahead would have an expired signature. */
    public static final Duration LEAD_LIMIT = Duration.ofMinutes(5);

    private final Mode mode;
    private final long maxLeadNanos;
    private final TimeSource time;
    private long startNanos;
    private boolean started;

    private Pacer(Mode mode, Duration maxLead, TimeSource time) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.time = Objects.requireNonNull(time, "time");
        if (maxLead.isNegative() || maxLead.compareTo(LEAD_LIMIT) >= 0) {
            throw new IllegalArgumentException("lead must be at least 0 and under 5 minutes, not " + maxLead);
        }
        this.maxLeadNanos = maxLead.toNanos();
    }

    /** One chunk ahead of real time, on the system clock. */
    public static Pacer realtime() {
        return of(Mode.REALTIME, DEFAULT_MAX_LEAD, TimeSource.SYSTEM);
    }

    /** As fast as possible up to {@link #DEFAULT_MAX_LEAD} ahead of real time, on the system clock. */
    public static Pacer max() {
        return max(DEFAULT_MAX_LEAD);
    }

    /** As fast as possible up to {@code lead} ahead of real time, on the system clock. */
    public static Pacer max(Duration lead) {
        return of(Mode.MAX, lead, TimeSource.SYSTEM);
    }

    /** No waiting at all. */
    public static Pacer unlimited() {
        return of(Mode.UNLIMITED, DEFAULT_MAX_LEAD, TimeSource.SYSTEM);
    }

    /**
     * A pacer on any clock.
     *
     * @param maxLead the lead of {@link Mode#MAX} (ignored by the other modes); 0 to under 5 minutes
     */
    public static Pacer of(Mode mode, Duration maxLead, TimeSource time) {
        return new Pacer(mode, maxLead, time);
    }

    /** This pacer's mode. */
    public Mode mode() {
        return mode;
    }

    /** Starts the stream's time now, unless it has started already. */
    public void start() {
        if (!started) {
            startNanos = time.nanoTime();
            started = true;
        }
    }

    /**
     * How long {@code chunk} must wait before it may be sent: 0 if it is due. Starts the time if this is the first
     * chunk.
     */
    public long nanosUntilDue(AudioChunk chunk) {
        start();
        if (mode == Mode.UNLIMITED) {
            return 0;
        }
        long lead = mode == Mode.REALTIME ? chunk.duration().toNanos() : maxLeadNanos;
        long due = startNanos + chunk.end().toNanos() - lead;
        return Math.max(0, due - time.nanoTime());
    }

    /** Waits until {@code chunk} is due. */
    public void awaitDue(AudioChunk chunk) throws InterruptedException {
        for (long wait = nanosUntilDue(chunk); wait > 0; wait = nanosUntilDue(chunk)) {
            time.sleepNanos(wait);
        }
    }
}
