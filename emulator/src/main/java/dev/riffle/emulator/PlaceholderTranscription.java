package dev.riffle.emulator;

import dev.riffle.transcribe.model.Transcript;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Empty results every half second of audio: what the service sends for silence (spec 3.4). */
final class PlaceholderTranscription implements Transcription {

    private static final double CADENCE = 0.5;
    private double next = CADENCE;

    @Override
    public List<TranscriptEvent> accept(ByteBuffer pcm, double audioSeconds) {
        List<TranscriptEvent> out = new ArrayList<>();
        while (audioSeconds >= next) {
            out.add(new TranscriptEvent(new Transcript(List.of())));
            next += CADENCE;
        }
        return out;
    }

    @Override
    public List<TranscriptEvent> finish() {
        return List.of();
    }
}
