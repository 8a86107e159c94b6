package dev.riffle.transcribe.model;

/**
 * The service's {@code InternalFailureException} (HTTP 500). The service failed while processing. Retryable before
 * the stream started.
 */
public class InternalFailureException extends TranscribeServiceException {

    private static final long serialVersionUID = 1L;

    /** The error type name on the wire. */
    public static final String ERROR_TYPE = "InternalFailureException";

    /** With the service's message and the request id (either may be null). */
    public InternalFailureException(String message, String requestId) {
        super(ERROR_TYPE, message, requestId, 500);
    }
}
