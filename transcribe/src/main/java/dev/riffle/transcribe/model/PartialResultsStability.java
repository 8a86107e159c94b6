package dev.riffle.transcribe.model;

import java.util.List;
import java.util.Optional;

/**
 * How eagerly partial-result stabilization marks words stable
 * ({@code x-amzn-transcribe-partial-results-stability}). Higher stability marks words stable sooner: lower latency,
 * slightly lower accuracy.
 */
public enum PartialResultsStability implements WireEnum {
    /** Words become stable soonest; the default when stabilization is on. */
    HIGH("high"),
    /** Between the two. */
    MEDIUM("medium"),
    /** Words stay unstable longest; the most accurate. */
    LOW("low");

    private static final WireLookup<PartialResultsStability> LOOKUP =
            new WireLookup<>(PartialResultsStability.class, "partial results stability");

    private final String wireValue;

    PartialResultsStability(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent on the wire. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant for {@code wireValue} (exact, case included); an unknown value fails with the valid ones. */
    public static PartialResultsStability fromWireValue(String wireValue) {
        return LOOKUP.parse(wireValue);
    }

    /** The constant for {@code wireValue}, or empty if the model does not list it. */
    public static Optional<PartialResultsStability> find(String wireValue) {
        return LOOKUP.find(wireValue);
    }

    /** Every wire value, in the model's order. */
    public static List<String> wireValues() {
        return LOOKUP.wireValues();
    }
}
