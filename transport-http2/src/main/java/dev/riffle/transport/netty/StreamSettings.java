package dev.riffle.transport.netty;

import java.time.Duration;

/**
 * The timeouts and the send bound that every event stream of riffle's transports has, whatever carries it. Each
 * transport's settings record implements this, and adds what is its own.
 */
public interface StreamSettings {

    /** TCP connect and TLS handshake (and for HTTP/2 the connection preface). */
    Duration connectTimeout();

    /** From sending the request (or the WebSocket upgrade) to its answer. */
    Duration responseTimeout();

    /** A ping is sent after this long without receiving anything. */
    Duration pingInterval();

    /** A ping not answered in this time fails the stream ({@code IDLE_TIMEOUT}). */
    Duration pingTimeout();

    /** From the end of input to the service ending the stream ({@code DRAIN_TIMEOUT}). */
    Duration drainTimeout();

    /** Unsent message bytes held per stream; a send beyond fails at once ({@code SEND_QUEUE_FULL}). */
    int maxPendingBytes();
}
