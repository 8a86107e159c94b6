package dev.riffle.cli.bench;

import dev.riffle.cli.Companions;
import dev.riffle.emulator.EmulatorConfig;
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

    /**
     * The most streams a run opens: each holds its own connection from this host to one endpoint, and TCP gives
     * one local address at most 65,535 ports to connect from. Also what keeps the per-stream buffers allocated up
     * front within a default heap.
     */
    public static final int MAX_STREAMS = 65_535;
    /**
     * The longest audio per stream, and the longest ramp, in seconds: the service's limit on one stream, 4 hours
     * ({@link EmulatorConfig#SERVICE_MAX_STREAM_DURATION}). It also bounds what a run holds per pass, such as the
     * expected transcript.
     */
    public static final double MAX_SECONDS = EmulatorConfig.SERVICE_MAX_STREAM_DURATION.toSeconds();
    /**
     * The longest expected transcript a run holds: 16 Mi characters, about 75 times four hours of speech at 150
     * words a minute.
     */
    static final long MAX_EXPECTED_CHARS = 16L << 20;

    /** Checks the numbers. */
    public LoadSettings {
        if (streams < 1 || streams > MAX_STREAMS) {
            throw new IllegalArgumentException("--streams must be 1 to " + MAX_STREAMS + " (one connection each), was "
                    + streams);
        }
        if (passes < 1) {
            throw new IllegalArgumentException("the audio must be sent at least once");
        }
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(pace, "pace");
        if (ramp.isNegative() || ramp.compareTo(Duration.ofSeconds((long) MAX_SECONDS)) > 0) {
            throw rampOutOfRange(ramp.toMillis() / 1e3);
        }
    }

    /**
     * {@code --ramp}: {@code seconds} as a duration.
     *
     * @throws IllegalArgumentException unless 0 to {@link #MAX_SECONDS}; NaN too, which would otherwise round to 0
     */
    public static Duration ramp(double seconds) {
        if (!(seconds >= 0 && seconds <= MAX_SECONDS)) {
            throw rampOutOfRange(seconds);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static IllegalArgumentException rampOutOfRange(double seconds) {
        return new IllegalArgumentException("--ramp must be 0 to " + (long) MAX_SECONDS + " seconds, was " + seconds);
    }

    /**
     * The workload of {@code riffle bench}: {@code file}, looped a whole number of times to last at least
     * {@code durationSeconds} (once if null), checked against {@code NAME.txt} beside it when there is one.
     * Every client measured against riffle's runs the workload this builds, so they send and check the same.
     *
     * @param file     the recording, as given (for its companion transcript)
     * @param prepared the recording, read
     * @param durationSeconds audio per stream, more than 0 and at most {@link #MAX_SECONDS}; null for one pass
     * @throws IllegalArgumentException if a number is out of range
     */
    public static LoadSettings forRecording(Path file, PreparedAudio prepared, Double durationSeconds, int streams,
                                            Pace pace, Duration ramp, String languageCode) {
        if (durationSeconds != null && !(durationSeconds > 0 && durationSeconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException("--duration must be more than 0 and at most " + (long) MAX_SECONDS
                    + " seconds (4 h, the service's longest stream), was " + durationSeconds);
        }
        int passes = durationSeconds == null ? 1
                : (int) Math.max(1, Math.ceil(durationSeconds * 1e9 / prepared.passNanos()));
        return new LoadSettings(streams, prepared, passes, pace, ramp, expectedTranscript(file, passes),
                languageCode);
    }

    /**
     * NAME.txt beside the audio, once per pass, whitespace collapsed; null if there is none.
     *
     * @throws IllegalArgumentException if that would be over {@link #MAX_EXPECTED_CHARS} characters (a long text
     *     beside a short recording), rather than running out of memory
     */
    private static String expectedTranscript(Path file, int passes) {
        Path text = Companions.beside(file, ".txt");
        if (!Files.isRegularFile(text)) {
            return null;
        }
        try {
            String once = StreamRun.normalize(Files.readString(text));
            if ((long) (once.length() + 1) * passes > MAX_EXPECTED_CHARS) {
                throw new IllegalArgumentException(text + " repeated for " + passes + " passes would be over "
                        + (MAX_EXPECTED_CHARS >> 20) + " Mi characters to check each stream against; shorten "
                        + "--duration");
            }
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
