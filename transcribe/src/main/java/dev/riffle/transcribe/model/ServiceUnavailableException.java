package dev.riffle.transcribe.model;

/**
 * The service's {@code ServiceUnavailableException} (HTTP 503). The service is unavailable. Retryable before the
 * stream started.
 */
public class ServiceUnavailableException extends TranscribeServiceException {

    private static final long serialVersionUID = 1L;

    /** The error type name on the wire. */
    public static final String ERROR_TYPE = "ServiceUnavailableException";

    /** With the service's message and the request id (either may be null). */
    public ServiceUnavailableException(String message, String requestId) {
        super(ERROR_TYPE, message, requestId, 503);
    }
}
