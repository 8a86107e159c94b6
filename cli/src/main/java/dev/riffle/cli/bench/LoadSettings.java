package dev.riffle.cli.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * One load run's workload.
 *
 * @param streams  how many streams
 * @param audio    the recording each stream sends
 * @param passes   how many times each stream sends it, back to back (at least 1)
 * @param pace     how fast
 * @param ramp     over how long the streams start, evenly; zero starts them all at once
 * @param expectedTranscript the transcript of all passes, whitespace collapsed, to check each stream's against;
 *                           null to check nothing
 * @param languageCode the request's language
 */
public record LoadSettings(int streams, PreparedAudio audio, int passes, Pace pace, Duration ramp,
                           String expectedTranscript, String languageCode) {

    /** Checks the numbers. */
    public LoadSettings {
        if (streams < 1) {
            throw new IllegalArgumentException("--streams must be at least 1");
        }
        if (passes < 1) {
            throw new IllegalArgumentException("the audio must be sent at least once");
        }
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(pace, "pace");
        if (ramp.isNegative()) {
            throw new IllegalArgumentException("--ramp cannot be negative");
        }
    }

    /** Audio each stream sends, in seconds. */
    public double audioSecondsPerStream() {
        return passes * audio.passNanos() / 1e9;
    }
}
