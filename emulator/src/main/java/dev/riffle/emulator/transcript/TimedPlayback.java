package dev.riffle.emulator.transcript;

import java.util.List;
import java.util.function.Consumer;

/**
 * Plays a timed script: with one lane per channel, each lane plays the segments of its channel; with a single
 * lane, it plays every segment whatever its channel, as the service transcribes audio without channel
 * identification as one stream. Speech in the audio does not matter: the script's timings do.
 */
final class TimedPlayback implements ScriptPlayback {

    private final List<TimedLane> lanes;

    TimedPlayback(TimedScript script, List<ChannelLabel> channels, ResultIdGenerator ids) {
        this.lanes = channels.size() == 1
                ? List.of(new TimedLane(channels.get(0), script.segmentsByStart(), ids))
                : channels.stream().map(channel -> new TimedLane(channel, script.segmentsOn(channel), ids)).toList();
    }

    @Override
    public void advance(double start, double end, boolean[] speechByLane, Consumer<SegmentDraft> closed) {
        for (TimedLane lane : lanes) {
            lane.advance(end, closed);
        }
    }

    @Override
    public void openSegments(double now, Consumer<SegmentDraft> open) {
        for (TimedLane lane : lanes) {
            lane.openSegment(now).ifPresent(open);
        }
    }

    @Override
    public void finish(double audioEnd, Consumer<SegmentDraft> closed) {
        for (TimedLane lane : lanes) {
            lane.finish(audioEnd, closed);
        }
    }
}
