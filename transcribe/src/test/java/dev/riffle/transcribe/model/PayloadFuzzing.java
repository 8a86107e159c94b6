package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The property every payload fuzz test checks: a payload reads into a value or fails with a
 * {@link MalformedPayloadException} whose message names the payload's kind and a reason, and nothing else; and
 * the three ways in (a range of an array, a read-only heap buffer, a direct buffer) agree on the outcome.
 */
final class PayloadFuzzing {

    /** Reads a range of an array, as {@code TranscriptEventJson.parse(byte[], int, int)} does. */
    @FunctionalInterface
    interface ArrayReader<T> {
        T read(byte[] bytes, int offset, int length);
    }

    /** What one way of reading made of a payload: the value, or the refusal's message. */
    record Outcome<T>(T value, String refusal) {
    }

    private PayloadFuzzing() {
    }

    /**
     * Reads {@code payload} all three ways and checks that they agree.
     *
     * @param kind the payload's name in refusals: "TranscriptEvent", "exception"
     * @return the value read, or null if the payload was refused
     */
    static <T> T readAllWays(byte[] payload, ArrayReader<T> array, Function<ByteBuffer, T> buffer, String kind) {
        Outcome<T> fromArray = outcome(() -> array.read(payload, 0, payload.length), kind);

        // What a transport hands over: a read-only view, or a direct buffer, neither of which exposes an array.
        ByteBuffer readOnly = ByteBuffer.wrap(payload).asReadOnlyBuffer();
        ByteBuffer direct = ByteBuffer.allocateDirect(payload.length).put(payload).flip();
        assertThat(outcome(() -> buffer.apply(readOnly), kind)).isEqualTo(fromArray);
        assertThat(outcome(() -> buffer.apply(direct), kind)).isEqualTo(fromArray);
        assertThat(readOnly.position()).isZero();
        assertThat(direct.position()).isZero();

        // Bytes either side that change the outcome if the reader strays out of its range. Only the outcome is
        // compared, not the message: jackson counts the byte offsets of its UTF-32 errors from the array's start.
        byte[] framed = new byte[payload.length + 2];
        framed[0] = '{';
        System.arraycopy(payload, 0, framed, 1, payload.length);
        framed[framed.length - 1] = '}';
        Outcome<T> fromRange = outcome(() -> array.read(framed, 1, payload.length), kind);
        assertThat(fromRange.value()).isEqualTo(fromArray.value());
        assertThat(fromRange.refusal() == null).isEqualTo(fromArray.refusal() == null);
        return fromArray.value();
    }

    private static <T> Outcome<T> outcome(Supplier<T> read, String kind) {
        try {
            return new Outcome<>(Objects.requireNonNull(read.get(), "a reader returned null"), null);
        } catch (MalformedPayloadException refused) {
            assertThat(refused.getMessage()).startsWith("Malformed " + kind + " payload: ");
            assertThat(refused.getMessage().substring(("Malformed " + kind + " payload: ").length())).isNotBlank();
            return new Outcome<>(null, refused.getMessage());
        }
    }
}
