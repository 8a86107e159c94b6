package dev.riffle.emulator.transcript;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays a plain-word script: the lanes share one queue of words, as one conversation, and take turns through
 * it. A channel that speaks opens a segment only while no other has one open, so a sentence is said by one
 * channel, not split between two talking at once; when both start together, the one that spoke least recently
 * goes first. (FLAC and Ogg audio, all speech on both channels, thus alternates sentences between them.) At the
 * end of the audio, the words never said go to the lane that spoke last.
 */
final class PacedPlayback implements ScriptPlayback {

    /** An open segment is the one the leftover words continue; otherwise the latest to speak takes them. */
    private static final Comparator<PacedLane> MOST_RECENT = Comparator.comparing(PacedLane::isOpen)
            .thenComparingDouble(PacedLane::lastActivity);

    private static final int NOBODY = -1;

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
        int floor = nextToSpeak(speechByLane);
        for (int lane = 0; lane < lanes.size(); lane++) {
            lanes.get(lane).advance(start, end, speechByLane[lane], lane == floor, closed);
        }
    }

    /**
     * The lane that may open a segment in this frame: none while a segment is open; otherwise, of the lanes
     * speaking, the one that spoke least recently, so that two channels talking on take turns.
     */
    private int nextToSpeak(boolean[] speechByLane) {
        int chosen = NOBODY;
        for (int lane = 0; lane < lanes.size(); lane++) {
            PacedLane candidate = lanes.get(lane);
            if (candidate.isOpen()) {
                return NOBODY;
            }
            if (speechByLane[lane]
                    && (chosen == NOBODY || candidate.lastActivity() < lanes.get(chosen).lastActivity())) {
                chosen = lane;
            }
        }
        return chosen;
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
