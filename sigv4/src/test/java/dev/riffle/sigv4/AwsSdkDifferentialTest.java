package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.riffle.eventstream.EventStreamException;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.sigv4.SignableRequest.Param;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.eventstream.Message;

/**
 * riffle's SigV4 against the AWS SDK for Java v2's signer (see {@link AwsSdkSigner}), on a Transcribe Streaming
 * request and its event stream, with fixed credentials and clocks and seeded random events:
 * <ul>
 * <li>the request's {@code Authorization} (and every header signing adds) is the SDK's;</li>
 * <li>each chain of events is the SDK's frame for frame: same {@code :date}, same {@code :chunk-signature}, same
 * bytes, the empty end frame included;</li>
 * <li>riffle's {@link EventChainVerifier} accepts the SDK's chains, and refuses them with a bit flipped: every bit
 * of the prelude and {@code :date}, a sample of the rest.</li>
 * </ul>
 *
 * <h2>{@code :date} precision</h2>
 * The SDK writes its signing clock's instant into {@code :date} with its milliseconds, and signs those bytes;
 * riffle truncates to the whole second. Both put the same whole-second time in the string to sign. So for the
 * frame-for-frame comparison the SDK's clock is set to whole seconds, where both must sign identical bytes; a
 * separate test gives both the same clock with milliseconds and checks what then holds: riffle's {@code :date} is
 * the SDK's truncated, and riffle's verifier accepts the SDK's millisecond frames.
 */
class AwsSdkDifferentialTest {

    private static final String REGION = "us-west-2";
    private static final String SERVICE = "transcribe";
    private static final String HOST = "transcribestreaming.us-west-2.amazonaws.com";
    private static final String PATH = "/stream-transcription";

    /** The AWS documentation's example keys. */
    private static final Credentials LONG_TERM =
            Credentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final Credentials TEMPORARY = Credentials.of("ASIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY",
            "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8"
                    + "YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx"
                    + "6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iS"
                    + "IlTJabIQwj2ICCR/oLxBA==");

    /**
     * The headers of a StartStreamTranscription request but {@code host} (the SDK derives it from the endpoint),
     * in mixed case, as clients send them; {@code user-agent} and {@code x-amzn-trace-id} are left unsigned by both.
     */
    private static final List<Param> HEADERS = List.of(
            new Param("Content-Type", "application/vnd.amazon.eventstream"),
            new Param("X-Amzn-Transcribe-Language-Code", "en-US"),
            new Param("X-Amzn-Transcribe-Media-Encoding", "pcm"),
            new Param("X-Amzn-Transcribe-Sample-Rate", "16000"),
            new Param("X-Amzn-Transcribe-Session-Id", "5ae4c3b6-8f1d-4a7e-9c2b-0d6e1f3a2b4c"),
            new Param("User-Agent", "aws-sdk-java/2.41.30 riffle-differential-test"),
            new Param("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793"));

    /** The service's window for {@code :date}. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final int MAX_AUDIO_BYTES = 8 * 1024;
    private static final int MAX_EVENTS = 12;

    // Where the signed values lie in an envelope: prelude (12 bytes), then :date (7 bytes of name length, name and
    // type, 8 of value), then :chunk-signature (20 bytes of name length, name, type and value length, 32 of value),
    // then the payload. Both signers write the headers in that order (compared byte for byte below).
    private static final int PRELUDE = 12;
    private static final int DATE_VALUE = PRELUDE + EventSignatureCalculator.DATE_HEADER_PREFIX.length;
    private static final int SIGNATURE_VALUE = PRELUDE + EventSignatureCalculator.DATE_HEADER_LENGTH + 20;
    private static final int PAYLOAD = PRELUDE + EventSigner.ENVELOPE_HEADERS_LENGTH;

    static Stream<Arguments> headerCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Credentials credentials : List.of(LONG_TERM, TEMPORARY)) {
            String kind = credentials.sessionToken().isPresent() ? "with session token" : "without session token";
            for (String time : List.of("2026-11-21T15:46:32Z", "2026-12-31T23:59:59.999Z", "2024-02-29T00:00:00Z")) {
                cases.add(Arguments.of(Named.of(kind, credentials), Instant.parse(time)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("headerCases")
    void requestSignatureIsTheSdks(Credentials credentials, Instant time) {
        TestClock clock = new TestClock();
        clock.set(time);
        SdkHttpRequest sdk = AwsSdkSigner.signHeaders(credentials, REGION, SERVICE, sdkRequest(), clock);
        SignedRequest riffle = RequestSigner.sign(riffleRequest(), riffleOptions(credentials, time));

        assertThat(riffle.authorization()).isEqualTo(sdk.firstMatchingHeader("Authorization").orElseThrow());
        assertThat(riffle.signature()).isEqualTo(signatureOf(sdk));
        // The same headers go on the wire: x-amz-date, x-amz-content-sha256 and the token included.
        assertThat(headerMap(riffle.headers())).isEqualTo(headerMap(sdk));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 32);
    }

    static LongStream millisecondSeeds() {
        return LongStream.rangeClosed(1001, 1012);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void eventChainIsTheSdksFrameForFrame(long seed) {
        Scenario s = Scenario.random(seed, false);
        AwsSdkSigner.SignedChain sdk = s.signWithSdk();
        Chain riffle = riffleChainSeededAsTheSdks(s, sdk);

        assertThat(summaries(riffle.frames)).isEqualTo(summaries(sdk.frames()));
        for (int i = 0; i < sdk.frames().size(); i++) {
            assertThat(riffle.frames.get(i)).as("frame %d", i).isEqualTo(sdk.frames().get(i));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void verifierAcceptsTheSdksChainAndRefusesItWithABitFlipped(long seed) {
        Scenario s = Scenario.random(seed, false);
        AwsSdkSigner.SignedChain sdk = s.signWithSdk();

        assertAcceptedThenRefusedFlipped(s, sdk, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("millisecondSeeds")
    void sdkMillisecondDatesTruncateToRifflesAndVerify(long seed) {
        Scenario s = Scenario.random(seed, true);
        AwsSdkSigner.SignedChain sdk = s.signWithSdk();
        Chain riffle = riffleChainSeededAsTheSdks(s, sdk);

        List<FrameSummary> sdkFrames = summaries(sdk.frames());
        List<FrameSummary> riffleFrames = summaries(riffle.frames);
        assertThat(riffleFrames).hasSameSizeAs(sdkFrames);
        for (int i = 0; i < sdkFrames.size(); i++) {
            long clockMillis = s.frameTimes.get(i).toEpochMilli();
            assertThat(sdkFrames.get(i).dateMillis()).as("the SDK's :date of frame %d", i).isEqualTo(clockMillis);
            assertThat(riffleFrames.get(i).dateMillis()).as("riffle's :date of frame %d", i)
                    .isEqualTo(Math.floorDiv(clockMillis, 1000L) * 1000L);
        }
        assertAcceptedThenRefusedFlipped(s, sdk, seed);
    }

    /**
     * riffle's chain for {@code s}, checked first to start from the SDK's seed: the same request signature (its
     * {@code x-amz-date} has whole seconds in both, whatever the clock).
     */
    private static Chain riffleChainSeededAsTheSdks(Scenario s, AwsSdkSigner.SignedChain sdk) {
        Chain riffle = s.signWithRiffle();
        assertThat(riffle.request.authorization()).as("Authorization")
                .isEqualTo(sdk.request().firstMatchingHeader("Authorization").orElseThrow());
        return riffle;
    }

    /**
     * riffle's verifier takes the SDK's whole chain; then, frame by frame, it refuses the rest of the chain with
     * one bit of that frame flipped. Flipped as is, the frame's CRCs fail (the codec refuses it); flipped and then
     * given valid CRCs again, as a forger would, a flip in {@code :date}, {@code :chunk-signature} or the payload
     * must fail the signature, and any other flip (lengths, header names and types) must fail somewhere.
     *
     * <p>Each frame is checked by a verifier seeded with the previous frame's signature: the state a verifier is in
     * after the frames before, without verifying them again for every bit.
     */
    private static void assertAcceptedThenRefusedFlipped(Scenario s, AwsSdkSigner.SignedChain sdk, long seed) {
        List<byte[]> frames = sdk.frames();
        String prior = signatureOf(sdk.request());
        TestClock serverClock = new TestClock();
        serverClock.set(s.requestTime);

        EventChainVerifier whole = s.verifier(prior, serverClock);
        assertThat(EventChains.verifyAll(whole, frames)).isEqualTo(frames.size());
        assertThat(whole.isEnded()).isTrue();

        SplittableRandom random = new SplittableRandom(seed);
        for (int e = 0; e < frames.size(); e++) {
            byte[] frame = frames.get(e);
            byte[] original = frame.clone();
            List<byte[]> rest = frames.subList(e, frames.size());
            for (int bit : bitsToFlip(frame.length, random)) {
                int at = bit / 8;
                frame[at] ^= (byte) (1 << (bit % 8));
                Throwable plain = refusal(s.verifier(prior, serverClock), rest);
                if (plain == null) {
                    fail("frame %d with bit %d flipped was accepted", e, bit);
                }
                if (!inCrc(at, frame.length)) {
                    fixCrcs(frame);
                    Throwable forged = refusal(s.verifier(prior, serverClock), rest);
                    if (forged == null) {
                        fail("frame %d with bit %d flipped and its CRCs fixed was accepted", e, bit);
                    }
                    if (signed(at, frame.length) && !(forged instanceof SignatureVerificationException)) {
                        fail("frame %d with signed bit %d flipped and its CRCs fixed failed %s, not the signature",
                                e, bit, forged);
                    }
                }
                System.arraycopy(original, 0, frame, 0, frame.length);
            }
            prior = Hex.encode(Message.decode(ByteBuffer.wrap(frame)).getHeaders()
                    .get(EventSigner.SIGNATURE_HEADER).getByteArray());
        }
    }

    /**
     * The failure of verifying {@code frames}, or null if they all verified. The decoder refuses messages over
     * 64 KiB (none here is over 9 KiB): with the default 24 MiB a forged length makes it allocate megabytes to wait
     * for bytes that never come, thousands of times, for the same refusal (the input ends short).
     */
    private static Throwable refusal(EventChainVerifier verifier, List<byte[]> frames) {
        try {
            EventChains.verifyAll(MessageDecoder.builder().maxMessageLength(64 * 1024).build(), verifier, frames);
            return null;
        } catch (SignatureVerificationException | EventStreamException e) {
            return e;
        }
    }

    /**
     * Every bit of the prelude and of the {@code :date} header, where the lengths, the prelude CRC and the time lie
     * (the verifier reads {@code :date} in two precisions: a flip in its milliseconds must count too); and 32
     * random bits of the {@code :chunk-signature} header, and 32 of the payload and message CRC. Flipping every bit
     * of every frame would be millions of verifications, far over the time budget.
     */
    private static int[] bitsToFlip(int frameLength, SplittableRandom random) {
        int signatureHeader = (PRELUDE + EventSignatureCalculator.DATE_HEADER_LENGTH) * 8;
        int payload = PAYLOAD * 8;
        return Stream.of(IntStream.range(0, signatureHeader), random.ints(32, signatureHeader, payload),
                random.ints(32, payload, frameLength * 8)).flatMapToInt(bits -> bits).toArray();
    }

    private static boolean inCrc(int at, int frameLength) {
        return (at >= 8 && at < PRELUDE) || at >= frameLength - 4;
    }

    /** Whether byte {@code at} is signed content: the {@code :date} or signature value, or the payload. */
    private static boolean signed(int at, int frameLength) {
        return (at >= DATE_VALUE && at < DATE_VALUE + Long.BYTES)
                || (at >= SIGNATURE_VALUE && at < SIGNATURE_VALUE + 32)
                || (at >= PAYLOAD && at < frameLength - 4);
    }

    /** Rewrites both CRCs of a frame for the bytes it now holds (its length fields as they were). */
    private static void fixCrcs(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame);
        b.putInt(8, crc(frame, 8));
        b.putInt(frame.length - 4, crc(frame, frame.length - 4));
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    /** What a frame says, decoded by the SDK's own event-stream library; compared before the bytes, to read. */
    record FrameSummary(List<String> headers, long dateMillis, String chunkSignature, int payloadLength) {
    }

    private static List<FrameSummary> summaries(List<byte[]> frames) {
        List<FrameSummary> out = new ArrayList<>();
        for (byte[] frame : frames) {
            Message m = Message.decode(ByteBuffer.wrap(frame));
            out.add(new FrameSummary(List.copyOf(m.getHeaders().keySet()),
                    m.getHeaders().get(EventSigner.DATE_HEADER).getTimestamp().toEpochMilli(),
                    Hex.encode(m.getHeaders().get(EventSigner.SIGNATURE_HEADER).getByteArray()),
                    m.getPayload().length));
        }
        return out;
    }

    /** One stream: who signs, when the request and each frame are signed, and the events. */
    private record Scenario(Credentials credentials, Instant requestTime, List<ByteBuffer> events,
                            List<Instant> frameTimes) {

        /**
         * Random, from {@code seed}: the credentials; a start time, a third of the time just before a UTC midnight
         * so that the chain crosses into the next day's signing key; 0 to 12 AudioEvents of 0 to 8 KiB of audio;
         * 0 to 20 s between frames (repeats of a second included), so that a whole chain lies within the
         * verifier's five minutes; with {@code milliseconds}, every time gets a random sub-second part.
         */
        static Scenario random(long seed, boolean milliseconds) {
            SplittableRandom random = new SplittableRandom(seed);
            Credentials credentials = random.nextBoolean() ? TEMPORARY : LONG_TERM;
            long second;
            if (random.nextInt(3) == 0) {
                LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3650));
                second = day.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1 - random.nextInt(60);
            } else {
                second = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond() + random.nextLong(10L * 365 * 86400);
            }
            Instant requestTime = time(second, milliseconds, random);
            int count = random.nextInt(MAX_EVENTS + 1);
            List<ByteBuffer> events = new ArrayList<>();
            List<Instant> frameTimes = new ArrayList<>();
            for (int i = 0; i <= count; i++) {
                if (i < count) {
                    events.add(audioEvent(random));
                }
                second += random.nextInt(21);
                frameTimes.add(time(second, milliseconds, random));
            }
            return new Scenario(credentials, requestTime, List.copyOf(events), List.copyOf(frameTimes));
        }

        private static Instant time(long second, boolean milliseconds, SplittableRandom random) {
            return Instant.ofEpochSecond(second).plusMillis(milliseconds ? 1 + random.nextInt(999) : 0);
        }

        AwsSdkSigner.SignedChain signWithSdk() {
            return AwsSdkSigner.signChain(credentials, REGION, SERVICE, sdkRequest(), new TestClock(),
                    requestTime, events, frameTimes);
        }

        Chain signWithRiffle() {
            SignedRequest request = RequestSigner.sign(riffleRequest(), riffleOptions(credentials, requestTime));
            TestClock clock = new TestClock();
            EventSigner signer = new EventSigner(credentials, REGION, SERVICE, request.signature(), clock);
            List<byte[]> frames = new ArrayList<>();
            for (int i = 0; i < frameTimes.size(); i++) {
                clock.set(frameTimes.get(i));
                boolean end = i == events.size();
                ByteBuffer inner = end ? ByteBuffer.allocate(0) : events.get(i).duplicate();
                ByteBuffer out = ByteBuffer.allocate(EventSigner.envelopeLength(inner.remaining()));
                if (end) {
                    signer.signEnd(out);
                } else {
                    signer.sign(inner, out);
                }
                frames.add(out.array());
            }
            return new Chain(request, frames);
        }

        EventChainVerifier verifier(String seedSignature, TestClock clock) {
            return new EventChainVerifier(credentials, REGION, SERVICE, seedSignature, clock, SKEW);
        }
    }

    /** What riffle sent. */
    private record Chain(SignedRequest request, List<byte[]> frames) {
    }

    /** An AudioEvent as a client encodes it with riffle's codec, before signing wraps it: 0 to 8 KiB of audio. */
    private static ByteBuffer audioEvent(SplittableRandom random) {
        int length = switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> MAX_AUDIO_BYTES;
            default -> random.nextInt(MAX_AUDIO_BYTES + 1);
        };
        byte[] audio = new byte[length];
        random.nextBytes(audio);
        HeaderBlock headers = new HeaderBlock()
                .addString(":content-type", "application/octet-stream")
                .addString(":event-type", "AudioEvent")
                .addString(":message-type", "event");
        ByteBuffer encoded = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), length));
        new MessageEncoder().encode(headers, ByteBuffer.wrap(audio), encoded);
        return encoded.flip().asReadOnlyBuffer();
    }

    private static SignableRequest riffleRequest() {
        SignableRequest.Builder request = SignableRequest.builder("POST", PATH).header("host", HOST);
        HEADERS.forEach(h -> request.header(h.name(), h.value()));
        return request.build();
    }

    private static SigningOptions riffleOptions(Credentials credentials, Instant time) {
        return SigningOptions.of(credentials, REGION, SERVICE, time)
                .withPayloadHash(SigV4.STREAMING_EVENTS_PAYLOAD).withContentSha256Header(true);
    }

    private static SdkHttpRequest sdkRequest() {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("https")
                .host(HOST).encodedPath(PATH);
        HEADERS.forEach(h -> request.appendHeader(h.name(), h.value()));
        return request.build();
    }

    /** {@code Signature=} of the SDK's Authorization header. */
    private static String signatureOf(SdkHttpRequest request) {
        String authorization = request.firstMatchingHeader("Authorization").orElseThrow();
        return authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
    }

    private static Map<String, List<String>> headerMap(List<Param> headers) {
        Map<String, List<String>> out = new TreeMap<>();
        headers.forEach(h -> out.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .add(h.value()));
        return out;
    }

    private static Map<String, List<String>> headerMap(SdkHttpRequest request) {
        Map<String, List<String>> out = new TreeMap<>();
        request.forEachHeader((name, values) -> out.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                n -> new ArrayList<>()).addAll(values));
        return out;
    }
}
