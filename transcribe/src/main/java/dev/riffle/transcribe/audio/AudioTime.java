package dev.riffle.transcribe.audio;

/** Sample counts to nanoseconds of audio, without overflow for any count a real stream reaches. */
final class AudioTime {

    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private AudioTime() {
    }

    /**
     * The audio time at the end of {@code samples} samples (per channel) at {@code sampleRate} Hz, rounded down to
     * the nanosecond. Rounding the end of each chunk, never its length, keeps a run of chunks summing exactly to
     * the end of the last one.
     */
    static long nanos(long samples, int sampleRate) {
        // Split into whole seconds and the rest, so that samples * 1e9 cannot overflow.
        long seconds = samples / sampleRate;
        long rest = samples % sampleRate;
        if (seconds > Long.MAX_VALUE / NANOS_PER_SECOND - 1) {
            return Long.MAX_VALUE;
        }
        return seconds * NANOS_PER_SECOND + rest * NANOS_PER_SECOND / sampleRate;
    }

    /** Whole samples (per channel) in {@code nanos} of audio at {@code sampleRate} Hz, rounded down. */
    static long samples(long nanos, int sampleRate) {
        return nanos / NANOS_PER_SECOND * sampleRate + nanos % NANOS_PER_SECOND * sampleRate / NANOS_PER_SECOND;
    }
}
