package dev.riffle.transcribe.model;

import java.util.List;
import java.util.Objects;

/**
 * One transcription of a {@link Result}.
 *
 * @param transcript the text; null if absent
 * @param items the words and punctuation, in order; never null
 * @param entities the PII found, on final results with content identification or redaction; never null
 */
public record Alternative(String transcript, List<Item> items, List<Entity> entities) {

    /** Copies the lists; null reads as empty. */
    public Alternative {
        items = List.copyOf(Objects.requireNonNullElse(items, List.of()));
        entities = List.copyOf(Objects.requireNonNullElse(entities, List.of()));
    }
}
