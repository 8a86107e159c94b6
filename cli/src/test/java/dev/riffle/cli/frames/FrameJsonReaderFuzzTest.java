package dev.riffle.cli.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.eventstream.MessageJson;
import dev.riffle.eventstream.SharedVectors;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Fuzzes what {@code riffle frames encode} does with one line: {@link FrameJsonReader#read} and then
 * {@link FrameSpec#encode}, with and without {@code --keep-given}. Properties: any line either encodes or is refused
 * with a {@link FrameFormatException} whose message is short and names a reason, never another exception and never
 * a hang or a huge allocation; and a frame encoded without {@code --keep-given} decodes, with riffle's own
 * {@link MessageDecoder} at its default limits, to exactly the headers, payload and given lengths and CRCs of the
 * line, as a JSON reader of its own (Jackson databind) reads them.
 *
 * <p>Random text is rarely frame JSON, so half the inputs are given a head start: a quarter are frames whose keys,
 * headers, types and values the fuzzer picks, now and then well past the decoder's limits ({@link #frame}), a
 * quarter are the shared conformance vectors' JSON with a span replaced by fuzzer text. The other half are raw text.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl cli test -Dtest=FrameJsonReaderFuzzTest -Djazzer.max_duration=30m}.
 */
class FrameJsonReaderFuzzTest {

    /** Longer than any reason needs, far shorter than an echo of a long input. */
    private static final int MAX_MESSAGE_LENGTH = 600;

    /** The positive conformance vectors as frame JSON lines, read in place from the shared directory. */
    private static final List<String> VECTOR_LINES = SharedVectors.positives().stream()
            .map(vector -> vector.decodedJson().toString()).toList();

    /** A second, independent reading of an accepted line, to compare the decoded frame against. */
    private static final ObjectMapper TREES = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final List<String> FRAME_KEYS = List.of("total_length", "headers_length", "prelude_crc",
            "message_crc", "headers", "payload");
    private static final List<String> HEADER_KEYS = List.of("name", "type", "value");
    private static final List<String> GIVEN_FIELDS = List.of("total_length", "headers_length", "prelude_crc",
            "message_crc");

    /** Values on the reader's edges: out of range, wrong JSON type, nested where a scalar belongs, odd base64. */
    private static final List<String> ODD_VALUES = List.of("null", "true", "false", "0", "-0", "-1", "1.5", "1e3",
            "4294967295", "4294967296", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "1" + "0".repeat(40), "\"\"", "\"=\"", "\"AA==\"", "\"AA\"", "\"A\"", "\"AAA=\"",
            "\"\\ud800\"", "\"\\u0000\"", "[]", "{}", "[1]", "[\"x\"]", "{\"name\":\"x\",\"type\":0}",
            "{\"type\":7,\"value\":\"eA==\"}", "[{\"name\":\"x\",\"type\":0}]");

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void encodesOrRefusesCleanly(FuzzedDataProvider data) {
        String line = switch (data.consumeInt(0, 3)) {
            case 0 -> frame(data);
            case 1 -> spliced(data, data.pickValue(VECTOR_LINES));
            default -> data.consumeRemainingAsString();
        };
        FrameSpec spec;
        try {
            spec = FrameJsonReader.read(line);
        } catch (FrameFormatException refused) {
            assertClear(refused);
            return;
        }
        byte[] checked = encodeOrRefuse(spec, false);
        encodeOrRefuse(spec, true);
        if (checked != null) {
            assertDecodesToTheLine(checked, line);
        }
    }

    private static byte[] encodeOrRefuse(FrameSpec spec, boolean keepGiven) {
        try {
            return spec.encode(new MessageEncoder(), keepGiven);
        } catch (FrameFormatException refused) {
            assertClear(refused);
            return null;
        }
    }

    private static void assertClear(FrameFormatException refused) {
        assertThat(refused.getMessage()).isNotBlank().hasSizeLessThanOrEqualTo(MAX_MESSAGE_LENGTH);
    }

    // ---- the round trip ----

    /** The frame decodes to one message carrying what the line says, read independently of the reader. */
    private static void assertDecodesToTheLine(byte[] frame, String line) {
        JsonNode given = tree(line);
        JsonNode decoded = tree(decodeOne(frame));
        for (String field : GIVEN_FIELDS) {
            if (given.has(field)) {
                assertThat(decoded.get(field).intValue()).as(field).isEqualTo((int) given.get(field).longValue());
            }
        }
        JsonNode givenHeaders = given.path("headers");
        JsonNode decodedHeaders = decoded.get("headers");
        assertThat(decodedHeaders.size()).as("header count").isEqualTo(givenHeaders.size());
        for (int i = 0; i < givenHeaders.size(); i++) {
            assertSameHeader(givenHeaders.get(i), decodedHeaders.get(i), i);
        }
        assertThat(base64(decoded.get("payload"))).as("payload").isEqualTo(base64(given.path("payload")));
    }

    private static void assertSameHeader(JsonNode given, JsonNode decoded, int index) {
        String where = "header " + index;
        assertThat(decoded.get("name").textValue()).as(where + " name").isEqualTo(given.get("name").textValue());
        int type = decoded.get("type").intValue();
        assertThat(type).as(where + " type").isEqualTo(given.get("type").intValue());
        JsonNode givenValue = given.path("value");
        JsonNode decodedValue = decoded.get("value");
        switch (type) {
            case 0, 1 -> assertThat(givenValue.isMissingNode() || givenValue.equals(decodedValue))
                    .as(where + " value " + givenValue).isTrue();
            case 2, 3, 4, 5, 8 -> assertThat(givenValue.bigIntegerValue()).as(where + " value")
                    .isEqualTo(BigInteger.valueOf(decodedValue.longValue()));
            default -> assertThat(base64(decodedValue)).as(where + " value").isEqualTo(base64(givenValue));
        }
    }

    /** The frame as frame JSON, by the decoder the rest of riffle reads frames with. */
    private static String decodeOne(byte[] frame) {
        List<String> messages = new ArrayList<>();
        MessageDecoder decoder = new MessageDecoder();
        decoder.feed(ByteBuffer.wrap(frame), message -> messages.add(MessageJson.toJson(message)));
        decoder.endOfInput();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static JsonNode tree(String json) {
        try {
            return TREES.readTree(json);
        } catch (JsonProcessingException e) {
            return fail("accepted, but not JSON to Jackson databind: " + e.getOriginalMessage());
        }
    }

    private static byte[] base64(JsonNode node) {
        return node instanceof MissingNode ? new byte[0] : Base64.getDecoder().decode(node.textValue());
    }

    // ---- structured inputs ----

    /** A frame of the schema's shape, every key and value the fuzzer's choice. */
    private static String frame(FuzzedDataProvider data) {
        List<String> members = new ArrayList<>();
        int count = data.consumeInt(0, FRAME_KEYS.size() + 1);
        for (int i = 0; i < count; i++) {
            String key = data.consumeInt(0, 15) == 0 ? data.consumeString(8) : data.pickValue(FRAME_KEYS);
            String value = switch (key) {
                case "headers" -> headers(data);
                case "payload" -> value(data, base64Text(data.consumeBytes(64)));
                default -> value(data, data.consumeBoolean() ? Integer.toString(data.consumeInt())
                        : Long.toString(data.consumeLong(0, 0xFFFFFFFFL)));
            };
            members.add(quoted(key) + ":" + value);
        }
        return "{" + String.join(",", members) + "}";
    }

    /** Usually a few headers; now and then more than the decoder takes, all alike but for their names. */
    private static String headers(FuzzedDataProvider data) {
        if (data.consumeInt(0, 15) == 0) {
            return manyHeaders(data);
        }
        List<String> headers = new ArrayList<>();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            headers.add(header(data, name(data)));
        }
        return "[" + String.join(",", headers) + "]";
    }

    private static String manyHeaders(FuzzedDataProvider data) {
        int count = data.consumeInt(1000, 1100);
        String template = header(data, "%NAME%");
        List<String> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            headers.add(template.replace("%NAME%", "h" + i));
        }
        return "[" + String.join(",", headers) + "]";
    }

    /** A header object: its members, their order and repetitions the fuzzer's; the value fits the type, mostly. */
    private static String header(FuzzedDataProvider data, String name) {
        int type = data.consumeInt(0, 9);
        List<String> members = new ArrayList<>();
        int count = data.consumeInt(0, HEADER_KEYS.size() + 1);
        for (int i = 0; i < count; i++) {
            String key = data.consumeInt(0, 15) == 0 ? data.consumeString(8) : data.pickValue(HEADER_KEYS);
            String value = switch (key) {
                case "name" -> value(data, quoted(name));
                case "type" -> value(data, Integer.toString(type));
                default -> value(data, plausibleValue(data, type));
            };
            members.add(quoted(key) + ":" + value);
        }
        return "{" + String.join(",", members) + "}";
    }

    /** A short name; sometimes one near the 255-byte limit, in one-, two- or three-byte characters. */
    private static String name(FuzzedDataProvider data) {
        if (data.consumeInt(0, 7) == 0) {
            String unit = data.pickValue(List.of("n", "é", "€"));
            return unit.repeat(data.consumeInt(250, 260) / unit.getBytes(StandardCharsets.UTF_8).length);
        }
        return data.consumeString(12);
    }

    /** A value of the kind {@code type} takes, near its edges at times. */
    private static String plausibleValue(FuzzedDataProvider data, int type) {
        return switch (type) {
            case 0 -> "true";
            case 1 -> "false";
            case 2 -> Integer.toString(data.consumeInt(-130, 130));
            case 3 -> Integer.toString(data.consumeInt(-33_000, 33_000));
            case 4 -> Integer.toString(data.consumeInt());
            case 5, 8 -> Long.toString(data.consumeLong());
            case 6 -> base64Text(data.consumeInt(0, 15) == 0 ? new byte[data.consumeInt(32_700, 32_800)]
                    : data.consumeBytes(40));
            case 7 -> base64Text(data.consumeString(20).getBytes(StandardCharsets.UTF_8));
            default -> base64Text(data.consumeBytes(data.consumeInt(15, 17)));
        };
    }

    /** Usually the plausible value, else an odd one, a fuzzer number or a fuzzer string. */
    private static String value(FuzzedDataProvider data, String plausible) {
        return switch (data.consumeInt(0, 5)) {
            case 0, 1, 2 -> plausible;
            case 3 -> data.pickValue(ODD_VALUES);
            case 4 -> Long.toString(data.consumeLong());
            default -> quoted(data.consumeString(12));
        };
    }

    /** {@code original} with a span replaced by fuzzer text: damage deep inside a real frame. */
    private static String spliced(FuzzedDataProvider data, String original) {
        int from = data.consumeInt(0, original.length());
        int to = data.consumeInt(from, Math.min(original.length(), from + 64));
        return original.substring(0, from) + data.consumeString(64) + original.substring(to);
    }

    private static String base64Text(byte[] bytes) {
        return quoted(Base64.getEncoder().encodeToString(bytes));
    }

    /** {@code text} as a JSON string, escaped by Jackson (RFC 8259). */
    private static String quoted(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
