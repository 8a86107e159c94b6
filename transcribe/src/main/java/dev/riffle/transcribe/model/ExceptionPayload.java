package dev.riffle.transcribe.model;

/**
 * The JSON body of an error: a pre-stream HTTP error response, or the payload of an exception message inside the
 * stream. Both carry {@code {"Message": "..."}}; restJson1 error bodies may also name the error type.
 *
 * @param errorType the type named in the body ({@code __type}, else {@code code}), as written there (possibly
 *                  with a namespace or a {@code :}-suffix; {@link TranscribeExceptions} strips them); null if
 *                  absent, as it is in Transcribe's own errors, whose type travels in a header
 * @param message the human-readable text; null if absent
 */
public record ExceptionPayload(String errorType, String message) {
}
