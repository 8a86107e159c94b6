package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model's constraints on single values, reported in AWS's request-validation words. Requests come in as
 * headers, as the emulator receives them, so that values the enums could never produce can be sent too.
 */
class ModelConstraintsTest {

    private static final String FAILED = "' failed to satisfy constraint: Member must ";

    /** A valid request's headers plus {@code extra} ({@code null} value: remove the header). */
    private static StartStreamTranscriptionRequest request(String... extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-amzn-transcribe-language-code", "en-US");
        headers.put("x-amzn-transcribe-media-encoding", "pcm");
        headers.put("x-amzn-transcribe-sample-rate", "16000");
        for (int i = 0; i < extra.length; i += 2) {
            String name = "x-amzn-transcribe-" + extra[i];
            if (extra[i + 1] == null) {
                headers.remove(name);
            } else {
                headers.put(name, extra[i + 1]);
            }
        }
        return StartStreamTranscriptionRequest.fromHeaders(headers);
    }

    private static String oneError(String value, String member, String rule) {
        return "1 validation error detected: Value '" + value + "' at '" + member + FAILED + rule;
    }

    private static void assertRefused(StartStreamTranscriptionRequest request, String message) {
        assertThatThrownBy(request::validate).isInstanceOf(InvalidRequestException.class).hasMessage(message);
    }

    @Test
    void aMinimalRequestIsValid() {
        StartStreamTranscriptionRequest request = request();

        assertThat(request.violations()).isEmpty();
        assertThat(request.validate()).isSameAs(request);
    }

    @ParameterizedTest
    @CsvSource({"8000", "48000", "44100"})
    void sampleRatesInRangeAreAccepted(String rate) {
        assertThat(request("sample-rate", rate).violations()).isEmpty();
    }

    @Test
    void sampleRateAboveTheRangeIsRefused() {
        assertRefused(request("sample-rate", "96000"),
                oneError("96000", "mediaSampleRateHertz", "have value less than or equal to 48000"));
    }

    @Test
    void sampleRateBelowTheRangeIsRefused() {
        assertRefused(request("sample-rate", "7999"),
                oneError("7999", "mediaSampleRateHertz", "have value greater than or equal to 8000"));
    }

    @Test
    void theBuilderIsCheckedTheSameWay() {
        StartStreamTranscriptionRequest request = StartStreamTranscriptionRequest.builder()
                .languageCode(LanguageCode.EN_US).mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(96000)
                .build();

        assertThat(request.violations()).containsExactly("Value '96000' at 'mediaSampleRateHertz" + FAILED
                + "have value less than or equal to 48000");
    }

    @Test
    void missingRequiredParametersAreAllReportedInModelOrder() {
        InvalidRequestException refused = catchRefusal(request("sample-rate", null, "media-encoding", null));

        assertThat(refused).hasMessage("2 validation errors detected: "
                + "Value null at 'mediaSampleRateHertz' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'mediaEncoding' failed to satisfy constraint: Member must not be null");
        assertThat(refused.violations()).hasSize(2);
    }

    @Test
    void mediaEncodingOutsideTheEnumIsRefusedWithTheValueSet() {
        assertRefused(request("media-encoding", "mp3"),
                oneError("mp3", "mediaEncoding", "satisfy enum value set: [pcm, ogg-opus, flac]"));
    }

    @Test
    void enumValuesAreCaseSensitive() {
        assertRefused(request("media-encoding", "PCM"),
                oneError("PCM", "mediaEncoding", "satisfy enum value set: [pcm, ogg-opus, flac]"));
    }

    @Test
    void languageCodeOutsideTheEnumListsEveryCode() {
        assertThat(catchRefusal(request("language-code", "en-us")).getMessage())
                .startsWith(oneError("en-us", "languageCode", "satisfy enum value set: [en-US, en-GB, es-US,"))
                .endsWith(", tr-TR, uz-UZ]");
    }

    @Test
    void preferredLanguageOutsideTheEnumIsRefused() {
        assertThat(catchRefusal(request("preferred-language", "xx-XX")).getMessage())
                .startsWith(oneError("xx-XX", "preferredLanguage", "satisfy enum value set: [en-US,"));
    }

    @Test
    void smallEnumParametersAreRefusedWithTheirValueSets() {
        assertRefused(request("vocabulary-filter-method", "hide"),
                oneError("hide", "vocabularyFilterMethod", "satisfy enum value set: [remove, mask, tag]"));
        assertRefused(request("partial-results-stability", "HIGH"),
                oneError("HIGH", "partialResultsStability", "satisfy enum value set: [high, medium, low]"));
        assertRefused(request("content-identification-type", "pii"),
                oneError("pii", "contentIdentificationType", "satisfy enum value set: [PII]"));
        assertRefused(request("content-redaction-type", "PHI"),
                oneError("PHI", "contentRedactionType", "satisfy enum value set: [PII]"));
        assertRefused(request("transcript-format", "verbatim"),
                oneError("verbatim", "transcriptFormat", "satisfy enum value set: [spoken, written]"));
    }

    @ParameterizedTest
    @CsvSource({"vocabulary-filter-method, tag", "partial-results-stability, medium",
        "content-identification-type, PII", "transcript-format, spoken", "transcript-format, written"})
    void enumParametersWithModelValuesAreAccepted(String name, String value) {
        assertThat(request(name, value).violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"b4526fcf-5eed-4c5c-a5f9-1c1a7e6e2a10", "B4526FCF-5EED-4C5C-A5F9-1C1A7E6E2A10"})
    void sessionIdsThatAreUuidsAreAccepted(String sessionId) {
        assertThat(request("session-id", sessionId).violations()).isEmpty();
    }

    @Test
    void sessionIdOfTheRightLengthButNotAUuidBreaksThePattern() {
        String notUuid = "b4526fcf05eed04c5c0a5f901c1a7e6e2a10";
        assertRefused(request("session-id", notUuid), oneError(notUuid, "sessionId",
                "satisfy regular expression pattern: "
                        + "^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$"));
    }

    @Test
    void shortSessionIdBreaksLengthAndPattern() {
        assertThat(request("session-id", "my-session").violations()).containsExactly(
                "Value 'my-session' at 'sessionId" + FAILED + "have length greater than or equal to 36",
                "Value 'my-session' at 'sessionId" + FAILED + "satisfy regular expression pattern: "
                        + "^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$");
    }

    @ParameterizedTest
    @CsvSource({"vocabulary-name, vocabularyName", "vocabulary-filter-name, vocabularyFilterName",
        "language-model-name, languageModelName"})
    void namesOfTwoHundredCharactersAreAccepted(String header, String member) {
        assertThat(request(header, "n".repeat(200)).violations()).isEmpty();
        assertThat(request(header, "My.model_2-b").violations()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"vocabulary-name, vocabularyName", "vocabulary-filter-name, vocabularyFilterName",
        "language-model-name, languageModelName"})
    void namesOverTwoHundredCharactersAreRefused(String header, String member) {
        String name = "n".repeat(201);
        assertRefused(request(header, name), oneError(name, member, "have length less than or equal to 200"));
    }

    @ParameterizedTest
    @CsvSource({"vocabulary-name, vocabularyName", "vocabulary-filter-name, vocabularyFilterName",
        "language-model-name, languageModelName"})
    void namesWithOtherCharactersBreakThePattern(String header, String member) {
        assertRefused(request(header, "my vocab"),
                oneError("my vocab", member, "satisfy regular expression pattern: ^[0-9a-zA-Z._-]+$"));
    }

    @Test
    void anEmptyNameBreaksLengthAndPattern() {
        assertRefused(request("vocabulary-name", ""), "2 validation errors detected: "
                + "Value '' at 'vocabularyName" + FAILED + "have length greater than or equal to 1; "
                + "Value '' at 'vocabularyName" + FAILED + "satisfy regular expression pattern: ^[0-9a-zA-Z._-]+$");
    }

    @ParameterizedTest
    @CsvSource({"vocabulary-names, vocabularyNames", "vocabulary-filter-names, vocabularyFilterNames"})
    void nameListsAllowThreeThousandCharactersOfNamesAndCommas(String header, String member) {
        StartStreamTranscriptionRequest ok = request("language-code", null, "identify-language", "true",
                "language-options", "en-US,de-DE", header, "a.b,c-d,e_f," + "x".repeat(2988));
        assertThat(ok.violations()).isEmpty();

        String tooLong = "x".repeat(3001);
        assertRefused(request(header, tooLong), oneError(tooLong, member, "have length less than or equal to 3000"));
        assertRefused(request(header, "a, b"),
                oneError("a, b", member, "satisfy regular expression pattern: ^[a-zA-Z0-9,-._]+$"));
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        // 200 letters outside the BMP are 400 chars in Java but 200 code points: only the pattern fails.
        String name = "\uD835\uDC00".repeat(200);
        assertThat(request("vocabulary-name", name).violations()).singleElement().asString()
                .endsWith("satisfy regular expression pattern: ^[0-9a-zA-Z._-]+$");
    }

    @Test
    void piiEntityTypesMustBeUpperCaseNamesCommasAndSpaces() {
        assertThat(request("content-redaction-type", "PII", "pii-entity-types", "NAME, SSN").violations()).isEmpty();
        assertRefused(request("content-redaction-type", "PII", "pii-entity-types", "name"),
                oneError("name", "piiEntityTypes", "satisfy regular expression pattern: ^[A-Z_, ]+$"));
        String tooLong = "A".repeat(301);
        assertRefused(request("content-redaction-type", "PII", "pii-entity-types", tooLong),
                oneError(tooLong, "piiEntityTypes", "have length less than or equal to 300"));
    }

    @Test
    void languageOptionsMustBeLettersDashesAndCommas() {
        assertRefused(request("language-options", "en_US,de_DE"),
                oneError("en_US,de_DE", "languageOptions", "satisfy regular expression pattern: ^[a-zA-Z-,]+$"));
        String tooLong = "en-US,".repeat(33) + "de-DE";
        assertRefused(request("language-options", tooLong),
                oneError(tooLong, "languageOptions", "have length less than or equal to 200"));
    }

    @Test
    void numberOfChannelsBelowTwoIsAModelViolation() {
        assertRefused(request("number-of-channels", "1", "enable-channel-identification", "true"),
                oneError("1", "numberOfChannels", "have value greater than or equal to 2"));
    }

    @ParameterizedTest
    @CsvSource({"0, greater than or equal to 1", "301, less than or equal to 300"})
    void sessionResumeWindowOutsideOneToThreeHundredMinutesIsRefused(String minutes, String bound) {
        assertRefused(request("session-resume-window", minutes),
                oneError(minutes, "sessionResumeWindow", "have value " + bound));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "300"})
    void sessionResumeWindowAtItsBoundsIsAccepted(String minutes) {
        assertThat(request("session-resume-window", minutes).violations()).isEmpty();
    }

    @Test
    void severalViolationsAreCountedAndJoinedInModelOrder() {
        assertRefused(request("transcript-format", "x", "media-encoding", "wav", "sample-rate", "1"),
                "3 validation errors detected: "
                        + "Value '1' at 'mediaSampleRateHertz" + FAILED + "have value greater than or equal to 8000; "
                        + "Value 'wav' at 'mediaEncoding" + FAILED + "satisfy enum value set: [pcm, ogg-opus, flac]; "
                        + "Value 'x' at 'transcriptFormat" + FAILED + "satisfy enum value set: [spoken, written]");
    }

    @Test
    void valuesThatAreNotIntegersOrBooleansAreRefusedBeforeAnythingElse() {
        InvalidRequestException refused = catchRefusal(request("sample-rate", "16k", "show-speaker-label", "yes",
                "media-encoding", "wav"));

        assertThat(refused).hasMessage("Value '16k' at 'mediaSampleRateHertz' is not a valid integer. "
                + "Value 'yes' at 'showSpeakerLabel' is not a valid boolean (true or false).");
        assertThat(refused.violations()).hasSize(2);
    }

    @Test
    void anIntegerTooLargeForAnIntIsNotAnInteger() {
        assertRefused(request("sample-rate", "99999999999"),
                "Value '99999999999' at 'mediaSampleRateHertz' is not a valid integer.");
    }

    /**
     * Integer.parseInt also reads the digits of other scripts, which a presigned URL's query can carry percent-encoded:
     * "١٦٠٠٠" (Arabic-Indic) and "１６０００" (full-width) would have been a sample rate of 16000. An integer on the
     * wire is ASCII digits.
     */
    @Test
    void digitsOfOtherScriptsAreNotAnInteger() {
        for (String digits : List.of("\u0661\u0666\u0660\u0660\u0660", "\uFF11\uFF16\uFF10\uFF10\uFF10")) {
            assertRefused(request("sample-rate", digits),
                    "Value '" + digits + "' at 'mediaSampleRateHertz' is not a valid integer.");
        }
    }

    @Test
    void combinationRulesWaitUntilEveryValueIsValid() {
        // No language mode is set either, but the service never gets that far.
        assertRefused(request("language-code", null, "sample-rate", "96000"),
                oneError("96000", "mediaSampleRateHertz", "have value less than or equal to 48000"));
    }

    private static InvalidRequestException catchRefusal(StartStreamTranscriptionRequest request) {
        try {
            request.validate();
        } catch (InvalidRequestException refused) {
            return refused;
        }
        throw new AssertionError("the request was accepted: " + request);
    }
}
