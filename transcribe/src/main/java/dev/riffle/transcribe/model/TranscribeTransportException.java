package dev.riffle.transcribe.model;

/**
 * The connection failed, not the service: refused, reset, closed mid-stream, a timeout, a TLS or HTTP/2 protocol
 * error. It carries no HTTP status; the request id is there if the response headers had arrived.
 *
 * <p>{@link #isRetryable()} is false: whether to reconnect after a transport failure is the session's decision
 * (resume within the session's resume window, or start anew), not a retry of the same request.
 */
public class TranscribeTransportException extends TranscribeException {

    private static final long serialVersionUID = 1L;

    /** What {@link #errorType()} says for every transport failure. */
    public static final String ERROR_TYPE = "TransportFailure";

    /**
     * @param message   what failed, for example "connection reset after 12.5 s of streaming"
     * @param requestId the request id if the response headers had arrived; may be null
     * @param cause     the underlying exception; may be null
     */
    public TranscribeTransportException(String message, String requestId, Throwable cause) {
        super(ERROR_TYPE, message, requestId, 0, cause);
    }

    /** Always false; see the class comment. */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
