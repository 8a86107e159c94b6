package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.transcribe.model.ExceptionPayloadJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The error body before the stream: a refusal's message quotes the client's values, which may hold anything. */
class ErrorResponsesTest {

    @Test
    void controlCharactersAreEscapedSoTheBodyStaysOneJsonValue() {
        String message = "Value 'a\r\nb\u0000\"\\' at 'vocabularyName' failed";

        assertThat(new String(ErrorResponses.body("BadRequestException", message), StandardCharsets.UTF_8))
                .isEqualTo("{\"Message\":\"Value 'a\\r\\nb\\u0000\\\"\\\\' at 'vocabularyName' failed\"}");
        assertThat(readBack(message)).isEqualTo(message);
    }

    /**
     * Found by RequestParametersFuzzTest: a lone surrogate in a quoted value has no UTF-8 form, and the body said
     * {@code '?'} instead of the value that was refused.
     */
    @Test
    void aLoneSurrogateReadsBackAsItself() {
        String message = "Value '\uD800' at 'languageModelName' failed";

        assertThat(readBack(message)).isEqualTo(message);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneReadsBackAsItself() {
        String message = "Value '\uD835\uDC00' at 'vocabularyName' failed";

        assertThat(readBack(message)).isEqualTo(message);
    }

    private static String readBack(String message) {
        byte[] body = ErrorResponses.body("BadRequestException", message);
        return ExceptionPayloadJson.parse(body, 0, body.length).message();
    }
}
