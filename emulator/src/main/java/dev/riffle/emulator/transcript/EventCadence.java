package dev.riffle.emulator.transcript;

/**
 * When events are due, in audio time: partial results at every multiple of the partial interval (so the same
 * audio gives the same events however it was cut), and an event without results when none has gone out for the
 * empty interval.
 */
final class EventCadence {

    /** Lets a time computed in floating point count when it falls a hair short of a tick. */
    private static final double TOLERANCE = 1e-9;

    private final double partialInterval;
    private final double emptyInterval;
    private long partialTicks;
    private double lastEventAt;

    EventCadence(double partialInterval, double emptyInterval) {
        this.partialInterval = partialInterval;
        this.emptyInterval = emptyInterval;
    }

    /** Whether the audio has passed another multiple of the partial interval at {@code now}. */
    boolean partialDue(double now) {
        long ticks = (long) Math.floor(now / partialInterval + TOLERANCE);
        if (ticks <= partialTicks) {
            return false;
        }
        partialTicks = ticks;
        return true;
    }

    /** Whether an event without results is due at {@code now}. */
    boolean emptyDue(double now) {
        return now - lastEventAt >= emptyInterval - TOLERANCE;
    }

    /** An event went out at {@code now}. */
    void sent(double now) {
        lastEventAt = now;
    }
}
