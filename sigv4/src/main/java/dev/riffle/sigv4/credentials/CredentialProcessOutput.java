package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.Credentials;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The answer a {@code credential_process} prints on stdout, as the AWS CLI and SDKs define it:
 * {@code {"Version": 1, "AccessKeyId": "...", "SecretAccessKey": "...", "SessionToken": "...",
 * "Expiration": "2030-01-01T00:00:00Z"}}. {@code Version} must be the number 1, the only version defined; the id
 * and the secret are required; the token and the expiry are optional. Other members (such as {@code AccountId})
 * are ignored, as the SDKs ignore them.
 *
 * <p>Messages name members and their types, never a member's value.
 */
final class CredentialProcessOutput {

    /** Digits, and places of the decimal point, beyond which a wrong {@code Version} is not quoted. */
    private static final int LONGEST_NUMBER_SHOWN = 20;

    private CredentialProcessOutput() {
    }

    /**
     * The credentials {@code stdout} describes.
     *
     * @throws IllegalArgumentException saying what is wrong, without quoting the output
     */
    static Credentials parse(String stdout) {
        Map<String, Object> members = FlatJsonReader.read(stdout);
        requireVersionOne(members.get("Version"));
        return Credentials.of(
                requiredString(members, "AccessKeyId"),
                requiredString(members, "SecretAccessKey"),
                optionalString(members, "SessionToken").orElse(null),
                optionalString(members, "Expiration").map(CredentialProcessOutput::expiration).orElse(null));
    }

    private static void requireVersionOne(Object version) {
        if (version instanceof BigDecimal number && number.compareTo(BigDecimal.ONE) == 0) {
            return;
        }
        String found = version == null ? "missing"
                : version instanceof BigDecimal number ? describe(number) : "a " + typeOf(version);
        throw new IllegalArgumentException("Version must be the number 1, but is " + found);
    }

    /**
     * A short number as written out; a long one is not spelt out, because written out in full {@code 1e999999999}
     * is a billion digits, which ran the JVM out of memory.
     */
    private static String describe(BigDecimal number) {
        boolean fitsInAMessage = number.precision() <= LONGEST_NUMBER_SHOWN
                && Math.abs((long) number.scale()) <= LONGEST_NUMBER_SHOWN;
        return fitsInAMessage ? number.toPlainString() : "a number other than 1";
    }

    private static String requiredString(Map<String, Object> members, String name) {
        return optionalString(members, name)
                .orElseThrow(() -> new IllegalArgumentException(name + " is missing or empty"));
    }

    private static Optional<String> optionalString(Map<String, Object> members, String name) {
        Object value = members.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(name + " must be a string, but is a " + typeOf(value));
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** ISO-8601 with an offset, as the SDKs require: "2030-01-01T00:00:00Z" or "...+02:00", fractions allowed. */
    private static Instant expiration(String text) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, OffsetDateTime::from).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Expiration is not an ISO-8601 date-time with an offset, such as 2030-01-01T00:00:00Z");
        }
    }

    private static String typeOf(Object value) {
        return value instanceof BigDecimal ? "number" : value instanceof Boolean ? "boolean" : "string";
    }
}
