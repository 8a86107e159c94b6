package dev.riffle.transcribe.model;

import java.util.Optional;

/**
 * Any failure of a Transcribe stream: one the service reported ({@link TranscribeServiceException} and its
 * subclasses) or one of the connection ({@link TranscribeTransportException}).
 *
 * <p>{@link #getMessage()} reads {@code BadRequestException: <the service's message> (request id: <id>)}, so a log
 * line keeps the service's own words and the id AWS support asks for.
 */
public abstract class TranscribeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final String errorMessage;
    private final String requestId;
    private final int httpStatus;

    /**
     * @param errorType    the error's type name, such as {@code BadRequestException}
     * @param errorMessage the service's text, or a description of the transport failure; may be null
     * @param requestId    the request id, if known; may be null
     * @param httpStatus   the HTTP status the model gives the error, or 0 if there is none
     * @param cause        the underlying failure; may be null
     */
    protected TranscribeException(String errorType, String errorMessage, String requestId, int httpStatus,
                                  Throwable cause) {
        super(describe(errorType, errorMessage, requestId), cause);
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.httpStatus = httpStatus;
    }

    /** The error's type name, as the service names it ({@code LimitExceededException}). */
    public String errorType() {
        return errorType;
    }

    /** The service's message text, verbatim (or the transport failure's description); may be null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The id of the request that failed, if known. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * The HTTP status of the error: the status of the error response before the stream started, or, for an error
     * inside the stream (which arrives after a 200), the status the model gives its type, as the AWS Java SDK
     * keeps it. 0 when there is none (transport failures, unknown types inside the stream).
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Whether sending the same request again may succeed, <em>if this error ended the attempt before the stream
     * started</em>: true for 429 (too many streams), 500 and 503. An error inside the stream is never retryable,
     * whatever its type: audio has been sent and results received, and a new stream would transcribe from
     * nothing. Only the caller knows whether the stream had started, so the rule is
     * {@code retry = !streamStarted && e.isRetryable()}.
     */
    public boolean isRetryable() {
        return httpStatus == 429 || httpStatus == 500 || httpStatus == 503;
    }

    private static String describe(String errorType, String errorMessage, String requestId) {
        StringBuilder message = new StringBuilder(errorType);
        if (errorMessage != null) {
            message.append(": ").append(errorMessage);
        }
        if (requestId != null) {
            message.append(" (request id: ").append(requestId).append(')');
        }
        return message.toString();
    }
}
