package dev.riffle.emulator.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plays the segments of a timed script heard on one channel, by audio time alone: a segment opens when the
 * audio passes its start and closes, with its final result, when the audio reaches its end. A word shows once
 * the audio reaches its start, cut short until the audio reaches its end.
 */
final class TimedLane {

    private final ChannelLabel channel;
    private final List<ScriptSegment> segments;
    private final ResultIdGenerator ids;
    private int current;
    private String openId;

    /**
     * @param channel the channel the lane plays
     * @param segments its segments, in time order, not overlapping
     * @param ids gives each segment its id as it opens
     */
    TimedLane(ChannelLabel channel, List<ScriptSegment> segments, ResultIdGenerator ids) {
        this.channel = channel;
        this.segments = List.copyOf(segments);
        this.ids = ids;
    }

    /** The audio has reached {@code now}: opens what has started, closes what has ended. */
    void advance(double now, Consumer<SegmentDraft> closed) {
        while (current < segments.size() && now > segments.get(current).start()) {
            ScriptSegment segment = segments.get(current);
            if (openId == null) {
                openId = ids.next();
            }
            if (now < segment.end()) {
                return;
            }
            closed.accept(draft(segment, segment.words(), segment.end()));
            openId = null;
            current++;
        }
    }

    /** The open segment as heard at {@code now}, if a segment is open. */
    Optional<SegmentDraft> openSegment(double now) {
        if (openId == null) {
            return Optional.empty();
        }
        ScriptSegment segment = segments.get(current);
        List<TimedWord> said = new ArrayList<>();
        SpeakingWord speaking = null;
        for (TimedWord word : segment.words()) {
            if (word.end() <= now) {
                said.add(word);
            } else if (word.start() < now) {
                double heard = (now - word.start()) / (word.end() - word.start());
                speaking = new SpeakingWord(word.word(), word.start(), now, heard);
            }
        }
        return Optional.of(new SegmentDraft(openId, segment.start(), now, said, speaking,
                SegmentTraits.of(segment, channel)));
    }

    /**
     * The audio ends at {@code audioEnd}: the open segment closes with the words begun by then, a word being
     * said cut at the end of the audio. A segment in which no word had begun was never shown, and is dropped.
     */
    void finish(double audioEnd, Consumer<SegmentDraft> closed) {
        if (openId == null) {
            return;
        }
        ScriptSegment segment = segments.get(current);
        List<TimedWord> begun = new ArrayList<>();
        for (TimedWord word : segment.words()) {
            if (word.start() < audioEnd) {
                begun.add(word.end() <= audioEnd ? word : new TimedWord(word.word(), word.start(), audioEnd));
            }
        }
        if (!begun.isEmpty()) {
            double lastWordEnd = begun.get(begun.size() - 1).end();
            closed.accept(draft(segment, begun, Math.max(lastWordEnd, Math.min(segment.end(), audioEnd))));
        }
        openId = null;
        current = segments.size();
    }

    private SegmentDraft draft(ScriptSegment segment, List<TimedWord> words, double end) {
        return new SegmentDraft(openId, segment.start(), end, words, null, SegmentTraits.of(segment, channel));
    }
}
