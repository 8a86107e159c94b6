package dev.riffle.transcribe;

import dev.riffle.transcribe.model.StartStreamTranscriptionResponse;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One open transcription: audio in, transcript events out.
 *
 * <p>Audio goes in with {@link #sendAudio}, each call one AudioEvent signed when it is written; wait for the
 * returned stage before sending the next (it completes when the transport can take more). Keep each event between
 * 50 and 200 ms of audio and never over 1 s (the service answers "Your stream is too big" otherwise);
 * {@link AudioStreamer} does this for files and input streams. {@link #end()} ends the input; the service then
 * sends its last finals and ends the stream, which completes {@link #completion()}.
 *
 * <p>Methods may be called from any thread.
 */
public interface TranscriptionStream {

    /** The response that accepted the stream: request id, session id, and the settings the service echoed. */
    StartStreamTranscriptionResponse response();

    /**
     * Sends audio as one AudioEvent: raw PCM (16-bit little-endian), or FLAC / Ogg Opus container bytes, as the
     * request's media encoding says.
     *
     * <p>Ownership: {@code audio}'s remaining bytes are borrowed until the returned stage completes.
     *
     * @throws IllegalArgumentException if PCM audio is longer than 1 s at the request's rate and channels
     */
    CompletableFuture<Void> sendAudio(ByteBuffer audio);

    /** Ends the input (the signed empty frame). Idempotent. */
    CompletableFuture<Void> end();

    /** Abandons the stream now; {@link #completion()} fails with a transport exception. */
    void cancel();

    /**
     * The events, for one subscriber, with backpressure: while the subscriber is behind, the transport stops
     * reading, and the service is held back by flow control. Events that arrive before the subscription are
     * buffered (boundedly, by the same mechanism). Not available when the stream was started with a
     * {@link TranscriptResultStreamHandler}.
     */
    Flow.Publisher<TranscriptEvent> events();

    /**
     * Completes when the stream ends, after a {@link TranscriptResultStreamHandler}'s last call (so whoever waits
     * on it has seen every result). With {@link #events()}, the subscriber is served on the client's executor and
     * may still be receiving the last events when this completes: wait for its {@code onComplete} or
     * {@code onError} instead. Normally after the service's last events, or exceptionally with a
     * {@link dev.riffle.transcribe.model.TranscribeException}: a modeled service exception sent mid-stream
     * ({@code BadRequestException}, {@code LimitExceededException}, ...) or a
     * {@link dev.riffle.transcribe.model.TranscribeTransportException}.
     */
    CompletableFuture<Void> completion();
}
