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

    /** Checks the parts: an 8-digit date and non-empty region and service without {@code /}. */
    public CredentialScope {
        Objects.requireNonNull(date, "date");
        if (date.length() != 8 || !date.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("scope date must be YYYYMMDD, was '" + date + "'");
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

    private static void requirePart(String part, String what) {
        if (part == null || part.isEmpty() || part.indexOf('/') >= 0) {
            throw new IllegalArgumentException(what + " must be non-empty and contain no '/'");
        }
    }
}
