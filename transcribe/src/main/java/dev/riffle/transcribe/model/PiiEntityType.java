package dev.riffle.transcribe.model;

import java.util.List;
import java.util.Optional;

/**
 * A kind of personally identifiable information, for {@code x-amzn-transcribe-pii-entity-types} (a comma-separated
 * list of these names).
 *
 * <p>The service model types that header as a plain string ({@code ^[A-Z_, ]+$}, 1 to 300 characters), not as an
 * enum, so this list comes from the API reference (2026): the first eleven names are those of the 2024 model's
 * documentation, the rest were added later. {@link #ALL} means every type, as does omitting the header.
 */
public enum PiiEntityType implements WireEnum {
    ADDRESS("ADDRESS"),
    BANK_ACCOUNT_NUMBER("BANK_ACCOUNT_NUMBER"),
    BANK_ROUTING("BANK_ROUTING"),
    CREDIT_DEBIT_CVV("CREDIT_DEBIT_CVV"),
    CREDIT_DEBIT_EXPIRY("CREDIT_DEBIT_EXPIRY"),
    CREDIT_DEBIT_NUMBER("CREDIT_DEBIT_NUMBER"),
    EMAIL("EMAIL"),
    NAME("NAME"),
    PHONE("PHONE"),
    PIN("PIN"),
    SSN("SSN"),
    AGE("AGE"),
    DATE_TIME("DATE_TIME"),
    LICENSE_PLATE("LICENSE_PLATE"),
    PASSPORT_NUMBER("PASSPORT_NUMBER"),
    PASSWORD("PASSWORD"),
    USERNAME("USERNAME"),
    VEHICLE_IDENTIFICATION_NUMBER("VEHICLE_IDENTIFICATION_NUMBER"),
    ALL("ALL");

    private static final WireLookup<PiiEntityType> LOOKUP = new WireLookup<>(PiiEntityType.class, "PII entity type");

    private final String wireValue;

    PiiEntityType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent on the wire. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant for {@code wireValue} (exact, case included); an unknown value fails with the valid ones. */
    public static PiiEntityType fromWireValue(String wireValue) {
        return LOOKUP.parse(wireValue);
    }

    /** The constant for {@code wireValue}, or empty if the model does not list it. */
    public static Optional<PiiEntityType> find(String wireValue) {
        return LOOKUP.find(wireValue);
    }

    /** Every wire value, in the model's order. */
    public static List<String> wireValues() {
        return LOOKUP.wireValues();
    }
}
