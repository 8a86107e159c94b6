package dev.riffle.eventstream;

import static dev.riffle.eventstream.Frames.concat;
import static dev.riffle.eventstream.Frames.frame;
import static dev.riffle.eventstream.Frames.header;
import static dev.riffle.eventstream.Frames.stringHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The writer: bytes built by hand must equal what the encoder writes, and limits hold on the write side too. */
class MessageEncoderTest {

    private final MessageEncoder encoder = new MessageEncoder();
    private final HeaderBlock headers = new HeaderBlock();

    @Test
    void everyHeaderTypeIsWrittenAsTheSpecSays() {
        UUID uuid = UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10");
        headers.addBoolean("t", true).addBoolean("f", false).addByte("b", (byte) -49).addShort("s", (short) 42)
                .addInt("i", 40972).addLong("l", 42424242L).addByteArray("y", new byte[] {1, 2})
                .addString("str", "é").addTimestamp("ts", 8675309L).addUuid("u", uuid);
        byte[] expectedHeaders = concat(header("t", 0), header("f", 1), header("b", 2, (byte) -49),
                header("s", 3, (byte) 0, (byte) 42), header("i", 4, ByteBuffer.allocate(4).putInt(40972).array()),
                header("l", 5, ByteBuffer.allocate(8).putLong(42424242L).array()),
                header("y", 6, (byte) 0, (byte) 2, (byte) 1, (byte) 2), stringHeader("str", "é"),
                header("ts", 8, ByteBuffer.allocate(8).putLong(8675309L).array()),
                header("u", 9, ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                        .putLong(uuid.getLeastSignificantBits()).array()));
        byte[] payload = "{'foo':'bar'}".getBytes();
        ByteBuffer dst = ByteBuffer.allocate(200);

        int written = encoder.encode(headers, ByteBuffer.wrap(payload), dst);

        byte[] expected = frame(expectedHeaders, payload);
        assertThat(written).isEqualTo(expected.length).isEqualTo(MessageEncoder.encodedLength(headers.length(), 13));
        assertThat(java.util.Arrays.copyOf(dst.array(), written)).isEqualTo(expected);
    }

    @Test
    void tooSmallBufferThrowsAndWritesNothing() {
        headers.addString("k", "v");
        ByteBuffer dst = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), 10) - 1);

        assertThatThrownBy(() -> encoder.encode(headers, ByteBuffer.allocate(10), dst))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(dst.position()).isZero();
        assertThat(dst.array()).containsOnly(0);
    }

    @Test
    void payloadPositionIsLeftAlone() {
        ByteBuffer payload = ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4}).position(2);
        encoder.encode(headers, payload, ByteBuffer.allocate(64));
        ByteBuffer head = ByteBuffer.allocate(64);
        encoder.encodeHead(headers, payload, head);

        assertThat(payload.position()).isEqualTo(2);
        assertThat(payload.limit()).isEqualTo(5);
    }

    @Test
    void littleEndianDestinationStillGetsBigEndianFields() {
        ByteBuffer dst = ByteBuffer.allocateDirect(64).order(ByteOrder.LITTLE_ENDIAN);
        encoder.encode(headers.addInt("i", 1), ByteBuffer.allocate(0), dst);
        byte[] out = new byte[dst.position()];
        dst.get(0, out);
        assertThat(out).isEqualTo(frame(header("i", 4, (byte) 0, (byte) 0, (byte) 0, (byte) 1), new byte[0]));
    }

    @Test
    void messageOverTwentyFourMebibytesIsRefused() {
        assertThat(MessageEncoder.encodedLength(0, 24 * 1024 * 1024 - 16)).isEqualTo(24 * 1024 * 1024);
        assertThatThrownBy(() -> MessageEncoder.encodedLength(0, 24 * 1024 * 1024 - 15))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerNameMustBeOneTo255Bytes() {
        headers.addBoolean("x".repeat(255), true);
        assertThatThrownBy(() -> headers.addBoolean("", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> headers.addBoolean("y".repeat(256), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> headers.addBoolean("é".repeat(128), true)) // 256 bytes of UTF-8
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(headers.count()).isEqualTo(1);
    }

    @Test
    void valuesOverTheSpecMaximumAreRefused() {
        headers.addByteArray("ok", new byte[32767]);
        assertThatThrownBy(() -> headers.addByteArray("b", new byte[32768]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> headers.addString("s", "é".repeat(16384)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(headers.count()).isEqualTo(1);
    }

    @Test
    void repeatedNameIsRefusedAndTheBlockIsUnchanged() {
        headers.addString("a", "1");
        int length = headers.length();
        assertThatThrownBy(() -> headers.addInt("a", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderBlock().addString("a", "x").addAll(headers))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(headers.length()).isEqualTo(length);
        assertThat(headers.count()).isEqualTo(1);
    }

    @Test
    void unpairedSurrogateIsRefused() {
        assertThatThrownBy(() -> headers.addString("s", "a\uD800b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> headers.addBoolean("\uDC00", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headersBlockIsCappedAt128KiB() {
        for (int i = 0; i < 3; i++) {
            headers.addByteArray("b" + i, new byte[32767]);
        }
        assertThatThrownBy(() -> headers.addByteArray("b3", new byte[32767]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(headers.count()).isEqualTo(3);
    }

    @Test
    void addAllAppendsPreEncodedHeaders() {
        HeaderBlock constant = new HeaderBlock().addString(":message-type", "event").addString(":event-type", "X");
        headers.addAll(constant).addTimestamp(":date", 5L);
        assertThat(headers.toByteArray()).isEqualTo(concat(stringHeader(":message-type", "event"),
                stringHeader(":event-type", "X"), header(":date", 8, ByteBuffer.allocate(8).putLong(5).array())));
        assertThat(headers.count()).isEqualTo(3);
        assertThatThrownBy(() -> headers.addString(":event-type", "Y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageBuilderRefusesRepeatedNames() {
        assertThatThrownBy(() -> Message.builder().header("a", "1").header("a", "2").build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
