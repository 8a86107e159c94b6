package dev.riffle.emulator.transcript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A script of segments with word timings ({@code .json}, read by {@link JsonScriptReader}): results follow its
 * timings, whatever the audio holds, and audio past its last segment gets events without results.
 *
 * @param source where the script came from, for messages
 * @param segments the segments in the order written; those on one channel are in time order and do not overlap
 */
public record TimedScript(String source, List<ScriptSegment> segments) implements TranscriptScript {

    /** Copies the list. */
    public TimedScript {
        Objects.requireNonNull(source, "source");
        segments = List.copyOf(segments);
    }

    /**
     * This script played again every {@code period} of audio, up to {@code until}: for audio that is a recording
     * looped (a load test sends one sample over and over), so that every pass has its transcript.
     *
     * @throws IllegalArgumentException if a segment ends after {@code period}: the passes would overlap
     */
    public TimedScript repeatedEvery(Duration period, Duration until) {
        double seconds = period.toNanos() / 1e9;
        double last = segments.stream().mapToDouble(ScriptSegment::end).max().orElse(0);
        if (!(seconds > 0) || last > seconds) {
            throw new IllegalArgumentException("a script repeated every " + seconds + " s must end by then; "
                    + source + " ends at " + last + " s");
        }
        List<ScriptSegment> repeated = new ArrayList<>();
        for (int pass = 0; pass * seconds < until.toNanos() / 1e9; pass++) {
            for (ScriptSegment segment : segments) {
                repeated.add(segment.shiftedBy(pass * seconds));
            }
        }
        return new TimedScript(source + " (repeated every " + seconds + " s)", repeated);
    }

    /** The segments heard on {@code channel}, in time order: what one channel-identified stream lane plays. */
    public List<ScriptSegment> segmentsOn(ChannelLabel channel) {
        return segments.stream().filter(segment -> segment.channel() == channel).toList();
    }

    /**
     * Every segment in order of start time, whatever its channel: what a stream without channel identification
     * plays, as the service transcribes such audio as one stream (spec section 5.5).
     */
    public List<ScriptSegment> segmentsByStart() {
        return segments.stream().sorted(Comparator.comparingDouble(ScriptSegment::start)).toList();
    }
}
