package dev.riffle.transcribe.model;

import java.util.List;
import java.util.Optional;

/**
 * What the service does with words of a vocabulary filter ({@code x-amzn-transcribe-vocabulary-filter-method}).
 */
public enum VocabularyFilterMethod implements WireEnum {
    /** Drop the word from the transcript. */
    REMOVE("remove"),
    /** Replace the word with {@code ***}. */
    MASK("mask"),
    /** Keep the word and set {@code VocabularyFilterMatch} on its item. */
    TAG("tag");

    private static final WireLookup<VocabularyFilterMethod> LOOKUP =
            new WireLookup<>(VocabularyFilterMethod.class, "vocabulary filter method");

    private final String wireValue;

    VocabularyFilterMethod(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent on the wire. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant for {@code wireValue} (exact, case included); an unknown value fails with the valid ones. */
    public static VocabularyFilterMethod fromWireValue(String wireValue) {
        return LOOKUP.parse(wireValue);
    }

    /** The constant for {@code wireValue}, or empty if the model does not list it. */
    public static Optional<VocabularyFilterMethod> find(String wireValue) {
        return LOOKUP.find(wireValue);
    }

    /** Every wire value, in the model's order. */
    public static List<String> wireValues() {
        return LOOKUP.wireValues();
    }
}
