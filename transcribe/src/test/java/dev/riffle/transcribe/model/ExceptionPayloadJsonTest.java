package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Error bodies: {"Message": ...} in either spelling, the restJson1 type fallbacks, and the service's shape. */
class ExceptionPayloadJsonTest {

    private static ExceptionPayload parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return ExceptionPayloadJson.parse(bytes, 0, bytes.length);
    }

    @Test
    void readsTheServicesMessage() {
        assertThat(parse("{\"Message\":\"Your stream is too big. Reduce the frame size and try your request again.\"}"))
                .isEqualTo(new ExceptionPayload(null,
                        "Your stream is too big. Reduce the frame size and try your request again."));
    }

    @Test
    void readsTheLowerCaseSpellingToo() {
        assertThat(parse("{\"message\":\"Try again later.\"}").message()).isEqualTo("Try again later.");
    }

    @Test
    void theCapitalizedMessageWinsWhenBothArePresent() {
        assertThat(parse("{\"message\":\"lower\",\"Message\":\"upper\"}").message()).isEqualTo("upper");
    }

    @Test
    void readsTheErrorTypeFromTypeOrCode() {
        assertThat(parse("{\"__type\":\"com.amazonaws.transcribe#BadRequestException\",\"message\":\"m\"}"))
                .isEqualTo(new ExceptionPayload("com.amazonaws.transcribe#BadRequestException", "m"));
        assertThat(parse("{\"code\":\"ThrottlingException\"}").errorType()).isEqualTo("ThrottlingException");
        assertThat(parse("{\"code\":\"b\",\"__type\":\"a\"}").errorType()).isEqualTo("a");
    }

    @Test
    void anEmptyPayloadHasNeitherTypeNorMessage() {
        assertThat(ExceptionPayloadJson.parse(new byte[8], 3, 0)).isEqualTo(new ExceptionPayload(null, null));
        assertThat(ExceptionPayloadJson.parse(ByteBuffer.allocateDirect(0)))
                .isEqualTo(new ExceptionPayload(null, null));
        assertThat(parse("{}")).isEqualTo(new ExceptionPayload(null, null));
    }

    @Test
    void otherMembersAreIgnored() {
        assertThat(parse("{\"Reason\":{\"x\":[1]},\"Message\":\"m\",\"Retryable\":true}").message()).isEqualTo("m");
    }

    @Test
    void readsDirectBuffers() {
        byte[] bytes = "{\"Message\":\"Grüße\"}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();

        assertThat(ExceptionPayloadJson.parse(direct).message()).isEqualTo("Grüße");
        assertThat(direct.remaining()).isEqualTo(bytes.length);
    }

    @Test
    void aBodyThatIsNotJsonIsReported() {
        assertThatThrownBy(() -> parse("<html>503 Service Unavailable</html>"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("Malformed exception payload: Unexpected character ('<' (code 60))");
        assertThatThrownBy(() -> parse("{\"Message\":42}"))
                .hasMessage("Malformed exception payload: member Message: expected a string, found a number "
                        + "(line 1, column 12)");
    }

    @Test
    void writesTheServicesShape() {
        assertThat(new String(ExceptionPayloadJson.toBytes("Unexpected WebSocket frame received."),
                StandardCharsets.UTF_8)).isEqualTo("{\"Message\":\"Unexpected WebSocket frame received.\"}");
    }

    @Test
    void writtenMessagesAreEscapedAndReadBack() {
        String message = "Value 'a\"b' at 'x' failed\n\ttab \\ é";
        byte[] bytes = ExceptionPayloadJson.toBytes(message);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("a\\\"b").contains("\\n\\ttab \\\\");
        assertThat(ExceptionPayloadJson.parse(bytes, 0, bytes.length).message()).isEqualTo(message);
    }
}
