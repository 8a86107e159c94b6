package dev.riffle.eventstream;

import static dev.riffle.eventstream.Frames.concat;
import static dev.riffle.eventstream.Frames.frame;
import static dev.riffle.eventstream.Frames.header;
import static dev.riffle.eventstream.Frames.prelude;
import static dev.riffle.eventstream.Frames.stringHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.eventstream.EventStreamException.Reason;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Promises of the codec's public API that a review found broken: memory held on the strength of a length, writing
 * what the decoder refuses, the exception type of {@link Message#decode}, {@link MessageView#toMessage()} with
 * raised limits, and peer bytes printed raw in an error.
 */
class CodecContractTest {

    /** 12 bytes announcing 24 MiB used to make the decoder allocate 24 MiB at once. */
    @Test
    void aPreludeAnnouncingALargeMessageDoesNotMakeTheDecoderHoldThatMuch() {
        MessageDecoder decoder = new MessageDecoder();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        decoder.feed(ByteBuffer.allocate(0), view -> { }); // warm up: first-call allocations are not the point
        long before = threads.getCurrentThreadAllocatedBytes();

        decoder.feed(ByteBuffer.wrap(prelude(24 * 1024 * 1024, 0)), view -> { });

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(decoder.hasPartialMessage()).isTrue();
        assertThat(allocated).as("bytes allocated for a 12-byte prelude").isLessThan(1024 * 1024);
    }

    @Test
    void aLargeMessageArrivingInPiecesIsStillAssembledWhole() {
        byte[] payload = new byte[3 * 1024 * 1024 + 7];
        new java.util.Random(7).nextBytes(payload);
        byte[] encoded = frame(stringHeader(":event-type", "AudioEvent"), payload);
        MessageDecoder decoder = new MessageDecoder();
        byte[][] seen = new byte[1][];
        for (int from = 0; from < encoded.length; from += 4096) {
            int n = Math.min(4096, encoded.length - from);
            decoder.feed(ByteBuffer.wrap(encoded, from, n), view -> seen[0] = view.payloadBytes());
        }
        decoder.endOfInput();

        assertThat(seen[0]).isEqualTo(payload);
    }

    /** The decoder refuses more than 1,024 headers, so a block must not hold more. */
    @Test
    void aHeaderBlockRefusesTheHeaderPastTheDecodersCount() {
        HeaderBlock block = new HeaderBlock();
        for (int i = 0; i < EventStreamConstants.DEFAULT_MAX_HEADER_COUNT; i++) {
            block.addBoolean("h" + i, true);
        }

        assertThatThrownBy(() -> block.addBoolean("one-more", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1025 headers");
        assertThatThrownBy(() -> new HeaderBlock().addBoolean("x", true).addAll(block))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1025 headers");
        assertThat(block.count()).isEqualTo(EventStreamConstants.DEFAULT_MAX_HEADER_COUNT);
        ByteBuffer encoded = ByteBuffer.allocate(MessageEncoder.encodedLength(block.length(), 0));
        new MessageEncoder().encode(block, ByteBuffer.allocate(0), encoded);
        encoded.flip();
        assertThat(Message.decode(encoded).headers()).hasSize(EventStreamConstants.DEFAULT_MAX_HEADER_COUNT);
    }

    /** Bad bytes get the codec's own exception, as documented, not an IllegalArgumentException. */
    @Test
    void decodingOtherThanExactlyOneMessageThrowsTheCodecsException() {
        byte[] one = frame(stringHeader("a", "b"), new byte[3]);

        assertThatThrownBy(() -> Message.decode(ByteBuffer.allocate(0))).isInstanceOfSatisfying(
                EventStreamException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED_INPUT));
        assertThatThrownBy(() -> Message.decode(ByteBuffer.wrap(concat(one, one)))).isInstanceOfSatisfying(
                EventStreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRAILING_INPUT);
                    assertThat(e.offset()).isEqualTo(one.length);
                });
    }

    /** A message a decoder with raised limits accepted used to fail when copied. */
    @Test
    void aMessageOverTheWritingLimitsCanStillBeCopiedOutOfItsView() {
        String big = "x".repeat(30_000);
        byte[] headers = new byte[0];
        for (int i = 0; i < 5; i++) {
            headers = concat(headers, stringHeader("h" + i, big)); // 150 KB: over HeaderBlock's 128 KiB
        }
        byte[] encoded = frame(headers, "payload".getBytes(StandardCharsets.US_ASCII));
        MessageDecoder decoder = MessageDecoder.builder().maxHeadersLength(256 * 1024).build();
        Message[] copy = new Message[1];

        decoder.feed(ByteBuffer.wrap(encoded), view -> copy[0] = view.toMessage());

        assertThat(copy[0].headers()).hasSize(5);
        assertThat(copy[0].header("h4").orElseThrow().asString()).isEqualTo(big);
        assertThat(copy[0].encodedLength()).isEqualTo(encoded.length);
    }

    /** A peer's header name goes into the error; its control characters must not reach a terminal raw. */
    @Test
    void aDuplicateHeaderNameWithControlCharactersIsShownEscaped() {
        String name = "a\u001b[31mred";
        byte[] encoded = frame(concat(header(name, 0), header(name, 0)), new byte[0]);

        assertThatThrownBy(() -> new MessageDecoder().feed(ByteBuffer.wrap(encoded), view -> { }))
                .isInstanceOfSatisfying(EventStreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_HEADER);
                    assertThat(e.getMessage()).contains("a\\u001b[31mred").doesNotContain("\u001b");
                });
    }
}
