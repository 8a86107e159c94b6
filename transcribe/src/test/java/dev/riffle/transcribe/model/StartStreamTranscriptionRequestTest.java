package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The request's wire forms: headers for HTTP/2, query parameters for WebSocket, both directions. */
class StartStreamTranscriptionRequestTest {

    private static final String SESSION = "b4526fcf-5eed-4c5c-a5f9-1c1a7e6e2a10";

    private static StartStreamTranscriptionRequest everyParameter() {
        return StartStreamTranscriptionRequest.builder()
                .transcriptFormat("written")
                .sessionResumeWindow(30)
                .vocabularyFilterNames(List.of("f1", "f2"))
                .vocabularyNames("v1,v2")
                .identifyMultipleLanguages(false)
                .preferredLanguage(LanguageCode.DE_DE)
                .languageOptions(LanguageCode.EN_US, LanguageCode.DE_DE)
                .identifyLanguage(true)
                .languageModelName("lm")
                .piiEntityTypes(PiiEntityType.NAME, PiiEntityType.SSN)
                .contentRedactionType(ContentRedactionType.PII)
                .contentIdentificationType(ContentIdentificationType.PII)
                .partialResultsStability(PartialResultsStability.LOW)
                .enablePartialResultsStabilization(true)
                .numberOfChannels(2)
                .enableChannelIdentification(true)
                .showSpeakerLabel(false)
                .vocabularyFilterMethod(VocabularyFilterMethod.MASK)
                .vocabularyFilterName("filter")
                .sessionId(SESSION)
                .vocabularyName("vocab")
                .mediaEncoding(MediaEncoding.OGG_OPUS)
                .mediaSampleRateHertz(16000)
                .languageCode(LanguageCode.EN_GB)
                .build();
    }

    @Test
    void headersAreInTheModelsOrderWhateverTheBuildOrder() {
        assertThat(everyParameter().toHeaders()).containsExactly(
                entry("x-amzn-transcribe-language-code", "en-GB"),
                entry("x-amzn-transcribe-sample-rate", "16000"),
                entry("x-amzn-transcribe-media-encoding", "ogg-opus"),
                entry("x-amzn-transcribe-vocabulary-name", "vocab"),
                entry("x-amzn-transcribe-session-id", SESSION),
                entry("x-amzn-transcribe-vocabulary-filter-name", "filter"),
                entry("x-amzn-transcribe-vocabulary-filter-method", "mask"),
                entry("x-amzn-transcribe-show-speaker-label", "false"),
                entry("x-amzn-transcribe-enable-channel-identification", "true"),
                entry("x-amzn-transcribe-number-of-channels", "2"),
                entry("x-amzn-transcribe-enable-partial-results-stabilization", "true"),
                entry("x-amzn-transcribe-partial-results-stability", "low"),
                entry("x-amzn-transcribe-content-identification-type", "PII"),
                entry("x-amzn-transcribe-content-redaction-type", "PII"),
                entry("x-amzn-transcribe-pii-entity-types", "NAME,SSN"),
                entry("x-amzn-transcribe-language-model-name", "lm"),
                entry("x-amzn-transcribe-identify-language", "true"),
                entry("x-amzn-transcribe-language-options", "en-US,de-DE"),
                entry("x-amzn-transcribe-preferred-language", "de-DE"),
                entry("x-amzn-transcribe-identify-multiple-languages", "false"),
                entry("x-amzn-transcribe-vocabulary-names", "v1,v2"),
                entry("x-amzn-transcribe-vocabulary-filter-names", "f1,f2"),
                entry("x-amzn-transcribe-session-resume-window", "30"),
                entry("x-amzn-transcribe-transcript-format", "written"));
    }

    @Test
    void onlyParametersThatAreSetAreSent() {
        StartStreamTranscriptionRequest request = StartStreamTranscriptionRequest.builder()
                .languageCode(LanguageCode.EN_US).mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(16000)
                .vocabularyName("v").vocabularyName(null).build();

        assertThat(request.toHeaders()).containsExactly(
                entry("x-amzn-transcribe-language-code", "en-US"),
                entry("x-amzn-transcribe-sample-rate", "16000"),
                entry("x-amzn-transcribe-media-encoding", "pcm"));
    }

    @Test
    void queryParametersAreTheHeaderNamesWithoutThePrefix() {
        Map<String, String> query = everyParameter().toQueryParameters();

        assertThat(query.keySet()).startsWith("language-code", "sample-rate", "media-encoding")
                .endsWith("session-resume-window", "transcript-format").hasSize(24);
        assertThat(query).containsEntry("enable-partial-results-stabilization", "true")
                .containsEntry("language-options", "en-US,de-DE");
    }

    @Test
    void headersRoundTrip() {
        StartStreamTranscriptionRequest request = everyParameter();

        assertThat(StartStreamTranscriptionRequest.fromHeaders(request.toHeaders())).isEqualTo(request)
                .hasSameHashCodeAs(request);
        assertThat(StartStreamTranscriptionRequest.fromQueryParameters(request.toQueryParameters()))
                .isEqualTo(request);
    }

    @Test
    void headerNamesMatchInAnyCase() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amzn-Transcribe-Language-Code", "en-US");
        headers.put("X-AMZN-TRANSCRIBE-SAMPLE-RATE", "8000");

        StartStreamTranscriptionRequest request = StartStreamTranscriptionRequest.fromHeaders(headers);

        assertThat(request.languageCode()).contains(LanguageCode.EN_US);
        assertThat(request.mediaSampleRateHertz()).contains(8000);
    }

    @Test
    void booleansAreReadInAnyCaseAndSentInLowerCase() {
        StartStreamTranscriptionRequest request = StartStreamTranscriptionRequest.fromHeaders(Map.of(
                "x-amzn-transcribe-show-speaker-label", "True",
                "x-amzn-transcribe-enable-partial-results-stabilization", "TRUE",
                "x-amzn-transcribe-identify-language", "False"));

        assertThat(request.showSpeakerLabel()).contains(true);
        assertThat(request.enablePartialResultsStabilization()).contains(true);
        assertThat(request.identifyLanguage()).contains(false);
        assertThat(request.toHeaders()).containsEntry("x-amzn-transcribe-show-speaker-label", "true")
                .containsEntry("x-amzn-transcribe-identify-language", "false");
    }

    @Test
    void unknownAndUnrelatedHeadersAreIgnored() {
        StartStreamTranscriptionRequest request = StartStreamTranscriptionRequest.fromHeaders(Map.of(
                "x-amzn-transcribe-language-code", "en-US",
                "x-amzn-transcribe-specialty", "PRIMARYCARE",
                "x-amzn-transcribe-some-future-flag", "on",
                "content-type", "application/vnd.amazon.eventstream",
                "authorization", "AWS4-HMAC-SHA256 ..."));

        assertThat(request.toHeaders()).containsOnlyKeys("x-amzn-transcribe-language-code");
    }

    @Test
    void queryNamesAreExactAndSigningParametersAreIgnored() {
        Map<String, String> query = new TreeMap<>(Map.of(
                "X-Amz-Algorithm", "AWS4-HMAC-SHA256",
                "X-Amz-Signature", "abc",
                "language-code", "en-US",
                "Sample-Rate", "16000",
                "user-agent", "js"));

        assertThat(StartStreamTranscriptionRequest.fromQueryParameters(query).toQueryParameters())
                .containsExactly(entry("language-code", "en-US"));
    }

    @Test
    void theSameHeaderTwiceWithDifferentValuesIsRefused() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-transcribe-sample-rate", "16000");
        headers.put("X-Amzn-Transcribe-Sample-Rate", "8000");

        assertThatThrownBy(() -> StartStreamTranscriptionRequest.fromHeaders(headers))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Parameter x-amzn-transcribe-sample-rate was sent twice with different values.");
    }

    @Test
    void theSameHeaderTwiceWithTheSameValueIsAccepted() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-transcribe-show-speaker-label", "true");
        headers.put("X-Amzn-Transcribe-Show-Speaker-Label", "TRUE");

        assertThat(StartStreamTranscriptionRequest.fromHeaders(headers).showSpeakerLabel()).contains(true);
    }

    @Test
    void valuesTheModelRefusesAreKeptForValidationToReport() {
        StartStreamTranscriptionRequest request = StartStreamTranscriptionRequest.fromHeaders(Map.of(
                "x-amzn-transcribe-media-encoding", "mp3", "x-amzn-transcribe-sample-rate", "fast"));

        assertThat(request.parameter(RequestParameter.MEDIA_ENCODING)).contains("mp3");
        assertThat(request.parameter(RequestParameter.MEDIA_SAMPLE_RATE_HERTZ)).contains("fast");
        assertThatThrownBy(request::mediaEncoding).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown media encoding 'mp3'; expected one of [pcm, ogg-opus, flac]");
        assertThatThrownBy(request::mediaSampleRateHertz).hasMessage("mediaSampleRateHertz 'fast' is not an integer");
    }

    @Test
    void typedAccessorsReadTheWireStrings() {
        StartStreamTranscriptionRequest request = everyParameter();

        assertThat(request.languageCode()).contains(LanguageCode.EN_GB);
        assertThat(request.mediaEncoding()).contains(MediaEncoding.OGG_OPUS);
        assertThat(request.numberOfChannels()).contains(2);
        assertThat(request.partialResultsStability()).contains(PartialResultsStability.LOW);
        assertThat(request.preferredLanguage()).contains(LanguageCode.DE_DE);
        assertThat(request.vocabularyFilterMethod()).contains(VocabularyFilterMethod.MASK);
        assertThat(request.contentIdentificationType()).contains(ContentIdentificationType.PII);
        assertThat(request.contentRedactionType()).contains(ContentRedactionType.PII);
        assertThat(request.piiEntityTypes()).contains("NAME,SSN");
        assertThat(request.vocabularyFilterNames()).contains("f1,f2");
        assertThat(request.sessionResumeWindow()).contains(30);
        assertThat(request.transcriptFormat()).contains("written");
        assertThat(request.identifyMultipleLanguages()).contains(false);
        assertThat(StartStreamTranscriptionRequest.builder().build().sessionId()).isEmpty();
    }

    @Test
    void theBuilderDoesNotReachIntoABuiltRequest() {
        StartStreamTranscriptionRequest.Builder builder = StartStreamTranscriptionRequest.builder()
                .languageCode(LanguageCode.EN_US);
        StartStreamTranscriptionRequest first = builder.build();
        builder.languageCode(LanguageCode.FR_FR);

        assertThat(first.languageCode()).contains(LanguageCode.EN_US);
        assertThat(first.toBuilder().mediaSampleRateHertz(8000).build().toHeaders())
                .containsOnlyKeys("x-amzn-transcribe-language-code", "x-amzn-transcribe-sample-rate");
        assertThat(first.toHeaders()).hasSize(1);
    }

    @Test
    void aNullListClearsTheParameter() {
        StartStreamTranscriptionRequest request = everyParameter().toBuilder()
                .languageOptions((LanguageCode[]) null).piiEntityTypes((PiiEntityType[]) null)
                .vocabularyNames((List<String>) null).build();

        assertThat(request.languageOptions()).isEmpty();
        assertThat(request.piiEntityTypes()).isEmpty();
        assertThat(request.vocabularyNames()).isEmpty();
    }

    @Test
    void toStringShowsTheQueryForm() {
        assertThat(StartStreamTranscriptionRequest.builder().mediaSampleRateHertz(8000).build())
                .hasToString("StartStreamTranscriptionRequest{sample-rate=8000}");
    }
}
