package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.PiiEntityType;
import java.util.Objects;

/**
 * Personally identifiable information in a script segment: which of its words it covers and what kind it is.
 * Results report it (content identification) or replace it (content redaction) on the segment's final result
 * only (spec section 5.2).
 *
 * @param type the kind of PII; never {@link PiiEntityType#ALL}, which is a request's filter, not a kind
 * @param firstWord the index of its first word in the segment's words, from 0
 * @param lastWord the index of its last word, inclusive; not before {@code firstWord}
 * @param confidence the confidence reported with it, from 0 to 1
 */
public record ScriptEntity(PiiEntityType type, int firstWord, int lastWord, double confidence) {

    /** The confidence of an entity whose script gives none. */
    public static final double DEFAULT_CONFIDENCE = 0.99;

    /** Checks the components. */
    public ScriptEntity {
        Objects.requireNonNull(type, "type");
        if (type == PiiEntityType.ALL) {
            throw new IllegalArgumentException("ALL selects every type; an entity has one");
        }
        if (firstWord < 0 || lastWord < firstWord) {
            throw new IllegalArgumentException("an entity cannot cover words " + firstWord + " to " + lastWord);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not between 0 and 1");
        }
    }
}
