package dev.riffle.cli.transcribe;

import dev.riffle.transcribe.model.TranscriptEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Where one {@code --output} format puts a transcription. A run calls a printer from the transport's thread (the
 * events) and the audio sender's (progress), never two calls at once.
 */
interface TranscriptPrinter {

    /** The service's JSON of the event about to be given to {@link #event}; borrowed for the call only. */
    default void eventJson(ByteBuffer json) throws IOException {
    }

    /**
     * One TranscriptEvent.
     *
     * @param latency how long after the audio at the end of the event's last result was sent the event came;
     *                null if the event has no results
     */
    void event(TranscriptEvent event, Duration latency) throws IOException;

    /** Audio up to {@code audioSent} has been sent. */
    default void audioSent(Duration audioSent) throws IOException {
    }

    /** The stream is over, however it ended: write what is still held, and leave the terminal clean. */
    void finish() throws IOException;
}
