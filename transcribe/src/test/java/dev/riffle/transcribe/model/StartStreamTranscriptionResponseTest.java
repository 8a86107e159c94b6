package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 200 response: request id, session id, and the echoed parameters, read and written as headers. */
class StartStreamTranscriptionResponseTest {

    private static final String SESSION = "b4526fcf-5eed-4c5c-a5f9-1c1a7e6e2a10";

    private static StartStreamTranscriptionRequest request() {
        return StartStreamTranscriptionRequest.builder().languageCode(LanguageCode.EN_US)
                .mediaSampleRateHertz(16000).mediaEncoding(MediaEncoding.PCM).showSpeakerLabel(true).build();
    }

    @Test
    void readsTheServicesHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":status", "200");
        headers.put("x-amzn-request-id", "8a08df7d-1111");
        headers.put("x-amzn-transcribe-session-id", SESSION);
        headers.put("x-amzn-transcribe-language-code", "en-US");
        headers.put("x-amzn-transcribe-sample-rate", "16000");
        headers.put("x-amzn-transcribe-media-encoding", "pcm");
        headers.put("content-type", "application/json");

        StartStreamTranscriptionResponse response = StartStreamTranscriptionResponse.fromHeaders(headers);

        assertThat(response.requestId()).contains("8a08df7d-1111");
        assertThat(response.sessionId()).contains(SESSION);
        assertThat(response.settings().languageCode()).contains(LanguageCode.EN_US);
        assertThat(response.settings().mediaSampleRateHertz()).contains(16000);
    }

    @Test
    void requestIdHeaderNameMatchesInAnyCaseAndFallsBackToTheCommonSpelling() {
        assertThat(StartStreamTranscriptionResponse.fromHeaders(Map.of("X-Amzn-Request-Id", "a")).requestId())
                .contains("a");
        assertThat(StartStreamTranscriptionResponse.fromHeaders(Map.of("x-amzn-RequestId", "b")).requestId())
                .contains("b");
        assertThat(StartStreamTranscriptionResponse.fromHeaders(
                Map.of("x-amzn-RequestId", "b", "x-amzn-request-id", "a")).requestId()).contains("a");
        assertThat(StartStreamTranscriptionResponse.fromHeaders(Map.of()).requestId()).isEmpty();
    }

    @Test
    void anEchoTheModelWouldRefuseIsStillRead() {
        StartStreamTranscriptionResponse response = StartStreamTranscriptionResponse.fromHeaders(
                Map.of("x-amzn-transcribe-language-code", "xx-XX"));

        assertThat(response.settings().parameter(RequestParameter.LANGUAGE_CODE)).contains("xx-XX");
    }

    @Test
    void writesRequestIdAndSessionIdFirstThenTheEchoInModelOrder() {
        StartStreamTranscriptionResponse response = StartStreamTranscriptionResponse.of("req-1",
                request().toBuilder().sessionId(SESSION).build());

        assertThat(response.toHeaders()).containsExactly(
                entry("x-amzn-request-id", "req-1"),
                entry("x-amzn-transcribe-session-id", SESSION),
                entry("x-amzn-transcribe-language-code", "en-US"),
                entry("x-amzn-transcribe-sample-rate", "16000"),
                entry("x-amzn-transcribe-media-encoding", "pcm"),
                entry("x-amzn-transcribe-show-speaker-label", "true"));
    }

    /**
     * Found by the emulator's RequestParametersFuzzTest: {@code " NAME"} satisfies the model's pattern for
     * pii-entity-types, but no header value may start or end with a space, and Netty refused to write the echo.
     */
    @Test
    void echoedValuesAreWrittenWithoutSurroundingWhitespace() {
        StartStreamTranscriptionRequest request = StartStreamTranscriptionRequest.builder()
                .languageCode(LanguageCode.EN_US).mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(16000)
                .contentRedactionType(ContentRedactionType.PII).piiEntityTypes(" NAME, SSN ").build().validate();

        assertThat(StartStreamTranscriptionResponse.of("r", request).toHeaders())
                .containsEntry("x-amzn-transcribe-pii-entity-types", "NAME, SSN");
        assertThat(request.toHeaders()).containsEntry("x-amzn-transcribe-pii-entity-types", "NAME, SSN");
    }

    @Test
    void headersRoundTrip() {
        StartStreamTranscriptionResponse response = StartStreamTranscriptionResponse.of("req-1",
                request().toBuilder().sessionId(SESSION).build());

        assertThat(StartStreamTranscriptionResponse.fromHeaders(response.toHeaders())).isEqualTo(response)
                .hasSameHashCodeAs(response);
    }

    @Test
    void acceptingARequestWithoutSessionIdGeneratesAValidOne() {
        StartStreamTranscriptionResponse response = StartStreamTranscriptionResponse.accepting(request(), "req-2");

        assertThat(response.sessionId()).isPresent();
        assertThat(response.settings().violations()).isEmpty();
        assertThat(response.settings().toBuilder().sessionId(null).build()).isEqualTo(request());
        assertThat(StartStreamTranscriptionResponse.accepting(request(), "req-3").sessionId())
                .isNotEqualTo(response.sessionId());
    }

    @Test
    void acceptingARequestWithASessionIdKeepsIt() {
        StartStreamTranscriptionRequest request = request().toBuilder().sessionId(SESSION).build();

        assertThat(StartStreamTranscriptionResponse.accepting(request, "r").sessionId()).contains(SESSION);
    }

    @Test
    void aResponseWithoutRequestIdWritesNoRequestIdHeader() {
        assertThat(StartStreamTranscriptionResponse.of(null, request()).toHeaders())
                .doesNotContainKey("x-amzn-request-id").hasSize(4);
    }
}
