package dev.riffle.emulator.transcript;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays a plain-word script: the lanes share one queue of words, so that whichever channel speaks says the next
 * words (a conversation over two channels takes turns through the text). At the end of the audio, the words
 * never said go to the lane that spoke last.
 */
final class PacedPlayback implements ScriptPlayback {

    /** An open segment is the one the leftover words continue; otherwise the latest to speak takes them. */
    private static final Comparator<PacedLane> MOST_RECENT = Comparator.comparing(PacedLane::isOpen)
            .thenComparingDouble(PacedLane::lastActivity);

    private final List<PacedLane> lanes;

    PacedPlayback(PlainTextScript script, List<ChannelLabel> channels, SpeakingRate rate, double pauseSeconds,
                  ResultIdGenerator ids) {
        WordQueue words = new WordQueue(script.words());
        this.lanes = channels.stream()
                .map(channel -> new PacedLane(channel, words, rate, pauseSeconds, ids))
                .toList();
    }

    @Override
    public void advance(double start, double end, boolean[] speechByLane, Consumer<SegmentDraft> closed) {
        for (int lane = 0; lane < lanes.size(); lane++) {
            lanes.get(lane).advance(start, end, speechByLane[lane], closed);
        }
    }

    @Override
    public void openSegments(double now, Consumer<SegmentDraft> open) {
        for (PacedLane lane : lanes) {
            lane.openSegment(now).ifPresent(open);
        }
    }

    @Override
    public void finish(double audioEnd, Consumer<SegmentDraft> closed) {
        PacedLane heir = lanes.stream().reduce((best, lane) -> MOST_RECENT.compare(lane, best) > 0 ? lane : best)
                .orElseThrow();
        for (PacedLane lane : lanes) {
            lane.finish(audioEnd, lane == heir, closed);
        }
    }
}
