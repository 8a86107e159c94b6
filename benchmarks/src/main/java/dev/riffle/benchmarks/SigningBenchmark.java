package dev.riffle.benchmarks;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.eventstream.MessageListener;
import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.EventChainVerifier;
import dev.riffle.sigv4.EventSigner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Signing one 3,200-byte audio event (100 ms of 16 kHz PCM in an AudioEvent): hash the inner message, hash the
 * {@code :date} header, HMAC the string to sign, write the envelope. Beside it: the floor (bare SHA-256 of the same
 * inner message plus one HmacSHA256 of a string-to-sign-sized input) and verifying the same envelope. The AWS SDK
 * for Java v2's event-stream signer is measured in {@link AwsSdkSigningBenchmark}, in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SigningBenchmark {

    static final Credentials CREDENTIALS = Credentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    static final String SEED = "e1d8e8c8815e60969f2a34765c9a15945ffc0badbaa4b7e3b163ea19131e949b";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    private ByteBuffer inner;
    private ByteBuffer envelope;
    private ByteBuffer head;
    private EventSigner signer;
    private MessageDigest sha256;
    private Mac hmac;
    private final byte[] stringToSign = new byte[256];
    private final byte[] out = new byte[32];
    /** A chain of signed envelopes, verified one per operation, in order. */
    private ByteBuffer[] chain;
    private int next;
    private EventChainVerifier verifier;
    private MessageDecoder decoder;
    private MessageListener verify;

    @Setup
    public void setUp(Blackhole blackhole) throws Exception {
        inner = audioEvent();
        envelope = ByteBuffer.allocate(EventSigner.envelopeLength(inner.remaining()));
        head = ByteBuffer.allocate(EventSigner.ENVELOPE_OVERHEAD - 4);
        signer = new EventSigner(CREDENTIALS, "us-west-2", "transcribe", SEED, CLOCK);
        sha256 = MessageDigest.getInstance("SHA-256");
        hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));

        // A chain long enough that restarting it (a new verifier) is amortised to nothing.
        EventSigner chainSigner = new EventSigner(CREDENTIALS, "us-west-2", "transcribe", SEED, CLOCK);
        chain = new ByteBuffer[CHAIN_LENGTH];
        for (int i = 0; i < CHAIN_LENGTH; i++) {
            chain[i] = ByteBuffer.allocate(EventSigner.envelopeLength(inner.remaining()));
            chainSigner.sign(inner, chain[i]);
        }
        decoder = new MessageDecoder();
        verify = view -> blackhole.consume(verifier.verify(view));
    }

    private static final int CHAIN_LENGTH = 256;

    /** riffle: sign and write the whole envelope into a reused buffer. */
    @Benchmark
    public ByteBuffer signRiffle() {
        envelope.clear();
        signer.sign(inner, envelope);
        return envelope;
    }

    /** riffle: sign and write only prelude and headers; the inner message is sent as it is (no copy). */
    @Benchmark
    public int signRiffleTwoPiece() {
        head.clear();
        return signer.signHead(inner, head);
    }

    /** The floor: SHA-256 of the inner message and one HmacSHA256 of a string-to-sign-sized input. */
    @Benchmark
    public byte[] signFloorSha256PlusHmac() throws Exception {
        sha256.update(inner.array(), 0, inner.remaining());
        sha256.digest(out, 0, 32);
        hmac.update(stringToSign);
        hmac.doFinal(out, 0);
        return out;
    }

    /** riffle: decode the next envelope of the chain and verify it against the previous signature. */
    @Benchmark
    public void verifyRiffle() {
        if (next == 0) {
            verifier = new EventChainVerifier(CREDENTIALS, "us-west-2", "transcribe", SEED, CLOCK,
                    Duration.ofMinutes(5));
        }
        ByteBuffer envelope = chain[next].clear();
        next = (next + 1) % CHAIN_LENGTH;
        decoder.feed(envelope, verify);
    }

    static ByteBuffer audioEvent() {
        HeaderBlock headers = new HeaderBlock().addString(":message-type", "event")
                .addString(":event-type", "AudioEvent").addString(":content-type", "application/octet-stream");
        byte[] audio = new byte[3200];
        new java.util.Random(42).nextBytes(audio);
        ByteBuffer b = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), audio.length));
        new MessageEncoder().encode(headers, ByteBuffer.wrap(audio), b);
        return b.flip();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
