package dev.riffle.transcribe.model;

import java.util.List;
import java.util.Optional;

/**
 * What an {@link Item} of a transcript is: a spoken word or a punctuation mark.
 */
public enum ItemType implements WireEnum {
    /** A spoken word. */
    PRONUNCIATION("pronunciation"),
    /** A punctuation mark; its timing is zero-length. */
    PUNCTUATION("punctuation");

    private static final WireLookup<ItemType> LOOKUP = new WireLookup<>(ItemType.class, "item type");

    private final String wireValue;

    ItemType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent on the wire. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant for {@code wireValue} (exact, case included); an unknown value fails with the valid ones. */
    public static ItemType fromWireValue(String wireValue) {
        return LOOKUP.parse(wireValue);
    }

    /** The constant for {@code wireValue}, or empty if the model does not list it. */
    public static Optional<ItemType> find(String wireValue) {
        return LOOKUP.find(wireValue);
    }

    /** Every wire value, in the model's order. */
    public static List<String> wireValues() {
        return LOOKUP.wireValues();
    }
}
