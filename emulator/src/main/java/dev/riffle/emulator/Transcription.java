package dev.riffle.emulator;

import dev.riffle.transcribe.model.TranscriptEvent;
import java.nio.ByteBuffer;
import java.util.List;

/** What a session asks of the transcript engine: events as audio arrives, and the last ones at the end. */
interface Transcription {

    /**
     * Audio arrived and the stream reached {@code audioSeconds}.
     *
     * @param pcm the new samples for PCM (borrowed for the call), or null for container formats
     * @return the events now due, in order
     */
    List<TranscriptEvent> accept(ByteBuffer pcm, double audioSeconds);

    /** The input ended: the events that finalize what is open. */
    List<TranscriptEvent> finish();
}
