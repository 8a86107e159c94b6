package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.sigv4.SignatureVerificationException.Reason;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain verifier: order, tampering, replay, staleness, the accepted variants, and its error messages. */
class EventChainVerifierTest {

    private static final Credentials CREDENTIALS = Credentials.of("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final String SEED = "9d9ab996c81f32c9d4e6fc166c92584f3741d1cb5ce325cd11a77d1f962c8de2";

    private final TestClock clock = new TestClock("2026-11-21T23:59:58Z");
    private final List<byte[]> envelopes = Envelopes.signAll(
            new EventSigner(CREDENTIALS, "us-east-1", "transcribe", SEED, clock),
            List.of(new byte[] {1}, new byte[] {2, 2}, new byte[3200]), clock, Duration.ofSeconds(1));

    private EventChainVerifier verifier() {
        return new EventChainVerifier(CREDENTIALS, "us-east-1", "transcribe", SEED, clock, Duration.ofMinutes(5));
    }

    @Test
    void acceptsTheChainAcrossMidnightAndSeesTheEnd() {
        EventChainVerifier verifier = verifier();
        List<Boolean> ends = new ArrayList<>();
        for (byte[] envelope : envelopes) {
            Envelopes.withView(envelope, view -> ends.add(verifier.verify(view)));
        }
        assertThat(ends).containsExactly(false, false, false, true);
        assertThat(verifier.isEnded()).isTrue();
        assertThat(verifier.eventsVerified()).isEqualTo(4);
    }

    @Test
    void reorderedEventsFail() {
        List<byte[]> swapped = new ArrayList<>(envelopes);
        Collections.swap(swapped, 0, 1);
        assertFailsAt(swapped, 0, Reason.SIGNATURE_MISMATCH, "event 0: The request signature we calculated");
    }

    @Test
    void replayedEventFails() {
        List<byte[]> replayed = new ArrayList<>(envelopes.subList(0, 2));
        replayed.add(envelopes.get(1));
        assertFailsAt(replayed, 2, Reason.SIGNATURE_MISMATCH, "event 2:");
    }

    @Test
    void tamperedPayloadWithARecomputedCrcFails() {
        byte[][] pieces = new byte[1][];
        Envelopes.withView(envelopes.get(1), view -> {
            byte[] payload = view.payloadBytes();
            payload[payload.length - 5] ^= 1; // inside the inner message; its own CRC no longer matters here
            HeaderBlock headers = new HeaderBlock().addTimestamp(":date", view.timestampMillis(0))
                    .addByteArray(":chunk-signature", view.byteArrayValue(1));
            pieces[0] = Envelopes.envelope(headers, payload);
        });
        List<byte[]> tampered = new ArrayList<>(envelopes);
        tampered.set(1, pieces[0]);
        assertFailsAt(tampered, 1, Reason.SIGNATURE_MISMATCH, "event 1:");
    }

    @Test
    void staleDateFailsWithTheServiceText() {
        clock.advance(Duration.ofMinutes(10));
        assertFailsAt(envelopes, 0, Reason.SIGNATURE_EXPIRED,
                "Signature expired: 20261121T235958Z is now earlier than 20261122T000501Z (20261122T001001Z - 5 min.)");
    }

    @Test
    void dateFromTheFutureFails() {
        clock.advance(Duration.ofMinutes(-10));
        assertFailsAt(envelopes, 0, Reason.SIGNATURE_NOT_YET_CURRENT, "Signature not yet current: 20261121T235958Z");
    }

    @Test
    void skewWindowIsConfigurable() {
        clock.advance(Duration.ofMinutes(10));
        EventChainVerifier lenient = new EventChainVerifier(CREDENTIALS, "us-east-1", "transcribe", SEED, clock,
                Duration.ofMinutes(15));
        Envelopes.withView(envelopes.get(0), lenient::verify);
        assertThat(lenient.eventsVerified()).isEqualTo(1);
    }

    @Test
    void millisecondDateAndSignatureFirstOrderAreAccepted() {
        // Sign as the JS and Java SDKs do (ms in :date, seconds in the string to sign), envelope as Rust orders it.
        long dateMillis = clock.millis() + 123;
        EventSignatureCalculator calculator = new EventSignatureCalculator(CREDENTIALS.secretAccessKey(),
                "us-east-1", "transcribe");
        ByteBuffer inner = Envelopes.audioEvent(new byte[] {7, 7, 7});
        byte[] hash = new byte[32];
        calculator.hashPayload(inner, hash);
        byte[] signature = new byte[32];
        byte[] seed = SEED.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        calculator.sign(dateMillis / 1000, dateMillis, hash, seed, seed.length, signature);
        byte[] rustOrder = Envelopes.envelope(new HeaderBlock().addByteArray(":chunk-signature", signature)
                .addTimestamp(":date", dateMillis), inner.array());

        EventChainVerifier verifier = verifier();
        Envelopes.withView(rustOrder, verifier::verify);
        assertThat(verifier.eventsVerified()).isEqualTo(1);
    }

    @Test
    void missingOrMistypedHeadersAreMalformed() {
        byte[] noSignature = Envelopes.envelope(new HeaderBlock().addTimestamp(":date", clock.millis()), new byte[0]);
        assertFailsAt(List.of(noSignature), 0, Reason.MALFORMED_EVENT, "no :chunk-signature header");
        byte[] stringDate = Envelopes.envelope(new HeaderBlock().addString(":date", "now")
                .addByteArray(":chunk-signature", new byte[32]), new byte[0]);
        assertFailsAt(List.of(stringDate), 0, Reason.MALFORMED_EVENT, "no :date header of type timestamp");
        byte[] extra = Envelopes.envelope(new HeaderBlock().addTimestamp(":date", clock.millis())
                .addByteArray(":chunk-signature", new byte[32]).addString("x", "y"), new byte[0]);
        assertFailsAt(List.of(extra), 0, Reason.MALFORMED_EVENT, "has 3 headers");
    }

    @Test
    void eventAfterTheEndFails() {
        List<byte[]> more = new ArrayList<>(envelopes);
        more.add(envelopes.get(0));
        assertFailsAt(more, 4, Reason.EVENT_AFTER_END, "event 4 arrived after the end-of-stream event");
    }

    @Test
    void aBrokenChainStaysBroken() {
        EventChainVerifier verifier = verifier();
        assertThatThrownBy(() -> Envelopes.withView(envelopes.get(1), verifier::verify))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> Envelopes.withView(envelopes.get(0), verifier::verify))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.eventIndex()).isZero());
    }

    @Test
    void errorsAreBadRequestsAndNeverShowTheSecret() {
        List<byte[]> swapped = new ArrayList<>(envelopes);
        Collections.swap(swapped, 0, 1);
        assertThatThrownBy(() -> verifyAll(swapped)).isInstanceOfSatisfying(SignatureVerificationException.class,
                e -> {
                    assertThat(e.errorType()).isEqualTo("BadRequestException");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.isEventFailure()).isTrue();
                    assertThat(e.getMessage()).doesNotContain(CREDENTIALS.secretAccessKey());
                });
    }

    private void verifyAll(List<byte[]> frames) {
        EventChainVerifier verifier = verifier();
        for (byte[] frame : frames) {
            Envelopes.withView(frame, verifier::verify);
        }
    }

    private void assertFailsAt(List<byte[]> frames, long index, Reason reason, String message) {
        assertThatThrownBy(() -> verifyAll(frames)).isInstanceOfSatisfying(SignatureVerificationException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.eventIndex()).isEqualTo(index);
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
