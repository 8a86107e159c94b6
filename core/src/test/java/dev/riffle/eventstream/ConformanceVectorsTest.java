package dev.riffle.eventstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riffle.eventstream.EventStreamException.Reason;
import dev.riffle.eventstream.SharedVectors.Vector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector in {@code ../shared/conformance/eventstream} (official set and {@code extra/}): positives decode to
 * exactly the JSON given and re-encode byte for byte; negatives are rejected, for the reason a decoder checking in
 * riffle's order reports (the manifest's {@code reference_decoder_error}), or, for the policy-dependent cases, as
 * riffle's documented policy says.
 */
class ConformanceVectorsTest {

    /** Reasons for the manifest's reference errors, when riffle checks in the same order it does. */
    private static final Map<String, Reason> REFERENCE_REASONS = Map.of(
            "Prelude checksum mismatch", Reason.PRELUDE_CHECKSUM_MISMATCH,
            "Message checksum mismatch", Reason.MESSAGE_CHECKSUM_MISMATCH,
            "Headers length exceeds message", Reason.HEADERS_LENGTH_MISMATCH,
            "Total length below 16", Reason.LENGTH_OUT_OF_RANGE,
            "Truncated prelude", Reason.TRUNCATED_INPUT,
            "Truncated message", Reason.TRUNCATED_INPUT);

    /**
     * riffle's policy where the reference implementations disagree (MessageDecoder Javadoc). A null reason means
     * riffle accepts the vector.
     */
    private static final Map<String, Reason> POLICY = new java.util.HashMap<>();

    static {
        POLICY.put("botocore/duplicate_header", Reason.DUPLICATE_HEADER);
        POLICY.put("smithy-python/invalid_header_value_length", Reason.LIMIT_EXCEEDED);
        // 16 MiB + 1 of payload, 24 MiB allowed: only the old 16 MiB cap rejects it.
        POLICY.put("smithy-python/invalid_payload_length", null);
        // Declares 24 MiB + 33 bytes in all: over riffle's 24 MiB message cap, so refused from the prelude alone.
        POLICY.put("botocore/invalid_payload_length", Reason.LIMIT_EXCEEDED);
        POLICY.put("aws-c-event-stream/empty_variable_length_values", null);
    }

    static Stream<Vector> positives() {
        return SharedVectors.positives().stream();
    }

    static Stream<Vector> negatives() {
        return SharedVectors.all().stream().filter(v -> !v.expectSuccess());
    }

    @Test
    void manifestListsEveryVector() {
        assertThat(SharedVectors.all()).hasSize(50);
        assertThat(SharedVectors.all()).allSatisfy(v -> assertThat(v.encoded()).exists());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void positiveDecodesToTheGivenJson(Vector vector) {
        List<String> json = decodeAll(ByteBuffer.wrap(vector.encodedBytes()));

        assertThat(json).hasSize(1);
        assertThat(parse(json.get(0))).isEqualTo(vector.decodedJson());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void positiveDecodesFromDirectBuffer(Vector vector) {
        byte[] bytes = vector.encodedBytes();
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

        assertThat(parse(decodeAll(direct).get(0))).isEqualTo(vector.decodedJson());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void positiveReencodesByteForByte(Vector vector) {
        byte[] bytes = vector.encodedBytes();
        Message message = Message.decode(ByteBuffer.wrap(bytes));

        assertThat(message.toByteArray()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void positiveReencodesThroughHeaderBlockInTwoPieces(Vector vector) {
        byte[] bytes = vector.encodedBytes();
        Message message = Message.decode(ByteBuffer.wrap(bytes));
        HeaderBlock headers = new HeaderBlock();
        message.headers().forEach(headers::add);
        ByteBuffer head = ByteBuffer.allocate(bytes.length);

        int crc = new MessageEncoder().encodeHead(headers, message.payloadBuffer(), head);

        ByteBuffer joined = ByteBuffer.allocate(bytes.length);
        joined.put(head.flip()).put(message.payloadBuffer()).putInt(crc);
        assertThat(joined.array()).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void negativeIsRejected(Vector vector) {
        byte[] bytes = vector.encodedBytes();
        if (POLICY.containsKey(vector.id()) && POLICY.get(vector.id()) == null) {
            assertThat(decodeAll(ByteBuffer.wrap(bytes))).as("accepted by policy: %s", vector.notes()).hasSize(1);
            return;
        }
        Reason expected = POLICY.containsKey(vector.id()) ? POLICY.get(vector.id())
                : REFERENCE_REASONS.get(vector.referenceError());
        assertThat(expected).as("expected reason for %s", vector.referenceError()).isNotNull();

        assertThatThrownBy(() -> decodeAll(ByteBuffer.wrap(bytes)))
                .isInstanceOfSatisfying(EventStreamException.class, e -> assertThat(e.reason()).isEqualTo(expected));
    }

    @Test
    void everyPolicyDependentVectorHasADecidedPolicy() {
        assertThat(SharedVectors.all().stream().filter(Vector::policyDependent).map(Vector::id))
                .isNotEmpty()
                .allSatisfy(id -> assertThat(POLICY).containsKey(id));
    }

    @Test
    void checksumFailureCarriesExpectedAndComputedValues() {
        Vector vector = SharedVectors.all().stream()
                .filter(v -> v.id().equals("smithy-rs/invalid_prelude_checksum")).findFirst().orElseThrow();

        assertThatThrownBy(() -> decodeAll(ByteBuffer.wrap(vector.encodedBytes())))
                .isInstanceOfSatisfying(EventStreamException.class, e -> {
                    assertThat(e.expectedChecksum()).hasValue(0xDEADBEEFL);
                    assertThat(e.computedChecksum()).hasValue(0x8BB495FBL);
                    assertThat(e.offset()).isEqualTo(8);
                    assertThat(e.getMessage()).startsWith("PRELUDE_CHECKSUM_MISMATCH at byte 8: expected 0xdeadbeef");
                });
    }

    static List<String> decodeAll(ByteBuffer input) {
        List<String> out = new ArrayList<>();
        MessageDecoder decoder = new MessageDecoder();
        decoder.feed(input, m -> out.add(MessageJson.toJson(m)));
        decoder.endOfInput();
        return out;
    }

    static JsonNode parse(String json) {
        try {
            return SharedVectors.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
