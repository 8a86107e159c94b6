package dev.riffle.emulator.transcript;

import java.util.List;
import java.util.function.Consumer;

/**
 * Plays a script over a stream's audio, one lane per channel with channel identification (each channel has its
 * own open segment, spec section 5.5) or a single lane for the whole audio.
 */
interface ScriptPlayback {

    /**
     * One frame of audio.
     *
     * @param start where the frame starts, in seconds
     * @param end where it ends
     * @param speechByLane whether each lane's audio holds speech in the frame; borrowed for the call
     * @param closed receives the segments that close in this frame, in lane order
     */
    void advance(double start, double end, boolean[] speechByLane, Consumer<SegmentDraft> closed);

    /** The open segments as heard at {@code now}, in lane order. */
    void openSegments(double now, Consumer<SegmentDraft> open);

    /** The audio ends at {@code audioEnd}: every open segment closes, in lane order. */
    void finish(double audioEnd, Consumer<SegmentDraft> closed);

    /**
     * The playback of {@code script} over lanes for {@code channels}.
     *
     * @param channels the lanes' channels, in order
     * @param rate the pace of plain words
     * @param pauseSeconds how much silence ends a segment of plain words
     * @param ids gives segments their ids
     */
    static ScriptPlayback of(TranscriptScript script, List<ChannelLabel> channels, SpeakingRate rate,
                             double pauseSeconds, ResultIdGenerator ids) {
        if (script instanceof PlainTextScript plain) {
            return new PacedPlayback(plain, channels, rate, pauseSeconds, ids);
        }
        return new TimedPlayback((TimedScript) script, channels, ids);
    }
}
