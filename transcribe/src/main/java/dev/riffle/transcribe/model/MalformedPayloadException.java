package dev.riffle.transcribe.model;

/**
 * An event or error payload that is not the JSON the service model describes: not JSON at all, a member of the
 * wrong type, or a number beyond the range of a double. The message says what was expected, what was found, and
 * where (line and column).
 */
public class MalformedPayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message that says what and where. */
    public MalformedPayloadException(String message) {
        super(message);
    }

    /** With a message and the JSON parser's own complaint. */
    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
