package dev.riffle.cli.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.eventstream.EventStreamConstants;
import dev.riffle.eventstream.Message;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FrameJsonReader} and {@link FrameSpec#encode} on what {@link FrameJsonReaderFuzzTest} found and on the
 * limits they share with {@link MessageDecoder}: every line either encodes to a frame the decoder reads back, or is
 * refused with a {@link FrameFormatException} that says why in a few words.
 */
class FrameJsonReaderTest {

    private static final int MAX_HEADER_COUNT = EventStreamConstants.DEFAULT_MAX_HEADER_COUNT;
    private static final int MAX_MESSAGE_LENGTH = EventStreamConstants.DEFAULT_MAX_MESSAGE_LENGTH;

    @Test
    void encodesAsManyHeadersAsTheDecoderTakes() {
        Message decoded = decodeOne(encode(frameWithBooleanHeaders(MAX_HEADER_COUNT)));

        assertThat(decoded.headers()).hasSize(MAX_HEADER_COUNT);
    }

    @Test
    void refusesMoreHeadersThanTheDecoderTakes() {
        // Found by fuzzing: 1,025 headers were encoded into a frame that MessageDecoder refuses.
        assertThatThrownBy(() -> FrameJsonReader.read(frameWithBooleanHeaders(MAX_HEADER_COUNT + 1)))
                .isInstanceOf(FrameFormatException.class)
                .hasMessage("more than " + MAX_HEADER_COUNT + " headers, the most a decoder takes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"x\",\"type\":0}", "[\"x\"]", "7", "true", "null"})
    void refusesANameThatIsNotAString(String name) {
        // An object or array was not skipped: its members were read as the header's own.
        String line = "{\"headers\":[{\"name\":" + name + ",\"type\":0}]}";

        assertThatThrownBy(() -> FrameJsonReader.read(line)).isInstanceOf(FrameFormatException.class)
                .hasMessage("header 0: \"name\" must be a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":7,\"value\":\"eA==\"}", "[7]", "\"7\"", "7.0", "null"})
    void refusesATypeThatIsNotAnInteger(String type) {
        // An object was not skipped, as for "name"; the others were refused, but as if "type" were missing.
        String line = "{\"headers\":[{\"name\":\"x\",\"type\":" + type + "}]}";

        assertThatThrownBy(() -> FrameJsonReader.read(line)).isInstanceOf(FrameFormatException.class)
                .hasMessage("header 0 (\"x\"): \"type\" must be an integer from 0 to 9");
    }

    @Test
    void refusesATypeBeyondIntAsNotOneOf0To9() {
        // Was "not JSON: Numeric value (99999999999) out of range of int".
        String line = "{\"headers\":[{\"name\":\"x\",\"type\":99999999999}]}";

        assertThatThrownBy(() -> FrameJsonReader.read(line)).isInstanceOf(FrameFormatException.class)
                .hasMessage("header 0 (\"x\"): type 99999999999 is not one of 0..9");
    }

    @Test
    void refusesALengthTooLargeForALongAsNotFitting32Bits() {
        // Was "not JSON: Numeric value (...) out of range of long": the line is JSON, the value is out of range.
        assertThatThrownBy(() -> FrameJsonReader.read("{\"total_length\":99999999999999999999}"))
                .isInstanceOf(FrameFormatException.class)
                .hasMessage("\"total_length\" must be an integer that fits 32 bits");
    }

    @Test
    void refusesARepeatedKey() {
        // The first payload was silently dropped, as a typo'd key would be if unknown keys were not refused.
        assertThatThrownBy(() -> FrameJsonReader.read("{\"payload\":\"AA==\",\"payload\":\"AQ==\"}"))
                .isInstanceOf(FrameFormatException.class).hasMessage("\"payload\" given twice");
    }

    @Test
    void refusesARepeatedKeyInAHeader() {
        String line = "{\"headers\":[{\"name\":\"a\",\"type\":2,\"value\":1,\"value\":2}]}";

        assertThatThrownBy(() -> FrameJsonReader.read(line)).isInstanceOf(FrameFormatException.class)
                .hasMessage("header 0 (\"a\"): \"value\" given twice");
    }

    /** The repeated name is quoted by HeaderBlock's message; a control character in it must not reach a terminal raw. */
    @Test
    void escapesControlCharactersInARepeatedHeaderName() {
        String header = "{\"name\":\"a\\u001b[2J\",\"type\":0}";
        String line = "{\"headers\":[" + header + "," + header + "]}";

        assertThatThrownBy(() -> FrameJsonReader.read(line)).isInstanceOf(FrameFormatException.class)
                .message().contains("\\u001b[2J").doesNotContain("\u001b");
    }

    @Test
    void encodesThePayloadOfTheLargestFrameTheDecoderTakes() {
        // Jackson's default cap of 20 M characters per string refused any payload over 15 MB as "not JSON".
        byte[] payload = new byte[MAX_MESSAGE_LENGTH - EventStreamConstants.MIN_MESSAGE_LENGTH];
        payload[payload.length - 1] = 42;

        Message decoded = decodeOne(encode(frameWithPayload(payload)));

        assertThat(decoded.payload()).isEqualTo(payload);
    }

    @Test
    void refusesAFrameLargerThanTheDecoderTakes() {
        byte[] payload = new byte[MAX_MESSAGE_LENGTH - EventStreamConstants.MIN_MESSAGE_LENGTH - 2];
        String line = "{\"headers\":[{\"name\":\"b\",\"type\":2,\"value\":1}]," + payload(payload) + "}";

        assertThatThrownBy(() -> FrameJsonReader.read(line)).isInstanceOf(FrameFormatException.class)
                .hasMessage("the frame would be " + (MAX_MESSAGE_LENGTH + 2) + " bytes, over the limit of "
                        + MAX_MESSAGE_LENGTH + " (24 MiB) that decoders apply");
    }

    @Test
    void keepsTheMessageShortWhenItQuotesALongName() {
        String longName = "n".repeat(100_000);
        String line = "{\"headers\":[{\"name\":\"" + longName + "\",\"type\":0}]}";

        assertThatThrownBy(() -> FrameJsonReader.read(line)).isInstanceOf(FrameFormatException.class)
                .hasMessageStartingWith("header 0 (\"nnnn").hasMessageContaining("…\" of 100000 characters)")
                .hasMessageContaining("header name must be 1 to 255 bytes")
                .message().hasSizeLessThan(300);
    }

    @Test
    void keepsTheMessageShortWhenItQuotesALongKey() {
        String line = "{\"" + "k".repeat(40_000) + "\":1}";

        assertThatThrownBy(() -> FrameJsonReader.read(line)).isInstanceOf(FrameFormatException.class)
                .hasMessageStartingWith("unknown key \"kkkk").message().hasSizeLessThan(300);
    }

    @Test
    void keepsTheMessageShortWhenJacksonQuotesALongKey() {
        String key = "k".repeat(40_000);
        String line = "{\"" + key + "\":1,\"" + key + "\":1}";

        assertThatThrownBy(() -> FrameJsonReader.read(line)).isInstanceOf(FrameFormatException.class)
                .message().hasSizeLessThan(300);
    }

    // ---- helpers ----

    private static String frameWithBooleanHeaders(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"name\":\"h" + i + "\",\"type\":0}")
                .collect(Collectors.joining(",", "{\"headers\":[", "]}"));
    }

    private static String frameWithPayload(byte[] payload) {
        return "{" + payload(payload) + "}";
    }

    private static String payload(byte[] payload) {
        return "\"payload\":\"" + Base64.getEncoder().encodeToString(payload) + "\"";
    }

    private static byte[] encode(String line) {
        return FrameJsonReader.read(line).encode(new MessageEncoder(), false);
    }

    private static Message decodeOne(byte[] frame) {
        List<Message> messages = new ArrayList<>();
        MessageDecoder decoder = new MessageDecoder();
        decoder.feed(ByteBuffer.wrap(frame), message -> messages.add(message.toMessage()));
        decoder.endOfInput();
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
