package dev.riffle.emulator.transcript;

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
