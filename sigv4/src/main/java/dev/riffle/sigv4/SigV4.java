package dev.riffle.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * Constants and small functions of AWS Signature Version 4 shared by signing and verification.
 */
public final class SigV4 {

    /** The algorithm of header and query signing. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** The algorithm line of an event's string to sign (the developer guide's {@code AWS4-HMAC-SHA256} is wrong). */
    public static final String EVENT_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";

    /** The literal payload hash of a request whose body is signed event by event. */
    public static final String STREAMING_EVENTS_PAYLOAD = "STREAMING-AWS4-HMAC-SHA256-EVENTS";

    /** The payload hash when the body is not signed. */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    /** SHA-256 of the empty string, the payload hash of a presigned URL and of a request without a body. */
    public static final String EMPTY_PAYLOAD_SHA256 =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** The terminator of a credential scope. */
    public static final String SCOPE_TERMINATOR = "aws4_request";

    static final String HEADER_DATE = "x-amz-date";
    static final String HEADER_CONTENT_SHA256 = "x-amz-content-sha256";
    static final String HEADER_SECURITY_TOKEN = "x-amz-security-token";
    static final String HEADER_AUTHORIZATION = "authorization";
    static final String HEADER_HOST = "host";

    static final String QUERY_ALGORITHM = "X-Amz-Algorithm";
    static final String QUERY_CREDENTIAL = "X-Amz-Credential";
    static final String QUERY_DATE = "X-Amz-Date";
    static final String QUERY_EXPIRES = "X-Amz-Expires";
    static final String QUERY_SECURITY_TOKEN = "X-Amz-Security-Token";
    static final String QUERY_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String QUERY_SIGNATURE = "X-Amz-Signature";

    /** The longest presigned-URL lifetime SigV4 allows: seven days. */
    public static final long MAX_PRESIGN_EXPIRES_SECONDS = 7 * 24 * 3600;

    /**
     * Strict, so that a date-time that does not exist is refused rather than moved: the default resolver reads
     * {@code 20261130T240000Z} as 1 December and {@code 20261131} as 30 November, which let a request verify at an
     * instant other than its {@code x-amz-date} and on a day other than its credential scope's.
     */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

    private SigV4() {
    }

    /** {@code YYYYMMDD'T'HHMMSS'Z'} in UTC, truncated (not rounded) to the second. */
    public static String formatDateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /**
     * Parses {@code YYYYMMDD'T'HHMMSS'Z'}, a date-time that exists; throws
     * {@link java.time.format.DateTimeParseException} otherwise (also for {@code 24:00:00} or 31 November).
     */
    public static Instant parseDateTime(String dateTime) {
        return DATE_TIME.parse(dateTime, Instant::from);
    }

    /** SHA-256 of {@code bytes} as lower-case hex. */
    public static String sha256Hex(byte[] bytes) {
        return Hex.encode(sha256().digest(bytes));
    }

    /** SHA-256 of the UTF-8 bytes of {@code text} as lower-case hex. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
