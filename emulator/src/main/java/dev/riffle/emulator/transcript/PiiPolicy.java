package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.PiiEntityType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What happens to a script's PII entities (spec sections 3.4 and 5.2; AWS developer guide, "Redacting or
 * identifying PII in a real-time stream"): nothing without content identification or redaction; with either, the
 * entities of the requested types are listed in the final result's {@code Entities}; with redaction, their words
 * are replaced too. Only final results are touched: the service identifies and redacts PII once a segment is
 * complete, so partial results show the words as said.
 */
final class PiiPolicy {

    private static final PiiPolicy OFF = new PiiPolicy(PiiHandling.OFF, EnumSet.noneOf(PiiEntityType.class));

    private final PiiHandling mode;
    private final Set<PiiEntityType> types;

    private PiiPolicy(PiiHandling mode, Set<PiiEntityType> types) {
        this.mode = mode;
        this.types = types;
    }

    /**
     * PII handling in {@code mode} for {@code types}; an empty set, or one holding {@link PiiEntityType#ALL},
     * means every type, as does a request without {@code pii-entity-types}.
     */
    static PiiPolicy of(PiiHandling mode, Set<PiiEntityType> types) {
        if (mode == PiiHandling.OFF) {
            return OFF;
        }
        boolean everyType = types.isEmpty() || types.contains(PiiEntityType.ALL);
        return new PiiPolicy(mode, everyType ? EnumSet.allOf(PiiEntityType.class) : EnumSet.copyOf(types));
    }

    /** Whether the entities' words are replaced. */
    boolean redacts() {
        return mode == PiiHandling.REDACT;
    }

    /** The entities this policy acts on among {@code entities} of a segment holding {@code wordCount} words. */
    List<ScriptEntity> select(List<ScriptEntity> entities, int wordCount) {
        if (mode == PiiHandling.OFF) {
            return List.of();
        }
        return entities.stream()
                .filter(entity -> types.contains(entity.type()) && entity.lastWord() < wordCount)
                .toList();
    }

    /**
     * What replaces an entity's words: its type in brackets, {@code [NAME]}, as in the developer guide's example of
     * redacted streaming output (its prose says {@code [PII]}, but the example output names the type).
     */
    static String redactedContent(PiiEntityType type) {
        return "[" + type.wireValue() + "]";
    }
}
