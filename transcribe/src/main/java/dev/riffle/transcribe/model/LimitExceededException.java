package dev.riffle.transcribe.model;

/**
 * The service's {@code LimitExceededException} (HTTP 429). A quota was exceeded: concurrent streams or their start
 * rate before the stream, the maximum stream duration (4 hours) inside it. Retryable with backoff before the stream
 * started.
 */
public class LimitExceededException extends TranscribeServiceException {

    private static final long serialVersionUID = 1L;

    /** The error type name on the wire. */
    public static final String ERROR_TYPE = "LimitExceededException";

    /** With the service's message and the request id (either may be null). */
    public LimitExceededException(String message, String requestId) {
        super(ERROR_TYPE, message, requestId, 429);
    }
}
