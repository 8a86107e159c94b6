package dev.riffle.transcribe;

import dev.riffle.transcribe.model.TranscribeException;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.nio.ByteBuffer;

/**
 * Receives a transcription's results in the handler style of the Python SDK: one call per event, then exactly one
 * of {@link #handleError} or {@link #handleCompletion}.
 *
 * <p>Calls come in order, never concurrently, on the transport's I/O thread: do not block in them. For
 * backpressure and another thread, use {@link TranscriptionStream#events()} instead.
 */
public interface TranscriptResultStreamHandler {

    /** One TranscriptEvent (partial and final results, or empty results during silence). */
    void handleTranscriptEvent(TranscriptEvent event);

    /**
     * The JSON of the TranscriptEvent about to be given to {@link #handleTranscriptEvent}, exactly as the service
     * sent it, for callers that record or relay the service's own bytes (members this model does not know
     * included). Does nothing unless overridden.
     *
     * <p>Ownership: {@code json} is a read-only view of the transport's buffer, valid only during the call; copy
     * what must outlive it.
     */
    default void handleTranscriptEventJson(ByteBuffer json) {
    }

    /** The stream failed: a service exception (mid-stream), or a transport failure. */
    default void handleError(TranscribeException error) {
    }

    /** The service ended the stream normally, after the end of input. */
    default void handleCompletion() {
    }
}
