package dev.riffle.transcribe.model;

import static dev.riffle.transcribe.model.ParameterConstraint.bool;
import static dev.riffle.transcribe.model.ParameterConstraint.integer;
import static dev.riffle.transcribe.model.ParameterConstraint.oneOf;
import static dev.riffle.transcribe.model.ParameterConstraint.string;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The parameters of StartStreamTranscription, in the service model's order, each with the three names it goes by:
 * the HTTP/2 request header ({@code x-amzn-transcribe-sample-rate}), the WebSocket query parameter (the header name
 * without its prefix: {@code sample-rate}) and the model member that validation messages name
 * ({@code mediaSampleRateHertz}).
 *
 * <p>The constraints are the model's (spec section 2.3). {@link #SESSION_RESUME_WINDOW} and
 * {@link #TRANSCRIPT_FORMAT} were added to the API in 2026 and are not in the 2.41.30 model: their range and values
 * come from the API reference.
 */
public enum RequestParameter {
    /** {@code x-amzn-transcribe-language-code}: one {@link LanguageCode}. */
    LANGUAGE_CODE("language-code", "languageCode", oneOf(LanguageCode.wireValues())),
    /** {@code x-amzn-transcribe-sample-rate}: 8000 to 48000 Hz; required. */
    MEDIA_SAMPLE_RATE_HERTZ("sample-rate", "mediaSampleRateHertz", integer(8000, 48000).required()),
    /** {@code x-amzn-transcribe-media-encoding}: one {@link MediaEncoding}; required. */
    MEDIA_ENCODING("media-encoding", "mediaEncoding", oneOf(MediaEncoding.wireValues()).required()),
    /** {@code x-amzn-transcribe-vocabulary-name}: a custom vocabulary. */
    VOCABULARY_NAME("vocabulary-name", "vocabularyName", Patterns.NAME),
    /** {@code x-amzn-transcribe-session-id}: a UUID, 36 characters; the service generates one when absent. */
    SESSION_ID("session-id", "sessionId",
            string(36, 36, "^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$")),
    /** {@code x-amzn-transcribe-vocabulary-filter-name}: a custom vocabulary filter. */
    VOCABULARY_FILTER_NAME("vocabulary-filter-name", "vocabularyFilterName", Patterns.NAME),
    /** {@code x-amzn-transcribe-vocabulary-filter-method}: one {@link VocabularyFilterMethod}. */
    VOCABULARY_FILTER_METHOD("vocabulary-filter-method", "vocabularyFilterMethod",
            oneOf(VocabularyFilterMethod.wireValues())),
    /** {@code x-amzn-transcribe-show-speaker-label}: speaker diarization. */
    SHOW_SPEAKER_LABEL("show-speaker-label", "showSpeakerLabel", bool()),
    /** {@code x-amzn-transcribe-enable-channel-identification}: transcribe two channels separately. */
    ENABLE_CHANNEL_IDENTIFICATION("enable-channel-identification", "enableChannelIdentification", bool()),
    /** {@code x-amzn-transcribe-number-of-channels}: at least 2 in the model; only 2 works. */
    NUMBER_OF_CHANNELS("number-of-channels", "numberOfChannels", integer(2, null)),
    /** {@code x-amzn-transcribe-enable-partial-results-stabilization}. */
    ENABLE_PARTIAL_RESULTS_STABILIZATION("enable-partial-results-stabilization",
            "enablePartialResultsStabilization", bool()),
    /** {@code x-amzn-transcribe-partial-results-stability}: one {@link PartialResultsStability}. */
    PARTIAL_RESULTS_STABILITY("partial-results-stability", "partialResultsStability",
            oneOf(PartialResultsStability.wireValues())),
    /** {@code x-amzn-transcribe-content-identification-type}: one {@link ContentIdentificationType}. */
    CONTENT_IDENTIFICATION_TYPE("content-identification-type", "contentIdentificationType",
            oneOf(ContentIdentificationType.wireValues())),
    /** {@code x-amzn-transcribe-content-redaction-type}: one {@link ContentRedactionType}. */
    CONTENT_REDACTION_TYPE("content-redaction-type", "contentRedactionType",
            oneOf(ContentRedactionType.wireValues())),
    /** {@code x-amzn-transcribe-pii-entity-types}: comma-separated {@link PiiEntityType} names. */
    PII_ENTITY_TYPES("pii-entity-types", "piiEntityTypes", string(1, 300, "^[A-Z_, ]+$")),
    /** {@code x-amzn-transcribe-language-model-name}: a custom language model. */
    LANGUAGE_MODEL_NAME("language-model-name", "languageModelName", Patterns.NAME),
    /** {@code x-amzn-transcribe-identify-language}: identify the one language spoken. */
    IDENTIFY_LANGUAGE("identify-language", "identifyLanguage", bool()),
    /** {@code x-amzn-transcribe-language-options}: comma-separated {@link LanguageCode}s. */
    LANGUAGE_OPTIONS("language-options", "languageOptions", string(1, 200, "^[a-zA-Z-,]+$")),
    /** {@code x-amzn-transcribe-preferred-language}: one {@link LanguageCode}, among the options. */
    PREFERRED_LANGUAGE("preferred-language", "preferredLanguage", oneOf(LanguageCode.wireValues())),
    /** {@code x-amzn-transcribe-identify-multiple-languages}: identify several languages. */
    IDENTIFY_MULTIPLE_LANGUAGES("identify-multiple-languages", "identifyMultipleLanguages", bool()),
    /** {@code x-amzn-transcribe-vocabulary-names}: comma-separated vocabularies, for language identification. */
    VOCABULARY_NAMES("vocabulary-names", "vocabularyNames", Patterns.NAMES),
    /** {@code x-amzn-transcribe-vocabulary-filter-names}: comma-separated filters, for language identification. */
    VOCABULARY_FILTER_NAMES("vocabulary-filter-names", "vocabularyFilterNames", Patterns.NAMES),
    /** {@code x-amzn-transcribe-session-resume-window}: 1 to 300 minutes (API reference, 2026). */
    SESSION_RESUME_WINDOW("session-resume-window", "sessionResumeWindow", integer(1, 300)),
    /**
     * {@code x-amzn-transcribe-transcript-format}: {@code spoken} or {@code written} (API reference, 2026). Not
     * in the 2.41.30 model, so there is no enum for it; what the two values change is not documented.
     */
    TRANSCRIPT_FORMAT("transcript-format", "transcriptFormat", oneOf(List.of("spoken", "written")));

    /** What every parameter header name starts with. */
    public static final String HEADER_PREFIX = "x-amzn-transcribe-";

    private static final Map<String, RequestParameter> BY_HEADER = index(RequestParameter::headerName);
    private static final Map<String, RequestParameter> BY_QUERY_NAME = index(RequestParameter::queryName);

    private final String queryName;
    private final String headerName;
    private final String memberName;
    private final ParameterConstraint constraint;

    RequestParameter(String queryName, String memberName, ParameterConstraint constraint) {
        this.queryName = queryName;
        this.headerName = HEADER_PREFIX + queryName;
        this.memberName = memberName;
        this.constraint = constraint;
    }

    /** The HTTP/2 request (and response) header name, lower case: {@code x-amzn-transcribe-sample-rate}. */
    public String headerName() {
        return headerName;
    }

    /** The WebSocket presigned-URL query parameter name: {@code sample-rate}. */
    public String queryName() {
        return queryName;
    }

    /** The member name that the service's validation messages use: {@code mediaSampleRateHertz}. */
    public String memberName() {
        return memberName;
    }

    ParameterConstraint constraint() {
        return constraint;
    }

    /** The parameter sent in header {@code name}, matched without regard to case as HTTP header names are. */
    public static Optional<RequestParameter> forHeader(String name) {
        return Optional.ofNullable(name == null ? null : BY_HEADER.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The parameter sent as query parameter {@code name}; exact, as URL query names are case-sensitive. */
    public static Optional<RequestParameter> forQueryName(String name) {
        return Optional.ofNullable(name == null ? null : BY_QUERY_NAME.get(name));
    }

    private static Map<String, RequestParameter> index(Function<RequestParameter, String> key) {
        return Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(key, p -> p));
    }

    /** Constraints several parameters share; a holder class because enum constants cannot see static fields. */
    private static final class Patterns {
        static final ParameterConstraint NAME = string(1, 200, "^[0-9a-zA-Z._-]+$");
        static final ParameterConstraint NAMES = string(1, 3000, "^[a-zA-Z0-9,-._]+$");
    }
}
