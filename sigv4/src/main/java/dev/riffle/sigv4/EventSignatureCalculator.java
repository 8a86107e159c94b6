package dev.riffle.sigv4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.time.LocalDate;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * Computes event signatures without allocating: the digest, the HMAC (keyed once per UTC day) and the string to
 * sign are reused from one event to the next. Shared by {@link EventSigner} and {@link EventChainVerifier}.
 *
 * <pre>
 * AWS4-HMAC-SHA256-PAYLOAD
 * YYYYMMDDTHHMMSSZ                     the event's time, whole seconds
 * YYYYMMDD/region/service/aws4_request
 * prior signature, hex                 the request's signature for the first event
 * hex(SHA-256(encoded :date header))
 * hex(SHA-256(payload))                the whole encoded inner message; empty for the end frame
 * </pre>
 *
 * Not thread-safe: one per stream.
 */
final class EventSignatureCalculator {

    /** {@code 05 ':date' 08}: name length, name, type 8 (timestamp); 8 bytes of milliseconds follow. */
    static final byte[] DATE_HEADER_PREFIX = {5, ':', 'd', 'a', 't', 'e', 8};
    static final int DATE_HEADER_LENGTH = DATE_HEADER_PREFIX.length + Long.BYTES;

    private static final byte[] ALGORITHM_LINE =
            (SigV4.EVENT_ALGORITHM + "\n").getBytes(StandardCharsets.US_ASCII);
    private static final int DATE_TIME_LENGTH = 16;
    private static final int HASH_HEX_LENGTH = 64;

    private final String secretAccessKey;
    private final String region;
    private final String service;
    private final MessageDigest sha256 = SigV4.sha256();
    private final byte[] hash = new byte[32];
    private final byte[] dateHeader = new byte[DATE_HEADER_LENGTH];

    private Mac mac;
    private long macDay = Long.MIN_VALUE;
    /** The string to sign; [0, prefixLength) holds the algorithm, date-time (rewritten per event) and scope. */
    private byte[] stringToSign = new byte[256];
    private int prefixLength;
    private int stringToSignLength;

    EventSignatureCalculator(String secretAccessKey, String region, String service) {
        this.secretAccessKey = secretAccessKey;
        this.region = region;
        this.service = service;
        System.arraycopy(DATE_HEADER_PREFIX, 0, dateHeader, 0, DATE_HEADER_PREFIX.length);
    }

    /** SHA-256 of {@code payload}'s remaining bytes into {@code out}, leaving its position where it was. */
    void hashPayload(ByteBuffer payload, byte[] out) {
        int position = payload.position();
        sha256.update(payload);
        payload.position(position);
        digestInto(out);
    }

    /** The digest, for callers that feed it themselves; finish with {@link #digestInto}. */
    MessageDigest digest() {
        return sha256;
    }

    void digestInto(byte[] out) {
        try {
            sha256.digest(out, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte array holds a SHA-256", e);
        }
    }

    /**
     * Signs an event whose {@code :date} header carries {@code dateMillis}, at {@code signingSecond} (the same
     * instant in a real stream), into {@code signature} (32 bytes).
     */
    void sign(long signingSecond, long dateMillis, byte[] payloadHash, byte[] prior, int priorLength,
              byte[] signature) {
        for (int i = 0; i < Long.BYTES; i++) {
            dateHeader[DATE_HEADER_PREFIX.length + i] = (byte) (dateMillis >>> (56 - 8 * i));
        }
        sign(signingSecond, dateHeader, 0, DATE_HEADER_LENGTH, payloadHash, prior, priorLength, signature);
    }

    /** Signs with arbitrary header bytes standing for the encoded {@code :date} header (test vectors do this). */
    void sign(long signingSecond, byte[] headerBytes, int offset, int length, byte[] payloadHash, byte[] prior,
              int priorLength, byte[] signature) {
        prepareDay(Math.floorDiv(signingSecond, 86_400L));
        writeTime(signingSecond);
        int p = prefixLength;
        ensureCapacity(p + priorLength + 2 * (1 + HASH_HEX_LENGTH) + 1);
        System.arraycopy(prior, 0, stringToSign, p, priorLength);
        p += priorLength;
        stringToSign[p++] = '\n';
        sha256.update(headerBytes, offset, length);
        digestInto(hash);
        p = Hex.encode(hash, 0, 32, stringToSign, p);
        stringToSign[p++] = '\n';
        p = Hex.encode(payloadHash, 0, 32, stringToSign, p);
        stringToSignLength = p;
        mac.update(stringToSign, 0, p);
        try {
            mac.doFinal(signature, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("a 32-byte array holds an HMAC-SHA256", e);
        }
    }

    /** The last string to sign, for diagnostics and tests. */
    String lastStringToSign() {
        return new String(stringToSign, 0, stringToSignLength, StandardCharsets.US_ASCII);
    }

    /** Keys the HMAC and writes the algorithm, date and scope lines for {@code epochDay}, once per UTC day. */
    private void prepareDay(long epochDay) {
        if (epochDay == macDay) {
            return;
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        String yyyymmdd = String.format(java.util.Locale.ROOT, "%04d%02d%02d", date.getYear(), date.getMonthValue(),
                date.getDayOfMonth());
        CredentialScope scope = new CredentialScope(yyyymmdd, region, service);
        mac = SigningKeys.newHmac(SigningKeys.signingKey(secretAccessKey, scope));
        byte[] scopeLine = (scope + "\n").getBytes(StandardCharsets.UTF_8);
        int p = ALGORITHM_LINE.length;
        ensureCapacity(p + DATE_TIME_LENGTH + 1 + scopeLine.length + 256);
        System.arraycopy(ALGORITHM_LINE, 0, stringToSign, 0, p);
        System.arraycopy(yyyymmdd.getBytes(StandardCharsets.US_ASCII), 0, stringToSign, p, 8);
        stringToSign[p + 8] = 'T';
        stringToSign[p + 15] = 'Z';
        stringToSign[p + DATE_TIME_LENGTH] = '\n';
        System.arraycopy(scopeLine, 0, stringToSign, p + DATE_TIME_LENGTH + 1, scopeLine.length);
        prefixLength = p + DATE_TIME_LENGTH + 1 + scopeLine.length;
        macDay = epochDay;
    }

    /** Writes HHMMSS of {@code epochSecond} into the date-time line. */
    private void writeTime(long epochSecond) {
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        int p = ALGORITHM_LINE.length + 9;
        writeTwoDigits(p, secondOfDay / 3600);
        writeTwoDigits(p + 2, secondOfDay / 60 % 60);
        writeTwoDigits(p + 4, secondOfDay % 60);
    }

    private void writeTwoDigits(int p, int value) {
        stringToSign[p] = (byte) ('0' + value / 10);
        stringToSign[p + 1] = (byte) ('0' + value % 10);
    }

    private void ensureCapacity(int needed) {
        if (needed > stringToSign.length) {
            stringToSign = java.util.Arrays.copyOf(stringToSign, needed);
        }
    }
}
