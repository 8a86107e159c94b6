package dev.riffle.transcribe.model;

import java.util.Optional;

/**
 * A word or punctuation mark of an {@link Alternative}.
 *
 * @param startTime seconds since the stream started
 * @param endTime seconds since the stream started; a punctuation mark's equals its start
 * @param type {@code pronunciation} or {@code punctuation} as on the wire (a string, so that a type the model adds
 *             later still reads; see {@link #itemType()}); null if absent
 * @param content the word or mark; null if absent
 * @param vocabularyFilterMatch whether the word matched the vocabulary filter (with the {@code tag} method)
 * @param speaker the speaker label with speaker labels on (an opaque string such as {@code "0"}); null otherwise
 * @param confidence from 0 to 1; null if absent (it is reliable only on final results)
 * @param stable with partial-results stabilization, whether the word can no longer change; null without it
 */
public record Item(double startTime, double endTime, String type, String content, boolean vocabularyFilterMatch,
                   String speaker, Double confidence, Boolean stable) {

    /** The type as an {@link ItemType}; empty when absent or unknown. */
    public Optional<ItemType> itemType() {
        return ItemType.find(type);
    }

    /** Whether this is a punctuation mark, which is written without a space before it. */
    public boolean isPunctuation() {
        return ItemType.PUNCTUATION.wireValue().equals(type);
    }
}
