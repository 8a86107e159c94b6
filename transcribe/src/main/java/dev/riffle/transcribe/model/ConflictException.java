package dev.riffle.transcribe.model;

/**
 * The service's {@code ConflictException} (HTTP 409). A stream with the same session id started elsewhere: the model
 * says the older stream ends, users have seen the newer one refused.
 */
public class ConflictException extends TranscribeServiceException {

    private static final long serialVersionUID = 1L;

    /** The error type name on the wire. */
    public static final String ERROR_TYPE = "ConflictException";

    /** With the service's message and the request id (either may be null). */
    public ConflictException(String message, String requestId) {
        super(ERROR_TYPE, message, requestId, 409);
    }
}
