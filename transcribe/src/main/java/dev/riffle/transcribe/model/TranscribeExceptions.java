package dev.riffle.transcribe.model;

import java.util.Set;

/**
 * Turns what the service sent about an error into the matching exception, the same way before the stream (an
 * HTTP error response: {@code x-amzn-errortype} header, JSON body) and inside it (an exception message:
 * {@code :exception-type} header, JSON payload).
 */
public final class TranscribeExceptions {

    /** The error type when nothing names one. */
    public static final String UNKNOWN_ERROR_TYPE = "UnknownError";

    /** The AWS-wide 403 types (spec section 2.6), all {@link ForbiddenException}s. */
    private static final Set<String> FORBIDDEN_TYPES = Set.of("InvalidSignatureException",
            "UnrecognizedClientException", "ExpiredTokenException", "AccessDeniedException",
            "MissingAuthenticationTokenException", "MissingAuthenticationToken");

    private TranscribeExceptions() {
    }

    /**
     * The exception for an error of type {@code errorType}: a modeled subclass with the model's status, a
     * {@link ForbiddenException} for the AWS 403 types, or a {@link TranscribeServiceException} that keeps an
     * unknown type's name and {@code httpStatus}.
     *
     * @param errorType  as sent; a {@code :}-suffix ({@code x-amzn-errortype} may carry one) and a
     *                   {@code namespace#} prefix (a body's {@code __type}) are stripped; null: unknown
     * @param message    the service's text; may be null
     * @param requestId  the request id; may be null
     * @param httpStatus the response's status before the stream; inside the stream, 0 (modeled types get
     *                   their model status regardless)
     */
    public static TranscribeServiceException fromService(String errorType, String message, String requestId,
                                                         int httpStatus) {
        String type = normalize(errorType);
        return switch (type) {
            case BadRequestException.ERROR_TYPE -> new BadRequestException(message, requestId);
            case ConflictException.ERROR_TYPE -> new ConflictException(message, requestId);
            case LimitExceededException.ERROR_TYPE -> new LimitExceededException(message, requestId);
            case InternalFailureException.ERROR_TYPE -> new InternalFailureException(message, requestId);
            case ServiceUnavailableException.ERROR_TYPE -> new ServiceUnavailableException(message, requestId);
            default -> FORBIDDEN_TYPES.contains(type) ? new ForbiddenException(type, message, requestId)
                    : new TranscribeServiceException(type, message, requestId, httpStatus);
        };
    }

    /**
     * The exception for an HTTP error response, found as restJson1 clients find it: the type from the
     * {@code x-amzn-errortype} header, else from the body's {@code __type} or {@code code}.
     *
     * @param errorTypeHeader the {@code x-amzn-errortype} header; may be null
     * @param body            the parsed body (see {@link ExceptionPayloadJson})
     */
    public static TranscribeServiceException fromErrorResponse(String errorTypeHeader, ExceptionPayload body,
                                                                String requestId, int httpStatus) {
        String errorType = bareType(errorTypeHeader).isEmpty() ? body.errorType() : errorTypeHeader;
        return fromService(errorType, body.message(), requestId, httpStatus);
    }

    /** The bare type name: no {@code :}-suffix, no {@code namespace#} prefix; {@link #UNKNOWN_ERROR_TYPE} if none. */
    static String normalize(String errorType) {
        String type = bareType(errorType);
        return type.isEmpty() ? UNKNOWN_ERROR_TYPE : type;
    }

    /** The type name without suffix, prefix and surrounding blanks; empty if nothing is left or there is none. */
    private static String bareType(String errorType) {
        if (errorType == null) {
            return "";
        }
        String type = errorType;
        int colon = type.indexOf(':');
        if (colon >= 0) {
            type = type.substring(0, colon);
        }
        return stripBlanks(type.substring(type.lastIndexOf('#') + 1));
    }

    /**
     * {@code text} without leading and trailing whitespace and control characters. {@link String#trim()} knows
     * only ASCII ones and {@link String#strip()} no controls; a peer's header or body may hold either, such as an
     * em space (U+2003) that would otherwise become a blank type name.
     */
    private static String stripBlanks(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }
}
