package dev.riffle.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One open duplex event stream. Methods may be called from any thread.
 *
 * <h2>Sending</h2>
 * {@link #send} takes one encoded event-stream message (for Transcribe an AudioEvent). The transport signs it (a
 * {@code :date}/{@code :chunk-signature} envelope chained from the request's signature) when it writes it to the
 * connection, not before, so that no signature goes stale in a queue. Messages are written only as the peer's
 * flow control allows; the returned stage completes when the message has been written, which is when the caller
 * should send the next one. Memory stays bounded: a transport holds at most a configured number of pending bytes
 * and fails a send beyond that at once rather than buffering without limit.
 *
 * <h2>Ending</h2>
 * {@link #end()} sends the end of input (the signed empty envelope, then the end of the request body); the
 * service then sends its last messages and ends the response, which completes {@link #closed()}. {@link
 * #cancel()} abandons the stream at once (HTTP/2 RST_STREAM, or a WebSocket close).
 */
public interface EventStream {

    /** The response that accepted the stream: status 200 (or 101) and its headers. */
    StreamResponse response();

    /**
     * Sends one encoded message.
     *
     * <p>Ownership: {@code message}'s remaining bytes are borrowed until the returned stage completes; do not
     * modify the buffer until then. Its position is not changed.
     *
     * @return completes when the message has been written; exceptionally if the stream has failed, has ended, or
     *     too many bytes are already pending ({@link TransportException.Kind#SEND_QUEUE_FULL})
     */
    CompletableFuture<Void> send(ByteBuffer message);

    /**
     * Sends one message made of {@code headers} and {@code payload}. The transport encodes it straight into its
     * own (pooled) buffer when it writes it, signs it there and sends it: the payload is copied once, into the
     * buffer that goes to the socket, and nothing is allocated for it. This is the hot path for audio.
     *
     * <p>Ownership: {@code headers} and {@code payload}'s remaining bytes are borrowed until the returned stage
     * completes; do not modify them until then. A constant header block can be shared by every send.
     *
     * @return as {@link #send(ByteBuffer)}
     */
    CompletableFuture<Void> send(dev.riffle.eventstream.HeaderBlock headers, ByteBuffer payload);

    /**
     * Ends the input: sends the signed empty envelope and ends the request. Idempotent.
     *
     * @return completes when the end has been written
     */
    CompletableFuture<Void> end();

    /** Abandons the stream now; {@link #closed()} completes exceptionally with a {@code CANCELLED} error. */
    void cancel();

    /**
     * How the stream ended: normally once the service has ended its response after the input ended; or
     * exceptionally with a {@link TransportException} (reset, GOAWAY, dropped connection, timeout, malformed
     * data). Listener calls all happen before this completes.
     */
    CompletableFuture<Void> closed();

    /**
     * Stops reading from the connection, so that the service is held back by flow control. Messages from a read
     * already under way may still reach the listener. While reading is paused, a reset or a closed connection does
     * not end the stream ahead of the messages that arrived before it: those are delivered after {@link
     * #resumeReading()}, and a response they complete ends the stream normally.
     */
    void pauseReading();

    /** Reads again after {@link #pauseReading()}. */
    void resumeReading();
}
