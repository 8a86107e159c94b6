package dev.riffle.transcribe.model;

/**
 * The service refused the caller's identity or permissions (HTTP 403), before the stream or at the WebSocket
 * handshake. {@link #errorType()} says which of the AWS-wide types it was, and so what to fix:
 * {@code InvalidSignatureException} (wrong secret, or a clock more than 5 minutes off),
 * {@code UnrecognizedClientException} (unknown access key), {@code ExpiredTokenException} (refresh the
 * credentials), {@code AccessDeniedException} (IAM), {@code MissingAuthenticationTokenException} (unsigned).
 * Never retryable as is: the same credentials fail the same way.
 */
public class ForbiddenException extends TranscribeServiceException {

    private static final long serialVersionUID = 1L;

    /** With the AWS error type, the service's message and the request id (the last two may be null). */
    public ForbiddenException(String errorType, String message, String requestId) {
        super(errorType, message, requestId, 403);
    }
}
