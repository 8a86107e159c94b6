package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.eventstream.EventStreamConstants;
import dev.riffle.eventstream.HeaderType;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chain signer: envelope shape, the :date policy, signing at send time, the two-piece form. */
class EventSignerTest {

    private static final Credentials CREDENTIALS = Credentials.of("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final String SEED = "e1d8e8c8815e60969f2a34765c9a15945ffc0badbaa4b7e3b163ea19131e949b";

    private final TestClock clock = new TestClock("2026-11-21T10:15:30.789Z");
    private final EventSigner signer = new EventSigner(CREDENTIALS, "us-west-2", "transcribe", SEED, clock);

    @Test
    void envelopeHasDateThenSignatureAndTheInnerMessageAsPayload() {
        ByteBuffer inner = Envelopes.audioEvent(new byte[3200]);
        ByteBuffer out = ByteBuffer.allocate(EventSigner.envelopeLength(inner.remaining()));
        int written = signer.sign(inner, out);

        assertThat(written).isEqualTo(83 + inner.remaining());
        Envelopes.withView(out.array(), view -> {
            assertThat(view.headersLength()).isEqualTo(67);
            assertThat(view.headerName(0)).isEqualTo(":date");
            assertThat(view.headerType(0)).isEqualTo(HeaderType.TIMESTAMP);
            assertThat(view.headerName(1)).isEqualTo(":chunk-signature");
            assertThat(view.byteArrayValue(1)).hasSize(32);
            assertThat(view.payloadBytes()).isEqualTo(Envelopes.audioEvent(new byte[3200]).array());
        });
        assertThat(inner.position()).isZero(); // read, not consumed
    }

    @Test
    void dateIsTheClockTruncatedToTheSecond() {
        byte[] envelope = Envelopes.signAll(signer, List.of(new byte[10]), clock, Duration.ZERO).get(0);
        Envelopes.withView(envelope, view ->
                assertThat(view.timestamp(0)).isEqualTo(Instant.parse("2026-11-21T10:15:30Z")));
    }

    @Test
    void eachEventIsSignedWhenItIsSignedNotBefore() {
        List<byte[]> envelopes = Envelopes.signAll(signer, List.of(new byte[1], new byte[1]), clock,
                Duration.ofMinutes(7));
        Envelopes.withView(envelopes.get(0), first -> assertThat(first.timestamp(0))
                .isEqualTo(Instant.parse("2026-11-21T10:15:30Z")));
        Envelopes.withView(envelopes.get(1), second -> assertThat(second.timestamp(0))
                .isEqualTo(Instant.parse("2026-11-21T10:22:30Z")));
        Envelopes.withView(envelopes.get(2), end -> assertThat(end.timestamp(0))
                .isEqualTo(Instant.parse("2026-11-21T10:29:30Z")));
    }

    @Test
    void endFrameIsEightyThreeBytesWithAnEmptyPayload() {
        ByteBuffer end = ByteBuffer.allocate(EventSigner.ENVELOPE_OVERHEAD);
        assertThat(signer.signEnd(end)).isEqualTo(83);
        Envelopes.withView(end.array(), view -> {
            assertThat(view.totalLength()).isEqualTo(83);
            assertThat(view.headersLength()).isEqualTo(0x43);
            assertThat(view.payloadLength()).isZero();
        });
    }

    @Test
    void twoPieceSigningGivesTheSameBytesAsOnePiece() {
        EventSigner other = new EventSigner(CREDENTIALS, "us-west-2", "transcribe", SEED, clock);
        for (int size : new int[] {0, 1, 3200, 32_000}) {
            ByteBuffer inner = Envelopes.audioEvent(new byte[size]);
            ByteBuffer whole = ByteBuffer.allocate(EventSigner.envelopeLength(inner.remaining()));
            signer.sign(inner, whole);
            ByteBuffer head = ByteBuffer.allocateDirect(EventSigner.ENVELOPE_OVERHEAD - 4);
            int crc = other.signHead(inner, head);
            byte[] joined = ByteBuffer.allocate(whole.capacity()).put(head.flip()).put(inner.duplicate())
                    .putInt(crc).array();

            assertThat(joined).as("size %d", size).isEqualTo(whole.array());
            assertThat(other.lastSignatureHex()).isEqualTo(signer.lastSignatureHex());
        }
    }

    @Test
    void signatureChainsFromTheSeed() {
        assertThat(signer.lastSignatureHex()).isEqualTo(SEED);
        Envelopes.signAll(signer, List.of(new byte[5]), clock, Duration.ZERO);
        assertThat(signer.lastSignatureHex()).hasSize(64).isNotEqualTo(SEED);
        assertThat(signer.eventsSigned()).isEqualTo(2);
    }

    @Test
    void tooSmallBufferDoesNotAdvanceTheChain() {
        ByteBuffer inner = Envelopes.audioEvent(new byte[100]);
        assertThatThrownBy(() -> signer.sign(inner, ByteBuffer.allocate(100)))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(signer.lastSignatureHex()).isEqualTo(SEED);
        assertThat(signer.eventsSigned()).isZero();
    }

    @Test
    void envelopeOverTheLimitIsRefusedBeforeTheChainMoves() {
        ByteBuffer tooBig = ByteBuffer.allocate(
                EventStreamConstants.DEFAULT_MAX_MESSAGE_LENGTH - EventSigner.ENVELOPE_OVERHEAD + 1);
        ByteBuffer roomForIt = ByteBuffer.allocate(EventSigner.envelopeLength(tooBig.remaining()));
        ByteBuffer head = ByteBuffer.allocate(EventSigner.ENVELOPE_OVERHEAD);

        assertThatThrownBy(() -> signer.sign(tooBig, roomForIt)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> signer.signHead(tooBig, head)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");

        assertThat(signer.lastSignatureHex()).isEqualTo(SEED);
        assertThat(signer.eventsSigned()).isZero();
        assertThat(roomForIt.position()).isZero();
        assertThat(head.position()).isZero();
        EventSigner untouched = new EventSigner(CREDENTIALS, "us-west-2", "transcribe", SEED, clock);
        assertThat(Envelopes.signAll(signer, List.of(new byte[7]), clock, Duration.ZERO))
                .containsExactlyElementsOf(Envelopes.signAll(untouched, List.of(new byte[7]), clock, Duration.ZERO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e1d8", "E1D8E8C8815E60969F2A34765C9A15945FFC0BADBAA4B7E3B163EA19131E949B",
            "e1d8e8c8815e60969f2a34765c9a15945ffc0badbaa4b7e3b163ea19131e949b0",
            "g1d8e8c8815e60969f2a34765c9a15945ffc0badbaa4b7e3b163ea19131e949b",
            "e1d8e8c8815e60969f2a34765c9a15945ffc0badbaa4b7e3b163ea19131e949 "})
    void seedThatIsNotASignatureIsRefusedWithoutQuotingIt(String seed) {
        assertThatThrownBy(() -> new EventSigner(CREDENTIALS, "us-west-2", "transcribe", seed, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 lower-case hex")
                .satisfies(e -> assertThat(seed.isEmpty() || !e.getMessage().contains(seed)).isTrue());
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(signer.toString()).doesNotContain("wJalr").doesNotContain(SEED);
        assertThat(CREDENTIALS.toString()).contains("AKIDEXAMPLE").doesNotContain("wJalr");
        assertThat(Credentials.of("a", "b", "SECRET-TOKEN").toString()).doesNotContain("SECRET-TOKEN");
    }
}
