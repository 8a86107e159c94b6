package dev.riffle.transport;

/**
 * The connection or the stream failed for a reason of transport, not because the service said no: a timeout, a
 * reset, a GOAWAY, a dropped connection, malformed data. The {@link Kind} says which.
 */
public class TransportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The TCP connection could not be made. */
        CONNECT_FAILED,
        /** The TCP connection, TLS handshake or HTTP/2 preface took longer than the connect timeout. */
        CONNECT_TIMEOUT,
        /** TLS failed: certificate, handshake, or the server would not speak HTTP/2. */
        TLS_FAILED,
        /** The service did not answer the request within the response timeout. */
        RESPONSE_TIMEOUT,
        /** Nothing was received for longer than the idle timeout, or a PING was not answered. */
        IDLE_TIMEOUT,
        /** After the end of input, the service did not end its response within the drain timeout. */
        DRAIN_TIMEOUT,
        /** The peer reset the stream (HTTP/2 RST_STREAM). */
        STREAM_RESET,
        /** The peer is shutting the connection down (HTTP/2 GOAWAY) and will not finish this stream. */
        GOAWAY,
        /** The connection closed before the stream ended. */
        CONNECTION_CLOSED,
        /** The peer sent something that is not valid HTTP/2, WebSocket or event-stream data. */
        PROTOCOL_ERROR,
        /** Too many bytes are already waiting to be sent; wait for the previous send to complete. */
        SEND_QUEUE_FULL,
        /** The stream is already ended or failed. */
        STREAM_CLOSED,
        /** The caller cancelled the stream. */
        CANCELLED
    }

    private final Kind kind;

    /** A failure of {@code kind}. */
    public TransportException(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    /** A failure of {@code kind} with its cause. */
    public TransportException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
