package dev.riffle.eventstream;

import static dev.riffle.eventstream.Frames.concat;
import static dev.riffle.eventstream.Frames.frame;
import static dev.riffle.eventstream.Frames.header;
import static dev.riffle.eventstream.Frames.prelude;
import static dev.riffle.eventstream.Frames.stringHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.eventstream.EventStreamException.Reason;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The decoder's rules and limits, one test per rule or attack, on frames built by hand. */
class MessageDecoderTest {

    private final List<Message> decoded = new ArrayList<>();
    private final MessageListener collect = view -> decoded.add(view.toMessage());

    @Test
    void emptyMessageIsTheSixteenBytesOfTheSpec() {
        byte[] empty = {0, 0, 0, 0x10, 0, 0, 0, 0, 0x05, (byte) 0xc2, 0x48, (byte) 0xeb, 0x7d, (byte) 0x98,
                (byte) 0xc8, (byte) 0xff};
        AtomicInteger crcs = new AtomicInteger();
        new MessageDecoder().feed(ByteBuffer.wrap(empty), view -> {
            assertThat(view.preludeCrc()).isEqualTo(0x05c248eb);
            assertThat(view.messageCrc()).isEqualTo(0x7d98c8ff);
            assertThat(view.headerCount()).isZero();
            assertThat(view.payloadLength()).isZero();
            crcs.incrementAndGet();
        });
        assertThat(crcs).hasValue(1);
        assertThat(Message.builder().build().toByteArray()).isEqualTo(empty);
    }

    @Test
    void preludeChecksumIsCheckedBeforeAnyLengthIsTrusted() {
        // Claims 2 GiB - 1 and a headers length past it, but the CRC is wrong: the CRC error must win, from 12 bytes.
        byte[] bad = prelude(0x7FFFFFFFL, 0xFFFFFFFFL);
        bad[11] ^= 1;

        assertRejected(bad, Reason.PRELUDE_CHECKSUM_MISMATCH, 8);
    }

    @Test
    void zeroTotalLengthIsRejectedNotLoopedOn() {
        assertRejected(prelude(0, 0), Reason.LENGTH_OUT_OF_RANGE, 0);
    }

    @Test
    void totalLengthBelowSixteenIsRejected() {
        assertRejected(prelude(15, 0), Reason.LENGTH_OUT_OF_RANGE, 0);
    }

    @Test
    void insidiousTotalLengthIsRejectedFromThePreludeWithoutWaiting() {
        // A valid prelude claiming 4 GiB - 1: refused at once, not buffered for.
        MessageDecoder decoder = new MessageDecoder();
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(prelude(0xFFFFFFFFL, 0)), collect))
                .isInstanceOfSatisfying(EventStreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    }

    @Test
    void configuredMessageLimitApplies() {
        MessageDecoder decoder = MessageDecoder.builder().maxMessageLength(100).build();
        byte[] ok = frame(new byte[0], new byte[84]);
        byte[] tooBig = frame(new byte[0], new byte[85]);

        decoder.feed(ByteBuffer.wrap(ok), collect);
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(tooBig), collect))
                .isInstanceOfSatisfying(EventStreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED);
                    assertThat(e.offset()).isEqualTo(100);
                });
    }

    @Test
    void headersLengthPastTheMessageIsRejected() {
        assertRejected(concat(prelude(20, 5), new byte[8]), Reason.HEADERS_LENGTH_MISMATCH, 4);
    }

    @Test
    void insidiousHeadersLengthIsRejectedByTheLimit() {
        MessageDecoder decoder = MessageDecoder.builder().maxHeadersLength(10).build();
        byte[] headers = concat(stringHeader("abcdef", "ghij"));
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(frame(headers, new byte[0])), collect))
                .isInstanceOfSatisfying(EventStreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    }

    @Test
    void messageChecksumIsCheckedBeforeHeaders() {
        byte[] bytes = frame(header("x", 42), new byte[0]); // unknown type 42
        bytes[bytes.length - 1] ^= 1;

        assertRejected(bytes, Reason.MESSAGE_CHECKSUM_MISMATCH, bytes.length - 4);
    }

    @Test
    void emptyHeaderNameIsRejected() {
        byte[] headers = {0, 0};
        assertRejected(frame(headers, new byte[0]), Reason.HEADER_NAME_LENGTH, 12);
    }

    @Test
    void headerNameRunningPastTheBlockIsRejected() {
        byte[] headers = {10, 'a', 'b'};
        assertRejected(frame(headers, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}), Reason.HEADER_NAME_LENGTH, 12);
    }

    @Test
    void missingTypeByteIsRejected() {
        byte[] headers = {2, 'a', 'b'};
        assertRejected(frame(headers, new byte[0]), Reason.VALUE_OVERRUNS_BLOCK, 15);
    }

    @Test
    void unknownHeaderTypeIsRejected() {
        assertRejected(frame(header("ab", 10), new byte[0]), Reason.UNKNOWN_HEADER_TYPE, 15);
    }

    @Test
    void fixedValueRunningPastTheBlockIsRejected() {
        // An int64 header with only 4 value bytes in the block; the payload's bytes must not be read as its value.
        assertRejected(frame(header("n", 5, new byte[4]), new byte[8]), Reason.VALUE_OVERRUNS_BLOCK, 15);
    }

    @Test
    void variableValueRunningPastTheBlockIsRejected() {
        byte[] headers = header("s", 7, (byte) 0, (byte) 9, (byte) 'a');
        assertRejected(frame(headers, "bcdefghi".getBytes()), Reason.VALUE_OVERRUNS_BLOCK, 15);
    }

    @Test
    void lengthPrefixRunningPastTheBlockIsRejected() {
        assertRejected(frame(header("s", 6, (byte) 0), new byte[0]), Reason.VALUE_OVERRUNS_BLOCK, 15);
    }

    @Test
    void valueOverTheSpecMaximumIsRejected() {
        byte[] headers = header("b", 6, ByteBuffer.allocate(2 + 32768).putShort((short) 32768).array());
        assertRejected(frame(headers, new byte[0]), Reason.LIMIT_EXCEEDED, 15);
    }

    @Test
    void invalidUtf8NameIsRejected() {
        byte[] headers = {2, 'a', (byte) 0xC0, 0};
        assertRejected(frame(headers, new byte[0]), Reason.INVALID_UTF8, 14);
    }

    @Test
    void invalidUtf8StringValueIsRejected() {
        // An encoded surrogate (ED A0 80) is not UTF-8.
        byte[] headers = header("s", 7, (byte) 0, (byte) 3, (byte) 0xED, (byte) 0xA0, (byte) 0x80);
        assertRejected(frame(headers, new byte[0]), Reason.INVALID_UTF8, 17);
    }

    @Test
    void duplicateHeaderNameIsRejected() {
        byte[] headers = concat(stringHeader("a", "1"), header("b", 0), stringHeader("a", "2"));
        assertRejected(frame(headers, new byte[0]), Reason.DUPLICATE_HEADER, 12 + 6 + 3);
    }

    @Test
    void duplicateAmongManyHeadersIsFoundByTheHashedPath() {
        ByteBuffer headers = ByteBuffer.allocate(10_000);
        for (int i = 0; i < 500; i++) {
            headers.put(header("h" + i, 0));
        }
        headers.put(header("h321", 1));
        byte[] block = java.util.Arrays.copyOf(headers.array(), headers.position());

        assertRejected(frame(block, new byte[0]), Reason.DUPLICATE_HEADER, 12 + block.length - 6);
    }

    @Test
    void manyDistinctHeadersAreAcceptedUpToTheCount() {
        ByteBuffer headers = ByteBuffer.allocate(20_000);
        for (int i = 0; i < 1024; i++) {
            headers.put(header("h" + i, i % 2));
        }
        byte[] block = java.util.Arrays.copyOf(headers.array(), headers.position());
        new MessageDecoder().feed(ByteBuffer.wrap(frame(block, new byte[0])), collect);
        assertThat(decoded.get(0).headers()).hasSize(1024);

        byte[] oneMore = concat(block, header("h1024", 0));
        decoded.clear();
        assertRejected(frame(oneMore, new byte[0]), Reason.LIMIT_EXCEEDED, 12 + block.length);
    }

    @Test
    void emptyStringAndByteArrayValuesAreAccepted() {
        byte[] headers = concat(header("b", 6, (byte) 0, (byte) 0), header("s", 7, (byte) 0, (byte) 0));
        new MessageDecoder().feed(ByteBuffer.wrap(frame(headers, new byte[0])), collect);

        assertThat(decoded.get(0).header("b")).hasValue(HeaderValue.ofBytes(new byte[0]));
        assertThat(decoded.get(0).header("s")).hasValue(HeaderValue.ofString(""));
    }

    @Test
    void truncatedInputFailsAtEndOfInputWithTheOffset() {
        byte[] good = frame(stringHeader("a", "b"), new byte[3]);
        byte[] partial = java.util.Arrays.copyOf(good, good.length - 2);
        MessageDecoder decoder = new MessageDecoder();
        decoder.feed(ByteBuffer.wrap(concat(good, partial)), collect);
        assertThat(decoder.hasPartialMessage()).isTrue();

        assertThatThrownBy(decoder::endOfInput).isInstanceOfSatisfying(EventStreamException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TRUNCATED_INPUT);
            assertThat(e.offset()).isEqualTo(2L * good.length - 2);
        });
        assertThat(decoded).hasSize(1);
    }

    @Test
    void truncatedPreludeFailsAtEndOfInput() {
        MessageDecoder decoder = new MessageDecoder();
        decoder.feed(ByteBuffer.wrap(new byte[] {0, 0, 0}), collect);
        assertThatThrownBy(decoder::endOfInput).isInstanceOfSatisfying(EventStreamException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED_INPUT));
    }

    @Test
    void failureIsStickyAndNeverLoops() {
        byte[] bad = prelude(0, 0);
        MessageDecoder decoder = new MessageDecoder();
        EventStreamException first = null;
        try {
            decoder.feed(ByteBuffer.wrap(bad), collect);
        } catch (EventStreamException e) {
            first = e;
        }
        assertThat(first).isNotNull();
        assertThat(decoder.isFailed()).isTrue();
        EventStreamException sticky = first;
        byte[] good = frame(new byte[0], new byte[0]);

        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(good), collect)).isSameAs(sticky);
        assertThatThrownBy(decoder::endOfInput).isSameAs(sticky);
        assertThat(decoded).isEmpty();
    }

    @Test
    void errorOffsetCountsFromTheStartOfTheStream() {
        byte[] good = frame(stringHeader("k", "v"), new byte[5]);
        byte[] bad = frame(header("k", 77), new byte[0]);
        MessageDecoder decoder = new MessageDecoder();
        decoder.feed(ByteBuffer.wrap(good), collect);
        decoder.feed(ByteBuffer.wrap(good, 0, 7), collect);
        decoder.feed(ByteBuffer.wrap(good, 7, good.length - 7), collect);

        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(bad), collect))
                .isInstanceOfSatisfying(EventStreamException.class,
                        e -> assertThat(e.offset()).isEqualTo(2L * good.length + 12 + 2));
        assertThat(decoded).hasSize(2);
    }

    @Test
    void viewIsZeroCopyOverTheCallersBuffer() {
        byte[] bytes = frame(stringHeader("k", "v"), new byte[] {1, 2, 3});
        ByteBuffer input = ByteBuffer.wrap(bytes);
        List<Byte> seen = new ArrayList<>();
        new MessageDecoder().feed(input, view -> {
            bytes[bytes.length - 7] = 42; // first payload byte, written behind the decoder's back
            seen.add(view.payload().get(view.payload().position()));
        });
        assertThat(seen).containsExactly((byte) 42);
    }

    @Test
    void callersByteOrderIsIgnored() {
        byte[] bytes = frame(concat(header("i", 4, new byte[] {0, 0, 1, 2})), new byte[] {9});
        new MessageDecoder().feed(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), collect);
        assertThat(decoded.get(0).header("i").orElseThrow().asInt()).isEqualTo(258);
    }

    @Test
    void inputPositionIsAdvancedPastEverything() {
        byte[] bytes = concat(frame(new byte[0], new byte[2]), new byte[] {0, 0, 0});
        ByteBuffer input = ByteBuffer.wrap(bytes);
        new MessageDecoder().feed(input, collect);
        assertThat(input.hasRemaining()).isFalse();
    }

    @Test
    void listenerCannotReenterTheDecoder() {
        MessageDecoder decoder = new MessageDecoder();
        byte[] bytes = frame(new byte[0], new byte[0]);
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(bytes),
                view -> decoder.feed(ByteBuffer.wrap(bytes), collect)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listenerExceptionDoesNotFailTheDecoder() {
        MessageDecoder decoder = new MessageDecoder();
        byte[] bytes = frame(new byte[0], new byte[0]);
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(bytes), view -> {
            throw new IllegalArgumentException("listener bug");
        })).hasMessage("listener bug");

        decoder.feed(ByteBuffer.wrap(bytes), collect);
        assertThat(decoded).hasSize(1);
        assertThat(decoder.bytesDecoded()).isEqualTo(32);
    }

    @Test
    void largeMessageAcrossFeedsIsAssembled() {
        byte[] payload = new byte[3 << 20];
        new java.util.Random(7).nextBytes(payload);
        byte[] bytes = frame(stringHeader(":event-type", "chunk"), payload);
        MessageDecoder decoder = new MessageDecoder();
        for (int p = 0; p < bytes.length; p += 16_384) {
            decoder.feed(ByteBuffer.wrap(bytes, p, Math.min(16_384, bytes.length - p)), collect);
        }
        decoder.endOfInput();
        assertThat(decoded.get(0).payload()).isEqualTo(payload);
    }

    private void assertRejected(byte[] bytes, Reason reason, long offset) {
        MessageDecoder decoder = new MessageDecoder();
        assertThatThrownBy(() -> {
            decoder.feed(ByteBuffer.wrap(bytes), collect);
            decoder.endOfInput();
        }).isInstanceOfSatisfying(EventStreamException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.offset()).as(e.getMessage()).isEqualTo(offset);
            assertThat(e.getMessage()).startsWith(reason.name() + " at byte " + offset);
        });
        assertThat(decoded).isEmpty();
    }
}
