package dev.riffle.transcribe.model;

/**
 * The service's {@code BadRequestException} (HTTP 400). One or more parameters were not valid, or the stream broke a
 * rule: audio too fast or too big, no audio for 15 seconds, a stale event signature. Never retryable.
 */
public class BadRequestException extends TranscribeServiceException {

    private static final long serialVersionUID = 1L;

    /** The error type name on the wire. */
    public static final String ERROR_TYPE = "BadRequestException";

    /** With the service's message and the request id (either may be null). */
    public BadRequestException(String message, String requestId) {
        super(ERROR_TYPE, message, requestId, 400);
    }
}
