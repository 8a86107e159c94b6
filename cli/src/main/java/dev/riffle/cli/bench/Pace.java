package dev.riffle.cli.bench;

/** How fast each stream of a load run sends its audio (the same three paces as {@code riffle transcribe}). */
public enum Pace {
    /** Each 100 ms event when its audio would begin to play: a live microphone. */
    REALTIME,
    /** Up to 4 s ahead of real time, then at real time: a file sent within the service's limit. */
    MAX,
    /** As fast as the client takes events: for an emulator whose real-time check is off. */
    UNLIMITED;

    /** How far ahead of real time {@code MAX} runs, as {@code riffle transcribe --pace max}. */
    static final long MAX_LEAD_NANOS = 4_000_000_000L;

    /** When an event whose audio spans {@code start} to {@code end} is due, from the stream's start. */
    long dueNanos(long startNanos, long endNanos) {
        return switch (this) {
            case REALTIME -> startNanos;
            case MAX -> Math.max(0, endNanos - MAX_LEAD_NANOS);
            case UNLIMITED -> 0;
        };
    }
}
