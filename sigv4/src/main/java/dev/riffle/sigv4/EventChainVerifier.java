package dev.riffle.sigv4;

import static dev.riffle.sigv4.SignatureVerificationException.Reason;

import dev.riffle.eventstream.HeaderType;
import dev.riffle.eventstream.MessageView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Verifies the signed event envelopes of one stream, in order: each against the previous signature (the first
 * against the request's), so that reordering, tampering and replay all fail; and each {@code :date} against the
 * clock, so that a stale event fails with the service's "Signature expired" text.
 *
 * <p>Accepts what real clients send: {@code :date} in whole seconds or milliseconds, and the two headers in either
 * order. The empty envelope ends the stream; anything after it is refused. Not thread-safe: one per stream.
 */
public final class EventChainVerifier {

    private final EventSignatureCalculator calculator;
    private final Clock clock;
    private final Duration skew;
    private final byte[] payloadHash = new byte[32];
    private final byte[] expected = new byte[32];
    private final byte[] prior;
    private int priorLength;
    private long index;
    private boolean ended;
    /** The first failure: the chain is broken from there on, and every later call throws it again. */
    private SignatureVerificationException failure;

    /**
     * A verifier for the events of a request verified by {@link RequestVerifier}.
     *
     * @param request the verified request: its credentials, scope and signature seed the chain
     * @param clock   the clock {@code :date} is checked against
     * @param skew    how old (or how far ahead) an event's {@code :date} may be when it is verified
     */
    public EventChainVerifier(VerifiedRequest request, Clock clock, Duration skew) {
        this(request.credentials(), request.scope().region(), request.scope().service(), request.signature(), clock,
                skew);
    }

    /** A verifier from explicit parts. */
    public EventChainVerifier(Credentials credentials, String region, String service, String seedSignatureHex,
                              Clock clock, Duration skew) {
        this.calculator = new EventSignatureCalculator(credentials.secretAccessKey(), region, service);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
        byte[] seed = seedSignatureHex.getBytes(StandardCharsets.US_ASCII);
        this.prior = java.util.Arrays.copyOf(seed, Math.max(64, seed.length));
        this.priorLength = seed.length;
    }

    /**
     * Verifies the next envelope. Its payload ({@link MessageView#payload()}) is then the inner message.
     *
     * @return true if this was the end-of-stream envelope (empty payload)
     * @throws SignatureVerificationException naming the event's index and what failed; the chain is then broken
     *                                        and every later call fails too
     */
    public boolean verify(MessageView envelope) {
        if (failure != null) {
            throw failure;
        }
        try {
            return verifyNext(envelope);
        } catch (SignatureVerificationException e) {
            failure = e;
            throw e;
        }
    }

    private boolean verifyNext(MessageView envelope) {
        long i = index;
        if (ended) {
            throw fail(Reason.EVENT_AFTER_END, i, "event " + i + " arrived after the end-of-stream event");
        }
        long dateMillis = dateOf(envelope, i);
        int signatureIndex = signatureOf(envelope, i);
        if (envelope.headerCount() != 2) {
            throw fail(Reason.MALFORMED_EVENT, i, "event " + i + " has " + envelope.headerCount()
                    + " headers; a signed event has exactly :date and :chunk-signature");
        }
        checkFreshness(dateMillis, i);
        envelope.digestPayload(calculator.digest());
        calculator.digestInto(payloadHash);
        calculator.sign(Math.floorDiv(dateMillis, 1000L), dateMillis, payloadHash, prior, priorLength, expected);
        byte[] provided = envelope.byteArrayValue(signatureIndex);
        if (!ConstantTime.equals(expected, provided)) {
            throw fail(Reason.SIGNATURE_MISMATCH, i, "event " + i + ": "
                    + SignatureVerificationException.MISMATCH_MESSAGE);
        }
        priorLength = Hex.encode(provided, 0, 32, prior, 0);
        index++;
        ended = envelope.payloadLength() == 0;
        return ended;
    }

    /** Whether the end-of-stream envelope has been verified. */
    public boolean isEnded() {
        return ended;
    }

    /** The number of envelopes verified so far. */
    public long eventsVerified() {
        return index;
    }

    private static long dateOf(MessageView envelope, long i) {
        int at = envelope.indexOf(EventSigner.DATE_HEADER);
        if (at < 0 || envelope.headerType(at) != HeaderType.TIMESTAMP) {
            throw fail(Reason.MALFORMED_EVENT, i, "event " + i + " has no :date header of type timestamp");
        }
        return envelope.timestampMillis(at);
    }

    private static int signatureOf(MessageView envelope, long i) {
        int at = envelope.indexOf(EventSigner.SIGNATURE_HEADER);
        if (at < 0 || envelope.headerType(at) != HeaderType.BYTE_ARRAY || envelope.valueLength(at) != 32) {
            throw fail(Reason.MALFORMED_EVENT, i, "event " + i
                    + " has no :chunk-signature header of 32 bytes (type byte array)");
        }
        return at;
    }

    /** Compares in milliseconds, so that a fresh event costs no allocation; instants are built only to explain. */
    private void checkFreshness(long dateMillis, long i) {
        long now = clock.millis();
        long window = skew.toMillis();
        if (dateMillis >= now - window && dateMillis <= now + window) {
            return;
        }
        Instant date = Instant.ofEpochMilli(dateMillis);
        Instant nowInstant = Instant.ofEpochMilli(now);
        if (dateMillis < now - window) {
            throw fail(Reason.SIGNATURE_EXPIRED, i, "Signature expired: " + SigV4.formatDateTime(date)
                    + " is now earlier than " + SigV4.formatDateTime(nowInstant.minus(skew)) + " ("
                    + SigV4.formatDateTime(nowInstant) + " - " + RequestVerifier.describe(skew) + ".)");
        }
        throw fail(Reason.SIGNATURE_NOT_YET_CURRENT, i, "Signature not yet current: "
                + SigV4.formatDateTime(date) + " is still later than " + SigV4.formatDateTime(nowInstant.plus(skew))
                + " (" + SigV4.formatDateTime(nowInstant) + " + " + RequestVerifier.describe(skew) + ".)");
    }

    private static SignatureVerificationException fail(Reason reason, long index, String message) {
        return SignatureVerificationException.event(reason, index, message);
    }
}
