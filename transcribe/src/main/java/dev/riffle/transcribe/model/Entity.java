package dev.riffle.transcribe.model;

/**
 * Personally identifiable information found in an {@link Alternative}.
 *
 * @param startTime seconds since the stream started
 * @param endTime seconds since the stream started
 * @param category {@code PII}; null if absent
 * @param type the kind of PII, such as {@code NAME} (see {@link PiiEntityType}); null if absent
 * @param content the words, redacted or not; null if absent
 * @param confidence from 0 to 1; null if absent
 */
public record Entity(double startTime, double endTime, String category, String type, String content,
                     Double confidence) {
}
