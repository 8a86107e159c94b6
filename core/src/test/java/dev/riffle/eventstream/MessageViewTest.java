package dev.riffle.eventstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Typed, lazy reads from a view, with the checks on type and index. */
class MessageViewTest {

    private static final UUID ID = UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10");
    private static final Message MESSAGE = Message.builder()
            .header(":event-type", "TranscriptEvent")
            .header("é-name", HeaderValue.ofString("ünïcode"))
            .header("t", HeaderValue.of(true))
            .header("b", HeaderValue.ofByte((byte) -1))
            .header("s", HeaderValue.ofShort((short) -2))
            .header("i", HeaderValue.ofInt(-3))
            .header("l", HeaderValue.ofLong(Long.MIN_VALUE))
            .header("bytes", HeaderValue.ofBytes(new byte[] {7, 8}))
            .header("ts", HeaderValue.ofTimestamp(Instant.parse("2026-11-21T10:00:00.123Z")))
            .header("u", HeaderValue.ofUuid(ID))
            .payload("hello".getBytes())
            .build();

    @Test
    void typedReadsReturnWhatWasWritten() {
        inView(view -> {
            assertThat(view.headerCount()).isEqualTo(10);
            assertThat(view.stringValue(view.indexOf(":event-type"))).isEqualTo("TranscriptEvent");
            assertThat(view.stringValueEquals(0, "TranscriptEvent")).isTrue();
            assertThat(view.stringValueEquals(0, "TranscriptEven")).isFalse();
            assertThat(view.stringValueEquals(2, "true")).isFalse(); // not a string
            assertThat(view.stringHeader("é-name")).isEqualTo("ünïcode");
            assertThat(view.indexOf("é-name")).isEqualTo(1);
            assertThat(view.booleanValue(2)).isTrue();
            assertThat(view.byteValue(3)).isEqualTo((byte) -1);
            assertThat(view.shortValue(4)).isEqualTo((short) -2);
            assertThat(view.intValue(5)).isEqualTo(-3);
            assertThat(view.longValue(6)).isEqualTo(Long.MIN_VALUE);
            assertThat(view.byteArrayValue(7)).containsExactly(7, 8);
            assertThat(view.valueLength(7)).isEqualTo(2);
            assertThat(view.timestamp(8)).isEqualTo(Instant.parse("2026-11-21T10:00:00.123Z"));
            assertThat(view.uuidValue(9)).isEqualTo(ID);
            assertThat(view.headerType(9)).isEqualTo(HeaderType.UUID);
            assertThat(view.indexOf("missing")).isEqualTo(-1);
            assertThat(view.stringHeader("missing")).isNull();
            assertThat(view.payloadBytes()).isEqualTo("hello".getBytes());
            assertThat(view.toMessage()).isEqualTo(MESSAGE);
        });
    }

    @Test
    void wrongTypeAndBadIndexAreReported() {
        inView(view -> {
            assertThatThrownBy(() -> view.intValue(0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(":event-type").hasMessageContaining("STRING");
            assertThatThrownBy(() -> view.booleanValue(0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> view.headerName(10)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> view.stringValue(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        });
    }

    @Test
    void payloadCanBeReadHashedAndCopiedWithoutCopyingIt() throws Exception {
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        expected.update("hello".getBytes());
        byte[] expectedDigest = expected.digest();
        CRC32 expectedCrc = new CRC32();
        expectedCrc.update("hello".getBytes());

        for (boolean direct : new boolean[] {false, true}) {
            inView(direct, view -> {
                ByteBuffer payload = view.payload();
                assertThat(payload.isReadOnly()).isTrue();
                assertThat(payload.remaining()).isEqualTo(5);
                try {
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    view.digestPayload(digest);
                    assertThat(digest.digest()).isEqualTo(expectedDigest);
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new AssertionError(e);
                }
                CRC32 crc = new CRC32();
                view.checksumPayload(crc);
                assertThat(crc.getValue()).isEqualTo(expectedCrc.getValue());
                ByteBuffer copy = ByteBuffer.allocate(8).put((byte) 9);
                view.copyPayloadTo(copy);
                assertThat(copy.array()).startsWith(9, 'h', 'e', 'l', 'l', 'o');
                ByteBuffer frame = ByteBuffer.allocate(view.totalLength());
                view.copyFrameTo(frame);
                assertThat(frame.array()).isEqualTo(MESSAGE.toByteArray());
            });
        }
    }

    @Test
    void toStringNamesHeadersButNotPayload() {
        inView(view -> assertThat(view.toString()).contains(":event-type:STRING").contains("payloadLength=5")
                .doesNotContain("hello"));
        assertThat(MESSAGE.toString()).contains("payloadLength=5").doesNotContain("hello");
    }

    private static void inView(java.util.function.Consumer<MessageView> check) {
        inView(false, check);
    }

    private static void inView(boolean direct, java.util.function.Consumer<MessageView> check) {
        byte[] bytes = MESSAGE.toByteArray();
        ByteBuffer input = direct ? ByteBuffer.allocateDirect(bytes.length).put(bytes).flip() : ByteBuffer.wrap(bytes);
        AtomicBoolean called = new AtomicBoolean();
        new MessageDecoder().feed(input, view -> {
            check.accept(view);
            called.set(true);
        });
        assertThat(called).isTrue();
    }
}
