package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes the reader of error bodies (an exception message's payload inside the stream, an HTTP error response's
 * body before it), and the choice of exception from what they say. Properties: any bytes either read into an
 * {@link ExceptionPayload} or fail with a {@link MalformedPayloadException} that names the payload and the
 * problem, never another exception and never a hang; the array, read-only and direct buffer readers agree; and
 * {@link TranscribeExceptions} turns any body and any {@code x-amzn-errortype} header into an exception with a
 * type name.
 *
 * <p>Half the inputs are raw bytes; a quarter are bodies of the error shape whose members the fuzzer fills,
 * retypes, duplicates, nulls and damages ({@link FuzzJson}), a quarter are real error bodies with spans replaced.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl transcribe test -Dtest=ExceptionPayloadJsonFuzzTest -Djazzer.max_duration=30m}.
 */
class ExceptionPayloadJsonFuzzTest {

    /** Bodies as Transcribe and other AWS services write them. */
    private static final List<byte[]> RECORDED = List.of(
            utf8("{\"Message\":\"Your stream is too big. Reduce the frame size and try your request again.\"}"),
            utf8("{\"__type\":\"com.amazonaws.transcribe#BadRequestException\",\"message\":\"m\"}"),
            utf8("{\"code\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"}"));

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void readsOrRefusesCleanly(FuzzedDataProvider data) {
        String typeHeader = data.consumeBoolean() ? data.consumeString(40) : null;
        int status = data.consumeInt(0, 599);
        byte[] payload = FuzzJson.payload(data, FuzzJson.ERROR_BODY, RECORDED);

        ExceptionPayload body = PayloadFuzzing.readAllWays(payload, ExceptionPayloadJson::parse,
                ExceptionPayloadJson::parse, "exception");

        if (body != null) {
            TranscribeServiceException error = TranscribeExceptions.fromErrorResponse(typeHeader, body, "id", status);
            assertThat(error.errorType()).isNotBlank().doesNotContain(":").isEqualTo(error.errorType().strip());
            assertThat(error.errorMessage()).isEqualTo(body.message());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
