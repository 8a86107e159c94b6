package dev.riffle.transcribe.model;

/**
 * An error the service reported: as an HTTP error response before the stream started, or as an exception message
 * inside it. This class itself stands for types the model does not name ({@code SerializationException},
 * {@code ThrottlingException}, ...) and keeps their type name; the modeled ones have subclasses.
 * {@link TranscribeExceptions#fromService} picks the class.
 */
public class TranscribeServiceException extends TranscribeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorType  the type name, without namespace or {@code :}-suffix
     * @param message    the service's text; may be null
     * @param requestId  the request id; may be null
     * @param httpStatus the HTTP status, or 0 if unknown
     */
    public TranscribeServiceException(String errorType, String message, String requestId, int httpStatus) {
        super(errorType, message, requestId, httpStatus, null);
    }
}
