package dev.riffle.transcribe.model;

import java.util.List;
import java.util.Optional;

/**
 * Content redaction: replace PII in the transcript ({@code x-amzn-transcribe-content-redaction-type}). Cannot be
 * combined with {@link ContentIdentificationType}.
 */
public enum ContentRedactionType implements WireEnum {
    /** Personally identifiable information. */
    PII("PII");

    private static final WireLookup<ContentRedactionType> LOOKUP =
            new WireLookup<>(ContentRedactionType.class, "content redaction type");

    private final String wireValue;

    ContentRedactionType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent on the wire. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant for {@code wireValue} (exact, case included); an unknown value fails with the valid ones. */
    public static ContentRedactionType fromWireValue(String wireValue) {
        return LOOKUP.parse(wireValue);
    }

    /** The constant for {@code wireValue}, or empty if the model does not list it. */
    public static Optional<ContentRedactionType> find(String wireValue) {
        return LOOKUP.find(wireValue);
    }

    /** Every wire value, in the model's order. */
    public static List<String> wireValues() {
        return LOOKUP.wireValues();
    }
}
