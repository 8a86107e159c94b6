package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.riffle.eventstream.EventStreamException;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.sigv4.SignatureVerificationException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fuzzes {@link EventChainVerifier}: what a server does with the {@code :date} and {@code :chunk-signature} headers
 * of the signed event-stream frames it receives after the request.
 *
 * <p>Properties: each frame verifies or is refused with a {@link SignatureVerificationException} for that event's
 * index, with a reason and a message naming the event (or, for a stale one, the service's own text) and never
 * quoting a secret; frames the codec cannot read are refused by the codec's {@link EventStreamException}; nothing
 * else is thrown and nothing hangs; once refused, the chain stays broken and every later frame is refused with the
 * same exception. And the oracle: a chain left as it
 * was signed verifies to its end frame; a chain with a frame changed (its {@code :date}, signature, payload, headers
 * or their types), dropped, replayed, reordered or sent after the end is refused at exactly that frame; one checked
 * at a time outside the skew of an event's {@code :date} is refused at the first such event.
 *
 * <p>Frames with random bytes fail the codec's CRC, and frames with random headers fail the HMAC at once, so half the
 * inputs start from a chain the module's own {@link EventSigner} signed with fixed test credentials across
 * midnight, re-encoded after the fuzzer's edit; the other half are well-formed frames with headers of the fuzzer's
 * names, types and values, or raw bytes.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl sigv4 test -Dtest=EventChainVerifierFuzzTest -Djazzer.max_duration=30m}.
 */
class EventChainVerifierFuzzTest {

    private static final String SEED = "9d9ab996c81f32c9d4e6fc166c92584f3741d1cb5ce325cd11a77d1f962c8de2";
    private static final Instant START = Instant.parse("2026-11-21T23:59:58Z");
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final Set<Reason> STALE = EnumSet.of(Reason.SIGNATURE_EXPIRED, Reason.SIGNATURE_NOT_YET_CURRENT);

    /** Every frame verifies, or the first refusal comes at frame {@code failsAt}; neither when nothing is known. */
    private record Expect(boolean verifiesAll, int failsAt) {
        static final Expect EITHER = new Expect(false, -1);
        static final Expect VERIFIES = new Expect(true, -1);

        static Expect failsAt(int index) {
            return new Expect(false, index);
        }
    }

    /** The edits of a signed chain. */
    private enum Edit {
        NONE, DATE, SIGNATURE, PAYLOAD, SWAP_HEADERS, EXTRA_HEADER, DROP_HEADER, RETYPE, REORDER, DROP_FRAME, REPLAY,
        AFTER_END, CLOCK
    }

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void verifiesOrRefusesWithAReason(FuzzedDataProvider data) {
        Credentials credentials = FuzzFixtures.eitherCredentials(data);
        TestClock clock = new TestClock(START);
        EventChainVerifier verifier = new EventChainVerifier(credentials, "us-west-2", "transcribe", SEED, clock,
                SKEW);
        int mode = data.consumeInt(0, 3);
        if (mode < 2) {
            SignedChain chain = SignedChain.sign(credentials, data);
            Expect expect = chain.edit(data, clock);
            check(verifier, chain.encode(), expect);
        } else if (mode == 2) {
            check(verifier, arbitraryFrames(data), Expect.EITHER);
        } else {
            check(verifier, List.of(data.consumeRemainingAsBytes()), Expect.EITHER);
        }
    }

    private static void check(EventChainVerifier verifier, List<byte[]> frames, Expect expect) {
        MessageDecoder decoder = MessageDecoder.builder().maxMessageLength(1 << 16).maxHeadersLength(1 << 12)
                .maxHeaderCount(16).build();
        int frame = 0;
        RuntimeException refusal = null;
        for (; frame < frames.size() && refusal == null; frame++) {
            refusal = feed(decoder, verifier, frames.get(frame));
        }
        if (refusal == null) {
            refusal = endOfInput(decoder);
        }
        int refusedAt = refusal == null ? -1 : frame - 1;
        if (expect.verifiesAll()) {
            assertThat(refusal).as("a chain left as signed").isNull();
            assertThat(verifier.isEnded()).isTrue();
        }
        if (expect.failsAt() >= 0) {
            assertThat(refusal).as("a chain changed at frame %d", expect.failsAt()).isNotNull();
            assertThat(refusedAt).as("the frame refused (%s)", refusal.getMessage()).isEqualTo(expect.failsAt());
        }
        if (refusal instanceof SignatureVerificationException broken) {
            assertEventRefusal(broken, verifier);
            assertStaysBroken(broken, verifier, frames.get(0));
        }
    }

    /** Null if the frame decoded and verified; else the refusal, of the codec or of the verifier. */
    private static RuntimeException feed(MessageDecoder decoder, EventChainVerifier verifier, byte[] frame) {
        try {
            decoder.feed(ByteBuffer.wrap(frame), verifier::verify);
            return null;
        } catch (SignatureVerificationException | EventStreamException refused) {
            return refused;
        }
    }

    private static RuntimeException endOfInput(MessageDecoder decoder) {
        try {
            decoder.endOfInput();
            return null;
        } catch (EventStreamException truncated) {
            return truncated;
        }
    }

    private static void assertEventRefusal(SignatureVerificationException refusal, EventChainVerifier verifier) {
        assertThat(refusal.isEventFailure()).isTrue();
        assertThat(refusal.eventIndex()).isEqualTo(verifier.eventsVerified());
        assertThat(refusal.httpStatus()).isEqualTo(400);
        assertThat(refusal.errorType()).isEqualTo("BadRequestException");
        if (!STALE.contains(refusal.reason())) { // those answer with the service's own text, which names no event
            assertThat(refusal.getMessage()).contains("event " + refusal.eventIndex());
        }
        FuzzFixtures.assertNoSecretIn(refusal.getMessage());
    }

    /** After a refusal any frame, even a good one, is refused with the same exception. */
    private static void assertStaysBroken(SignatureVerificationException refusal, EventChainVerifier verifier,
                                          byte[] anyFrame) {
        try {
            Envelopes.withView(anyFrame, verifier::verify);
        } catch (SignatureVerificationException again) {
            assertThat(again).isSameAs(refusal);
            return;
        } catch (EventStreamException unreadable) {
            return; // the codec refused the frame before the verifier saw it
        }
        throw new AssertionError("a broken chain verified a frame");
    }

    /** One to four well-formed frames with headers of the fuzzer's names (mostly the two that count), types, values. */
    private static List<byte[]> arbitraryFrames(FuzzedDataProvider data) {
        List<byte[]> frames = new ArrayList<>();
        for (int f = data.consumeInt(1, 4); f > 0; f--) {
            HeaderBlock headers = new HeaderBlock();
            List<String> names = new ArrayList<>();
            for (int h = data.consumeInt(0, 4); h > 0; h--) {
                String name = data.pickValue(List.of(EventSigner.DATE_HEADER, EventSigner.SIGNATURE_HEADER, "x"));
                if (!names.contains(name)) {
                    names.add(name);
                    addArbitraryHeader(headers, name, data);
                }
            }
            frames.add(Envelopes.envelope(headers, data.consumeBytes(data.consumeInt(0, 64))));
        }
        return frames;
    }

    private static void addArbitraryHeader(HeaderBlock headers, String name, FuzzedDataProvider data) {
        switch (data.consumeInt(0, 8)) {
            case 0 -> headers.addBoolean(name, data.consumeBoolean());
            case 1 -> headers.addByte(name, data.consumeByte());
            case 2 -> headers.addShort(name, data.consumeShort());
            case 3 -> headers.addInt(name, data.consumeInt());
            case 4 -> headers.addLong(name, data.consumeLong());
            case 5 -> headers.addTimestamp(name, data.consumeBoolean() ? data.consumeLong()
                    : START.toEpochMilli() + data.consumeLong(-400_000, 400_000));
            case 6 -> headers.addUuid(name, new UUID(data.consumeLong(), data.consumeLong()));
            case 7 -> headers.addString(name, data.consumeString(40));
            default -> headers.addByteArray(name, data.consumeBytes(data.consumeInt(0, 40)));
        }
    }

    /** A frame of a signed chain, as fields the fuzzer can change before it is encoded again. */
    private static final class Frame {
        long date;
        byte[] signature;
        byte[] payload;
        boolean signatureFirst;
        boolean dateAsLong;
        boolean signatureAsString;
        boolean withoutDate;
        boolean withoutSignature;
        String extraHeader;

        Frame copy() {
            Frame copy = new Frame();
            copy.date = date;
            copy.signature = signature.clone();
            copy.payload = payload.clone();
            copy.signatureFirst = signatureFirst;
            copy.dateAsLong = dateAsLong;
            copy.signatureAsString = signatureAsString;
            copy.withoutDate = withoutDate;
            copy.withoutSignature = withoutSignature;
            copy.extraHeader = extraHeader;
            return copy;
        }

        byte[] encode() {
            HeaderBlock headers = new HeaderBlock();
            if (signatureFirst) {
                addSignature(headers);
                addDate(headers);
            } else {
                addDate(headers);
                addSignature(headers);
            }
            if (extraHeader != null) {
                headers.addString(extraHeader, "extra");
            }
            return Envelopes.envelope(headers, payload);
        }

        private void addDate(HeaderBlock headers) {
            if (withoutDate) {
                return;
            }
            if (dateAsLong) {
                headers.addLong(EventSigner.DATE_HEADER, date);
            } else {
                headers.addTimestamp(EventSigner.DATE_HEADER, date);
            }
        }

        private void addSignature(HeaderBlock headers) {
            if (withoutSignature) {
                return;
            }
            if (signatureAsString) {
                headers.addString(EventSigner.SIGNATURE_HEADER, new String(signature, StandardCharsets.ISO_8859_1));
            } else {
                headers.addByteArray(EventSigner.SIGNATURE_HEADER, signature);
            }
        }
    }

    /** A chain the module's signer made, being edited. */
    private static final class SignedChain {

        private final List<Frame> frames = new ArrayList<>();

        /** One to three audio events, the clock moving up to 1.5 s between them, then the end frame. */
        static SignedChain sign(Credentials credentials, FuzzedDataProvider data) {
            TestClock signingClock = new TestClock(START);
            EventSigner signer = new EventSigner(credentials, "us-west-2", "transcribe", SEED, signingClock);
            List<byte[]> audio = new ArrayList<>();
            for (int i = data.consumeInt(1, 3); i > 0; i--) {
                audio.add(data.consumeBytes(data.consumeInt(1, 48)));
            }
            SignedChain chain = new SignedChain();
            for (byte[] envelope : Envelopes.signAll(signer, audio, signingClock,
                    Duration.ofMillis(data.consumeInt(0, 1500)))) {
                Envelopes.withView(envelope, view -> chain.frames.add(frameOf(view.timestampMillis(0),
                        view.byteArrayValue(1), view.payloadBytes())));
            }
            return chain;
        }

        private static Frame frameOf(long date, byte[] signature, byte[] payload) {
            Frame frame = new Frame();
            frame.date = date;
            frame.signature = signature;
            frame.payload = payload;
            return frame;
        }

        List<byte[]> encode() {
            return frames.stream().map(Frame::encode).toList();
        }

        /** One edit whose outcome is known, or (a third of the time) two to four of any kind. */
        Expect edit(FuzzedDataProvider data, TestClock clock) {
            return FuzzFixtures.oneOrSeveralEdits(data, Edit.values(), edit -> edit(edit, data, clock),
                    Expect.EITHER);
        }

        private Expect edit(Edit edit, FuzzedDataProvider data, TestClock clock) {
            if (frames.isEmpty()) {
                return Expect.EITHER; // earlier edits dropped every frame
            }
            int at = data.consumeInt(0, frames.size() - 1);
            Frame frame = frames.get(at);
            return switch (edit) {
                case NONE -> Expect.VERIFIES;
                case DATE -> {
                    long before = frame.date;
                    frame.date = data.consumeBoolean() ? data.consumeLong() : before + data.consumeLong(-3000, 3000);
                    yield frame.date == before ? Expect.VERIFIES : Expect.failsAt(at);
                }
                case SIGNATURE -> {
                    byte[] before = frame.signature;
                    frame.signature = data.consumeBoolean() ? data.consumeBytes(40) : flipOneBit(before, data);
                    yield Arrays.equals(before, frame.signature) ? Expect.VERIFIES : Expect.failsAt(at);
                }
                case PAYLOAD -> {
                    byte[] before = frame.payload;
                    frame.payload = data.consumeBytes(data.consumeInt(0, 64));
                    yield Arrays.equals(before, frame.payload) ? Expect.VERIFIES : Expect.failsAt(at);
                }
                case SWAP_HEADERS -> {
                    frame.signatureFirst = !frame.signatureFirst;
                    yield Expect.VERIFIES;
                }
                case EXTRA_HEADER -> {
                    String name = data.consumeString(12);
                    frame.extraHeader = name.isEmpty() ? "x" : name;
                    yield Expect.failsAt(at); // a third header, or a repeated name the codec refuses
                }
                case DROP_HEADER -> {
                    if (data.consumeBoolean()) {
                        frame.withoutDate = true;
                    } else {
                        frame.withoutSignature = true;
                    }
                    yield Expect.failsAt(at);
                }
                case RETYPE -> {
                    if (data.consumeBoolean()) {
                        frame.dateAsLong = true;
                    } else {
                        frame.signatureAsString = true;
                    }
                    yield Expect.failsAt(at);
                }
                case REORDER -> reorder(at, data.consumeInt(0, frames.size() - 1));
                case DROP_FRAME -> {
                    frames.remove(at);
                    // Without the end frame the rest verifies (and the stream has not ended); else the next fails.
                    yield at == frames.size() ? Expect.EITHER : Expect.failsAt(at);
                }
                case REPLAY -> {
                    frames.add(at + 1, frame.copy());
                    yield Expect.failsAt(at + 1);
                }
                case AFTER_END -> {
                    frames.add(frame.copy());
                    yield Expect.failsAt(frames.size() - 1);
                }
                case CLOCK -> moveClock(data.consumeLong(-400, 400), clock);
            };
        }

        private Expect reorder(int from, int to) {
            if (from == to) {
                return Expect.VERIFIES;
            }
            Collections.swap(frames, from, to);
            return Expect.failsAt(Math.min(from, to));
        }

        /** The first event whose {@code :date} is outside the skew of the moved clock is refused. */
        private Expect moveClock(long seconds, TestClock clock) {
            clock.set(START.plusSeconds(seconds));
            long now = clock.millis();
            for (int i = 0; i < frames.size(); i++) {
                if (Math.abs(frames.get(i).date - now) > SKEW.toMillis()) {
                    return Expect.failsAt(i);
                }
            }
            return Expect.VERIFIES;
        }

        private static byte[] flipOneBit(byte[] signature, FuzzedDataProvider data) {
            byte[] flipped = signature.clone();
            int bit = data.consumeInt(0, flipped.length * 8 - 1);
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            return flipped;
        }
    }
}
