package dev.riffle.benchmarks;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.eventstream.MessageListener;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encode and decode of one message, riffle side by side with aws-eventstream-java 1.0.1 (what the AWS SDK for
 * Java v2 used) and with the floor: bare {@link CRC32} over the same bytes (decode), plus
 * {@link System#arraycopy} of the payload (encode). Run with {@code -prof gc}; see benchmarks/README.md.
 *
 * <p>Three forks: the same build's encode varies by half from one JVM to the next (each fork steady within itself,
 * the same inlining in all), so one fork's figure is a draw; three average over it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CodecBenchmark {

    @Param({"AUDIO_3200", "TRANSCRIPT_1K", "PAYLOAD_64K"})
    public CodecShape shape;

    private byte[] frame;
    private ByteBuffer frameBuffer;
    private ByteBuffer payload;
    private ByteBuffer destination;
    private byte[] destinationArray;
    private final HeaderBlock headers = new HeaderBlock();
    private final HeaderBlock constantHeaders = new HeaderBlock();
    private final MessageEncoder encoder = new MessageEncoder();
    private final CRC32 crc = new CRC32();
    private MessageDecoder decoder;
    private MessageListener readEventType;
    private software.amazon.eventstream.MessageDecoder awsDecoder;
    private software.amazon.eventstream.Message awsMessage;

    @Setup
    public void setUp(Blackhole blackhole) {
        shape.writeHeaders(constantHeaders);
        payload = ByteBuffer.wrap(shape.payload());
        int length = MessageEncoder.encodedLength(constantHeaders.length(), shape.payload().length);
        frameBuffer = ByteBuffer.allocate(length);
        encoder.encode(constantHeaders, payload, frameBuffer);
        frame = frameBuffer.array();
        destinationArray = new byte[length];
        destination = ByteBuffer.wrap(destinationArray);
        decoder = new MessageDecoder();
        // What a consumer does with an event: look at its type and take its payload's extent.
        readEventType = view -> {
            blackhole.consume(view.stringValueEquals(1, "AudioEvent"));
            blackhole.consume(view.payloadLength());
        };
        awsMessage = new software.amazon.eventstream.Message(shape.awsHeaders(), shape.payload());
        awsDecoder = new software.amazon.eventstream.MessageDecoder(blackhole::consume);
    }

    /** riffle: decode to a view, read the event type, no copy. */
    @Benchmark
    public void decodeRiffle() {
        frameBuffer.clear();
        decoder.feed(frameBuffer, readEventType);
    }

    /** aws-eventstream-java 1.0.1: decode into a Message (its only form). */
    @Benchmark
    public void decodeAws101() {
        awsDecoder.feed(frame);
    }

    /** Floor for decode: CRC-32 over the bytes the message CRC covers. */
    @Benchmark
    public long decodeFloorCrc() {
        crc.reset();
        crc.update(frame, 0, frame.length - 4);
        return crc.getValue();
    }

    /** riffle: encode into a reused buffer, headers written for each message. */
    @Benchmark
    public ByteBuffer encodeRiffle() {
        headers.clear();
        shape.writeHeaders(headers);
        destination.clear();
        encoder.encode(headers, payload, destination);
        return destination;
    }

    /** riffle: encode into a reused buffer with a prebuilt header block (how a transport sends audio). */
    @Benchmark
    public ByteBuffer encodeRiffleConstantHeaders() {
        destination.clear();
        encoder.encode(constantHeaders, payload, destination);
        return destination;
    }

    /** aws-eventstream-java 1.0.1: encode a Message to a buffer (its API allocates the buffer). */
    @Benchmark
    public ByteBuffer encodeAws101() {
        return awsMessage.toByteBuffer();
    }

    /** Floor for encode: copy the payload into place and CRC the message. */
    @Benchmark
    public long encodeFloorCopyCrc() {
        System.arraycopy(shape.payload(), 0, destinationArray, frame.length - 4 - shape.payload().length,
                shape.payload().length);
        crc.reset();
        crc.update(destinationArray, 0, frame.length - 4);
        return crc.getValue();
    }
}
