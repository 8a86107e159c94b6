package dev.riffle.transcribe.model;

import java.util.List;
import java.util.Optional;

/**
 * Content identification: label PII in the transcript ({@code x-amzn-transcribe-content-identification-type}).
 * Cannot be combined with {@link ContentRedactionType}.
 */
public enum ContentIdentificationType implements WireEnum {
    /** Personally identifiable information. */
    PII("PII");

    private static final WireLookup<ContentIdentificationType> LOOKUP =
            new WireLookup<>(ContentIdentificationType.class, "content identification type");

    private final String wireValue;

    ContentIdentificationType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent on the wire. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant for {@code wireValue} (exact, case included); an unknown value fails with the valid ones. */
    public static ContentIdentificationType fromWireValue(String wireValue) {
        return LOOKUP.parse(wireValue);
    }

    /** The constant for {@code wireValue}, or empty if the model does not list it. */
    public static Optional<ContentIdentificationType> find(String wireValue) {
        return LOOKUP.find(wireValue);
    }

    /** Every wire value, in the model's order. */
    public static List<String> wireValues() {
        return LOOKUP.wireValues();
    }
}
