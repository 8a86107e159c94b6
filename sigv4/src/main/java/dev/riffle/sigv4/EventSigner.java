package dev.riffle.sigv4;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * Signs the client's events of one stream: each encoded inner message is wrapped in an envelope whose headers are
 * {@code :date} (timestamp) and {@code :chunk-signature} (the 32 raw bytes of the HMAC), each signature chained
 * from the previous one, the first from the request's signature.
 *
 * <h2>When</h2>
 * Sign an event when it is written to the connection, not when it is produced: the service rejects an event whose
 * {@code :date} is more than five minutes old when it processes it ("Signature expired"), which is what happens
 * to audio signed ahead and queued.
 *
 * <h2>{@code :date} precision</h2>
 * The clock is read once per event and truncated to the whole second; that one instant is both the {@code :date}
 * value (so it ends in {@code 000} ms) and the string-to-sign time. This is bit-consistent, as the Rust and Kotlin
 * SDKs do; the service also accepts milliseconds (JS, Java, Python), and riffle's verifier accepts both.
 *
 * <h2>Cost</h2>
 * Nothing is allocated per event: the inner message is hashed where it lies and, with {@link #signHead}, not even
 * copied into the envelope. Not thread-safe: one signer per stream, used from one thread at a time.
 */
public final class EventSigner {

    /** {@code :date} (15 bytes) and {@code :chunk-signature} (52 bytes). */
    public static final int ENVELOPE_HEADERS_LENGTH = 67;

    /** Bytes an envelope adds to its inner message: prelude, headers, message CRC. */
    public static final int ENVELOPE_OVERHEAD = 16 + ENVELOPE_HEADERS_LENGTH;

    static final String DATE_HEADER = ":date";
    static final String SIGNATURE_HEADER = ":chunk-signature";

    /** A SHA-256 HMAC as hex: the length of the seed and of every signature that follows it. */
    private static final int SIGNATURE_HEX_LENGTH = 64;

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final EventSignatureCalculator calculator;
    private final Clock clock;
    private final HeaderBlock headers = new HeaderBlock(ENVELOPE_HEADERS_LENGTH);
    private final MessageEncoder encoder = new MessageEncoder();
    private final byte[] payloadHash = new byte[32];
    private final byte[] signature = new byte[32];
    /** The last signature as 64 ASCII hex digits, overwritten in place by each event's. */
    private final byte[] prior;
    private long eventsSigned;

    /**
     * A signer for one stream.
     *
     * @param credentials      the credentials that signed the request (events carry no key id)
     * @param region           the request's region
     * @param service          the request's signing name
     * @param seedSignatureHex the request's signature: {@code Signature=} of the Authorization header, or
     *                         {@code X-Amz-Signature} of a presigned URL; 64 lower-case hex characters
     * @param clock            the clock read at each event
     * @throws IllegalArgumentException if {@code seedSignatureHex} is not 64 lower-case hex characters
     */
    public EventSigner(Credentials credentials, String region, String service, String seedSignatureHex,
                       Clock clock) {
        this.calculator = new EventSignatureCalculator(credentials.secretAccessKey(), region, service);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.prior = validSeed(seedSignatureHex);
    }

    /**
     * The seed as ASCII bytes. A request signature is always 64 lower-case hex characters; anything else (an
     * upper-case copy, a truncated header) would sign every event with a chain the service never accepts, so it is
     * refused here rather than at the first event. The value is not quoted: it is signing material.
     */
    private static byte[] validSeed(String seedSignatureHex) {
        Objects.requireNonNull(seedSignatureHex, "seedSignatureHex");
        if (seedSignatureHex.length() != SIGNATURE_HEX_LENGTH) {
            throw badSeed("it has " + seedSignatureHex.length() + " characters");
        }
        for (int i = 0; i < SIGNATURE_HEX_LENGTH; i++) {
            if (!isLowerHexDigit(seedSignatureHex.charAt(i))) {
                throw badSeed("character " + i + " is not one");
            }
        }
        return seedSignatureHex.getBytes(StandardCharsets.US_ASCII);
    }

    private static IllegalArgumentException badSeed(String why) {
        return new IllegalArgumentException("the seed signature must be " + SIGNATURE_HEX_LENGTH
                + " lower-case hex characters (a SigV4 request signature): " + why);
    }

    private static boolean isLowerHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** The bytes of the envelope of an inner message of {@code innerLength} bytes. */
    public static int envelopeLength(int innerLength) {
        return ENVELOPE_OVERHEAD + innerLength;
    }

    /**
     * Signs {@code innerMessage} now and writes its whole envelope into {@code dst}.
     *
     * <p>Ownership: {@code innerMessage} (its remaining bytes, an encoded event-stream message) is read, not
     * consumed; {@code dst} is advanced past the envelope.
     *
     * @return the number of bytes written
     * @throws java.nio.BufferOverflowException if {@code dst} has less than {@link #envelopeLength} room; the
     *                                          chain is then not advanced
     * @throws IllegalArgumentException         if the envelope would be over the 24 MiB event-stream limit; the
     *                                          chain is then not advanced
     */
    public int sign(ByteBuffer innerMessage, ByteBuffer dst) {
        checkRoom(dst, checkedEnvelopeLength(innerMessage));
        signNow(innerMessage);
        return encoder.encode(headers, innerMessage, dst);
    }

    /**
     * Signs {@code innerMessage} now and writes only the envelope's prelude and headers into {@code head}
     * ({@link #ENVELOPE_OVERHEAD} - 4 bytes). Send {@code head}, then {@code innerMessage}, then the returned CRC
     * as 4 big-endian bytes: the inner message is never copied.
     *
     * @return the envelope's message CRC
     * @throws java.nio.BufferOverflowException if {@code head} has less room than that; the chain is then not
     *                                          advanced
     * @throws IllegalArgumentException         if the envelope would be over the 24 MiB event-stream limit; the
     *                                          chain is then not advanced
     */
    public int signHead(ByteBuffer innerMessage, ByteBuffer head) {
        checkedEnvelopeLength(innerMessage);
        checkRoom(head, ENVELOPE_OVERHEAD - MessageEncoder.trailerLength());
        signNow(innerMessage);
        return encoder.encodeHead(headers, innerMessage, head);
    }

    /** Signs and writes the end-of-stream envelope (empty payload), {@link #ENVELOPE_OVERHEAD} bytes. */
    public int signEnd(ByteBuffer dst) {
        return sign(EMPTY, dst);
    }

    /** The last signature as hex (the request's signature before the first event). */
    public String lastSignatureHex() {
        return new String(prior, StandardCharsets.US_ASCII);
    }

    /** The number of envelopes signed so far, the end frame included. */
    public long eventsSigned() {
        return eventsSigned;
    }

    private void signNow(ByteBuffer innerMessage) {
        long second = Math.floorDiv(clock.millis(), 1000L);
        calculator.hashPayload(innerMessage, payloadHash);
        calculator.sign(second, second * 1000L, payloadHash, prior, prior.length, signature);
        Hex.encode(signature, 0, 32, prior, 0);
        headers.clear().addTimestamp(DATE_HEADER, second * 1000L).addByteArray(SIGNATURE_HEADER, signature);
        eventsSigned++;
    }

    /**
     * The envelope's length, refused before anything is signed: signing advances the chain, so an envelope the
     * encoder then refused would leave every later event signed against a signature the service never saw.
     */
    private static int checkedEnvelopeLength(ByteBuffer innerMessage) {
        return MessageEncoder.encodedLength(ENVELOPE_HEADERS_LENGTH, innerMessage.remaining());
    }

    private static void checkRoom(ByteBuffer dst, int needed) {
        if (dst.remaining() < needed) {
            throw new java.nio.BufferOverflowException();
        }
    }

    /** Never prints the key or the chain. */
    @Override
    public String toString() {
        return "EventSigner[eventsSigned=" + eventsSigned + "]";
    }
}
