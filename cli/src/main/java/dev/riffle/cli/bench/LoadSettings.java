package dev.riffle.cli.bench;

import dev.riffle.cli.Companions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
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

    /**
     * The workload of {@code riffle bench}: {@code file}, looped a whole number of times to last at least
     * {@code durationSeconds} (once if null), checked against {@code NAME.txt} beside it when there is one.
     * Every client measured against riffle's runs the workload this builds, so they send and check the same.
     *
     * @param file     the recording, as given (for its companion transcript)
     * @param prepared the recording, read
     * @throws IllegalArgumentException if a number is out of range
     */
    public static LoadSettings forRecording(Path file, PreparedAudio prepared, Double durationSeconds, int streams,
                                            Pace pace, Duration ramp, String languageCode) {
        int passes = durationSeconds == null ? 1
                : (int) Math.max(1, Math.ceil(durationSeconds * 1e9 / prepared.passNanos()));
        return new LoadSettings(streams, prepared, passes, pace, ramp, expectedTranscript(file, passes),
                languageCode);
    }

    /** NAME.txt beside the audio, once per pass, whitespace collapsed; null if there is none. */
    private static String expectedTranscript(Path file, int passes) {
        Path text = Companions.beside(file, ".txt");
        if (!Files.isRegularFile(text)) {
            return null;
        }
        try {
            String once = StreamRun.normalize(Files.readString(text));
            return String.join(" ", Collections.nCopies(passes, once));
        } catch (IOException e) {
            return null; // unreadable: the run checks nothing rather than failing every stream
        }
    }

    /** Audio each stream sends, in seconds. */
    public double audioSecondsPerStream() {
        return passes * audio.passNanos() / 1e9;
    }
}
