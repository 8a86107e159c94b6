package dev.riffle.transport;

import java.util.concurrent.CompletableFuture;

/**
 * Opens duplex event streams: one signed request, messages both ways, an end. Implementations: the Netty HTTP/2
 * transport ({@code transport-http2}) and the presigned-WebSocket transport ({@code transport-websocket}).
 *
 * <p>A transport may own threads and connections; {@link #close()} releases them. Streams still open are
 * cancelled.
 */
public interface EventStreamTransport extends AutoCloseable {

    /**
     * Connects, signs and sends the request, and waits for the service to accept it (HTTP/2 response headers, or
     * the WebSocket upgrade).
     *
     * @param request  what to open
     * @param listener receives the decoded messages of the response stream, on the transport's I/O thread
     * @return completes with the open stream; or exceptionally with {@link StreamRejectedException} if the
     *     service answered with an error status, or {@link TransportException} if the connection failed or timed
     *     out. Never hangs: every step has a timeout.
     */
    CompletableFuture<EventStream> open(StreamRequest request, EventStreamListener listener);

    /** Cancels open streams and releases what this transport owns. */
    @Override
    void close();
}
