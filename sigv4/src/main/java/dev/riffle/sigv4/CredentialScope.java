package dev.riffle.sigv4;

import java.util.Objects;

/**
 * The scope a signing key is valid for: {@code YYYYMMDD/region/service/aws4_request}.
 *
 * @param date    the UTC date, {@code YYYYMMDD}
 * @param region  the endpoint's region, for example {@code us-west-2}
 * @param service the signing name, for example {@code transcribe} (not the endpoint prefix {@code
 *                transcribestreaming})
 */
public record CredentialScope(String date, String region, String service) {

    /** The longest wrong date quoted in an error message: an ISO-8601 date-time in its extended form. */
    private static final int QUOTABLE_DATE_LENGTH = 20;
    /** What may separate the parts of a date or date-time in ISO 8601, besides digits. */
    private static final String DATE_SEPARATORS = "-:.TZ";

    /** Checks the parts: an 8-digit date and non-empty region and service without {@code /}. */
    public CredentialScope {
        Objects.requireNonNull(date, "date");
        if (date.length() != 8 || !date.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("scope date must be YYYYMMDD, was " + describeDate(date));
        }
        requirePart(region, "region");
        requirePart(service, "service");
    }

    /** The scope of a signature made at {@code dateTime} ({@code YYYYMMDD'T'HHMMSS'Z'}). */
    public static CredentialScope of(String dateTime, String region, String service) {
        return new CredentialScope(dateTime.substring(0, 8), region, service);
    }

    /**
     * Parses {@code YYYYMMDD/region/service/aws4_request}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static CredentialScope parse(String scope) {
        String[] parts = scope.split("/", -1);
        if (parts.length != 4 || !SigV4.SCOPE_TERMINATOR.equals(parts[3])) {
            throw new IllegalArgumentException("credential scope must be date/region/service/aws4_request");
        }
        return new CredentialScope(parts[0], parts[1], parts[2]);
    }

    /** {@code YYYYMMDD/region/service/aws4_request}. */
    @Override
    public String toString() {
        return date + "/" + region + "/" + service + "/" + SigV4.SCOPE_TERMINATOR;
    }

    /**
     * A wrong date as an error message may show it. A verifier parses the scope from what a client sent, and a
     * client that misplaced a credential there (a session token in the Credential field) must not find it quoted
     * back in a response or a log. So only what could be a date in another format is quoted: at most
     * {@value #QUOTABLE_DATE_LENGTH} characters of digits and ISO-8601 separators ({@code 2026-12-01},
     * {@code 20261201T000030Z}). Anything else is named by its length.
     */
    private static String describeDate(String date) {
        boolean dateLike = date.length() <= QUOTABLE_DATE_LENGTH
                && date.chars().allMatch(c -> c >= '0' && c <= '9' || DATE_SEPARATORS.indexOf(c) >= 0);
        return dateLike ? "'" + date + "'" : "a value of " + date.length() + " characters";
    }

    private static void requirePart(String part, String what) {
        if (part == null || part.isEmpty() || part.indexOf('/') >= 0) {
            throw new IllegalArgumentException(what + " must be non-empty and contain no '/'");
        }
    }
}
