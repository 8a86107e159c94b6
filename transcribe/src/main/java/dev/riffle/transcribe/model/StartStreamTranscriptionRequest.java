package dev.riffle.transcribe.model;

import static dev.riffle.transcribe.model.RequestParameter.CONTENT_IDENTIFICATION_TYPE;
import static dev.riffle.transcribe.model.RequestParameter.CONTENT_REDACTION_TYPE;
import static dev.riffle.transcribe.model.RequestParameter.ENABLE_CHANNEL_IDENTIFICATION;
import static dev.riffle.transcribe.model.RequestParameter.ENABLE_PARTIAL_RESULTS_STABILIZATION;
import static dev.riffle.transcribe.model.RequestParameter.IDENTIFY_LANGUAGE;
import static dev.riffle.transcribe.model.RequestParameter.IDENTIFY_MULTIPLE_LANGUAGES;
import static dev.riffle.transcribe.model.RequestParameter.LANGUAGE_CODE;
import static dev.riffle.transcribe.model.RequestParameter.LANGUAGE_MODEL_NAME;
import static dev.riffle.transcribe.model.RequestParameter.LANGUAGE_OPTIONS;
import static dev.riffle.transcribe.model.RequestParameter.MEDIA_ENCODING;
import static dev.riffle.transcribe.model.RequestParameter.MEDIA_SAMPLE_RATE_HERTZ;
import static dev.riffle.transcribe.model.RequestParameter.NUMBER_OF_CHANNELS;
import static dev.riffle.transcribe.model.RequestParameter.PARTIAL_RESULTS_STABILITY;
import static dev.riffle.transcribe.model.RequestParameter.PII_ENTITY_TYPES;
import static dev.riffle.transcribe.model.RequestParameter.PREFERRED_LANGUAGE;
import static dev.riffle.transcribe.model.RequestParameter.SESSION_ID;
import static dev.riffle.transcribe.model.RequestParameter.SESSION_RESUME_WINDOW;
import static dev.riffle.transcribe.model.RequestParameter.SHOW_SPEAKER_LABEL;
import static dev.riffle.transcribe.model.RequestParameter.TRANSCRIPT_FORMAT;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_FILTER_METHOD;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_FILTER_NAME;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_FILTER_NAMES;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_NAME;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_NAMES;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The parameters of a StartStreamTranscription call: immutable, built with {@link #builder()} by a client or read
 * from the wire with {@link #fromHeaders}/{@link #fromQueryParameters} by the emulator.
 *
 * <p>The request keeps each parameter as its wire string, so that one that arrived with a value the model does
 * not allow survives until {@link #validate()} reports it in the service's words. The typed accessors read those
 * strings; on a request that has not passed validation, an accessor of a malformed value fails with an
 * {@link IllegalArgumentException}. {@link #parameter(RequestParameter)} gives the raw string in every case.
 *
 * <p>Booleans are normalized to {@code true}/{@code false} when read in any letter case, because the legacy
 * Python SDK sends {@code True}.
 */
public final class StartStreamTranscriptionRequest {

    private final Map<RequestParameter, String> values;

    private StartStreamTranscriptionRequest(EnumMap<RequestParameter, String> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder(new EnumMap<>(RequestParameter.class));
    }

    /** A builder that starts from this request's parameters. */
    public Builder toBuilder() {
        return new Builder(new EnumMap<>(copyOf(values)));
    }

    // ---- wire forms ----

    /**
     * The parameters that are set, as HTTP/2 request headers in the model's order:
     * {@code x-amzn-transcribe-language-code -> en-US}, ...
     *
     * <p>A header value cannot start or end with whitespace (RFC 9110 section 5.5; RFC 9113 section 8.2.1 makes
     * such a request malformed), and the model lets {@code pii-entity-types} do both ({@code " NAME"}): values are
     * written without it, which is how an HTTP recipient reads them anyway. riffle's WebSocket transport builds
     * its presigned query from this map too, so the same values are signed and sent on either transport.
     */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = wireMap(RequestParameter::headerName);
        headers.replaceAll((name, value) -> withoutSurroundingWhitespace(value));
        return headers;
    }

    /**
     * The parameters that are set, as WebSocket query parameters in the model's order ({@code language-code ->
     * en-US}). Values are not URL-encoded: the presigner encodes them as SigV4 requires.
     */
    public Map<String, String> toQueryParameters() {
        return wireMap(RequestParameter::queryName);
    }

    /**
     * The request an HTTP/2 client sent. Header names match without regard to case. Headers that are not
     * parameters are ignored, including unknown {@code x-amzn-transcribe-*} ones: a restJson1 service binds only the
     * headers its model names (the medical {@code specialty}, say, means nothing to this operation), and an old
     * emulator must not refuse a client that knows a newer parameter. Values are kept as sent for
     * {@link #validate()} to judge.
     *
     * @throws InvalidRequestException if two header names that differ only in case carry different values
     */
    public static StartStreamTranscriptionRequest fromHeaders(Map<String, String> headers) {
        return fromWire(headers, RequestParameter::forHeader);
    }

    /**
     * The request a WebSocket client sent in its presigned URL, with the query parameters already URL-decoded.
     * Names are exact; the {@code X-Amz-*} signing parameters and unknown names are ignored.
     */
    public static StartStreamTranscriptionRequest fromQueryParameters(Map<String, String> query) {
        return fromWire(query, RequestParameter::forQueryName);
    }

    // ---- validation ----

    /**
     * Every reason the service would refuse this request, in its words; empty if it would accept it.
     *
     * <p>The checks run in the service's phases and stop at the first phase that fails, as the service does:
     * values that are not integers or booleans at all; then the service model's constraints (required, enum,
     * range, length, pattern) on every parameter, in AWS request-validation wording; then the rules about
     * parameters together (one language mode, language options, PII, channels, language identification
     * exclusions), as sentences naming the parameters. Rules whose refusal is inferred from the documentation
     * rather than observed are marked "[inferred]" in this module's source.
     */
    public List<String> violations() {
        return RequestValidation.check(this).map(InvalidRequestException::violations).orElse(List.of());
    }

    /**
     * Fails as the service would on this request (the emulator sends the message as a 400 BadRequestException).
     *
     * @throws InvalidRequestException listing every violation of the first phase that fails
     */
    public StartStreamTranscriptionRequest validate() {
        Optional<InvalidRequestException> refused = RequestValidation.check(this);
        if (refused.isPresent()) {
            throw refused.get();
        }
        return this;
    }

    // ---- accessors ----

    /** The wire string of {@code parameter} as set or received, booleans normalized. */
    public Optional<String> parameter(RequestParameter parameter) {
        return Optional.ofNullable(values.get(parameter));
    }

    /** The language spoken, when not identified automatically. */
    public Optional<LanguageCode> languageCode() {
        return parameter(LANGUAGE_CODE).map(LanguageCode::fromWireValue);
    }

    /** The audio's sample rate in hertz; required. */
    public Optional<Integer> mediaSampleRateHertz() {
        return integer(MEDIA_SAMPLE_RATE_HERTZ);
    }

    /** The audio's encoding; required. */
    public Optional<MediaEncoding> mediaEncoding() {
        return parameter(MEDIA_ENCODING).map(MediaEncoding::fromWireValue);
    }

    /** The custom vocabulary (not with language identification). */
    public Optional<String> vocabularyName() {
        return parameter(VOCABULARY_NAME);
    }

    /** The session id; the service generates one when absent. */
    public Optional<String> sessionId() {
        return parameter(SESSION_ID);
    }

    /** The custom vocabulary filter (not with language identification). */
    public Optional<String> vocabularyFilterName() {
        return parameter(VOCABULARY_FILTER_NAME);
    }

    /** What the vocabulary filter does to matching words. */
    public Optional<VocabularyFilterMethod> vocabularyFilterMethod() {
        return parameter(VOCABULARY_FILTER_METHOD).map(VocabularyFilterMethod::fromWireValue);
    }

    /** Whether speakers are labeled (diarization). */
    public Optional<Boolean> showSpeakerLabel() {
        return bool(SHOW_SPEAKER_LABEL);
    }

    /** Whether the two channels are transcribed separately. */
    public Optional<Boolean> enableChannelIdentification() {
        return bool(ENABLE_CHANNEL_IDENTIFICATION);
    }

    /** The number of channels (2) with channel identification. */
    public Optional<Integer> numberOfChannels() {
        return integer(NUMBER_OF_CHANNELS);
    }

    /** Whether partial results carry {@code Stable} flags. */
    public Optional<Boolean> enablePartialResultsStabilization() {
        return bool(ENABLE_PARTIAL_RESULTS_STABILIZATION);
    }

    /** The stabilization level. */
    public Optional<PartialResultsStability> partialResultsStability() {
        return parameter(PARTIAL_RESULTS_STABILITY).map(PartialResultsStability::fromWireValue);
    }

    /** PII identification. */
    public Optional<ContentIdentificationType> contentIdentificationType() {
        return parameter(CONTENT_IDENTIFICATION_TYPE).map(ContentIdentificationType::fromWireValue);
    }

    /** PII redaction. */
    public Optional<ContentRedactionType> contentRedactionType() {
        return parameter(CONTENT_REDACTION_TYPE).map(ContentRedactionType::fromWireValue);
    }

    /** The PII types to identify or redact, comma-separated as on the wire; all types when absent. */
    public Optional<String> piiEntityTypes() {
        return parameter(PII_ENTITY_TYPES);
    }

    /** The custom language model. */
    public Optional<String> languageModelName() {
        return parameter(LANGUAGE_MODEL_NAME);
    }

    /** Whether the (single) language is identified automatically. */
    public Optional<Boolean> identifyLanguage() {
        return bool(IDENTIFY_LANGUAGE);
    }

    /** The candidate languages for identification, comma-separated as on the wire. */
    public Optional<String> languageOptions() {
        return parameter(LANGUAGE_OPTIONS);
    }

    /** The most likely of the language options. */
    public Optional<LanguageCode> preferredLanguage() {
        return parameter(PREFERRED_LANGUAGE).map(LanguageCode::fromWireValue);
    }

    /** Whether several languages are identified automatically. */
    public Optional<Boolean> identifyMultipleLanguages() {
        return bool(IDENTIFY_MULTIPLE_LANGUAGES);
    }

    /** The custom vocabularies for language identification, comma-separated. */
    public Optional<String> vocabularyNames() {
        return parameter(VOCABULARY_NAMES);
    }

    /** The custom vocabulary filters for language identification, comma-separated. */
    public Optional<String> vocabularyFilterNames() {
        return parameter(VOCABULARY_FILTER_NAMES);
    }

    /** How many minutes after the stream started a reconnect may resume this session. */
    public Optional<Integer> sessionResumeWindow() {
        return integer(SESSION_RESUME_WINDOW);
    }

    /** {@code spoken} or {@code written}. */
    public Optional<String> transcriptFormat() {
        return parameter(TRANSCRIPT_FORMAT);
    }

    /** Whether boolean {@code parameter} is present and true. */
    boolean isTrue(RequestParameter parameter) {
        return "true".equals(values.get(parameter));
    }

    /** Whether {@code parameter} is present. */
    boolean has(RequestParameter parameter) {
        return values.containsKey(parameter);
    }

    Map<RequestParameter, String> values() {
        return values;
    }

    // ---- value semantics ----

    @Override
    public boolean equals(Object other) {
        return other instanceof StartStreamTranscriptionRequest that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The parameters that are set, by query name, in the model's order. */
    @Override
    public String toString() {
        return "StartStreamTranscriptionRequest" + toQueryParameters();
    }

    // ---- internals ----

    private Optional<Integer> integer(RequestParameter parameter) {
        return parameter(parameter).map(value -> ParameterConstraint.parseInt(value).orElseThrow(
                () -> new IllegalArgumentException(parameter.memberName() + " '" + value + "' is not an integer")));
    }

    private Optional<Boolean> bool(RequestParameter parameter) {
        return parameter(parameter).map(value -> ParameterConstraint.parseBoolean(value).orElseThrow(
                () -> new IllegalArgumentException(parameter.memberName() + " '" + value + "' is not a boolean")));
    }

    private Map<String, String> wireMap(Function<RequestParameter, String> name) {
        Map<String, String> wire = new LinkedHashMap<>();
        values.forEach((parameter, value) -> wire.put(name.apply(parameter), value));
        return wire;
    }

    /** {@code value} without leading and trailing spaces and tabs, HTTP's optional whitespace. */
    private static String withoutSurroundingWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    private static StartStreamTranscriptionRequest fromWire(Map<String, String> wire,
                                                            Function<String, Optional<RequestParameter>> lookup) {
        EnumMap<RequestParameter, String> values = new EnumMap<>(RequestParameter.class);
        wire.forEach((name, value) -> lookup.apply(name).filter(parameter -> value != null).ifPresent(parameter -> {
            String normalized = normalize(parameter, value);
            String earlier = values.put(parameter, normalized);
            if (earlier != null && !earlier.equals(normalized)) {
                throw InvalidRequestException.malformed(List.of(
                        "Parameter " + parameter.headerName() + " was sent twice with different values."));
            }
        }));
        return new StartStreamTranscriptionRequest(values);
    }

    /** Booleans become {@code true}/{@code false}; anything unreadable stays as sent, for validation to report. */
    private static String normalize(RequestParameter parameter, String value) {
        if (value != null && parameter.constraint().type() == ParameterConstraint.Type.BOOLEAN) {
            return ParameterConstraint.parseBoolean(value).map(String::valueOf).orElse(value);
        }
        return value;
    }

    private static EnumMap<RequestParameter, String> copyOf(Map<RequestParameter, String> values) {
        return values.isEmpty() ? new EnumMap<>(RequestParameter.class) : new EnumMap<>(values);
    }

    /** Sets parameters; a null argument clears the parameter. Not thread-safe. */
    public static final class Builder {

        private final EnumMap<RequestParameter, String> values;

        private Builder(EnumMap<RequestParameter, String> values) {
            this.values = values;
        }

        /** The language spoken; leave unset to identify it instead. */
        public Builder languageCode(LanguageCode languageCode) {
            return wire(LANGUAGE_CODE, languageCode);
        }

        /** The audio's sample rate in hertz, 8000 to 48000. */
        public Builder mediaSampleRateHertz(Integer hertz) {
            return text(MEDIA_SAMPLE_RATE_HERTZ, hertz);
        }

        /** The audio's encoding. */
        public Builder mediaEncoding(MediaEncoding encoding) {
            return wire(MEDIA_ENCODING, encoding);
        }

        /** A custom vocabulary, for a request with a language code. */
        public Builder vocabularyName(String name) {
            return text(VOCABULARY_NAME, name);
        }

        /** The session id: a UUID string; reuse one only to resume that session. */
        public Builder sessionId(String sessionId) {
            return text(SESSION_ID, sessionId);
        }

        /** A custom vocabulary filter, for a request with a language code. */
        public Builder vocabularyFilterName(String name) {
            return text(VOCABULARY_FILTER_NAME, name);
        }

        /** What the vocabulary filter does to matching words. */
        public Builder vocabularyFilterMethod(VocabularyFilterMethod method) {
            return wire(VOCABULARY_FILTER_METHOD, method);
        }

        /** Label speakers (diarization). */
        public Builder showSpeakerLabel(Boolean show) {
            return text(SHOW_SPEAKER_LABEL, show);
        }

        /** Transcribe the two channels separately; needs {@link #numberOfChannels(Integer)} 2. */
        public Builder enableChannelIdentification(Boolean enable) {
            return text(ENABLE_CHANNEL_IDENTIFICATION, enable);
        }

        /** The number of channels with channel identification: 2. */
        public Builder numberOfChannels(Integer channels) {
            return text(NUMBER_OF_CHANNELS, channels);
        }

        /** Mark words of partial results stable. */
        public Builder enablePartialResultsStabilization(Boolean enable) {
            return text(ENABLE_PARTIAL_RESULTS_STABILIZATION, enable);
        }

        /** The stabilization level. */
        public Builder partialResultsStability(PartialResultsStability stability) {
            return wire(PARTIAL_RESULTS_STABILITY, stability);
        }

        /** Identify PII (not with redaction). */
        public Builder contentIdentificationType(ContentIdentificationType type) {
            return wire(CONTENT_IDENTIFICATION_TYPE, type);
        }

        /** Redact PII (not with identification). */
        public Builder contentRedactionType(ContentRedactionType type) {
            return wire(CONTENT_REDACTION_TYPE, type);
        }

        /** The PII types, as the comma-separated wire string. */
        public Builder piiEntityTypes(String commaSeparated) {
            return text(PII_ENTITY_TYPES, commaSeparated);
        }

        /** The PII types. */
        public Builder piiEntityTypes(PiiEntityType... types) {
            return text(PII_ENTITY_TYPES, joinWireValues(types));
        }

        /** A custom language model. */
        public Builder languageModelName(String name) {
            return text(LANGUAGE_MODEL_NAME, name);
        }

        /** Identify the single language spoken, among {@link #languageOptions}. */
        public Builder identifyLanguage(Boolean identify) {
            return text(IDENTIFY_LANGUAGE, identify);
        }

        /** The candidate languages, as the comma-separated wire string. */
        public Builder languageOptions(String commaSeparated) {
            return text(LANGUAGE_OPTIONS, commaSeparated);
        }

        /** The candidate languages: at least two, one dialect per language. */
        public Builder languageOptions(LanguageCode... codes) {
            return text(LANGUAGE_OPTIONS, joinWireValues(codes));
        }

        /** The most likely of the language options. */
        public Builder preferredLanguage(LanguageCode code) {
            return wire(PREFERRED_LANGUAGE, code);
        }

        /** Identify several languages spoken, among {@link #languageOptions}; PCM audio only. */
        public Builder identifyMultipleLanguages(Boolean identify) {
            return text(IDENTIFY_MULTIPLE_LANGUAGES, identify);
        }

        /** Custom vocabularies for language identification, as the comma-separated wire string. */
        public Builder vocabularyNames(String commaSeparated) {
            return text(VOCABULARY_NAMES, commaSeparated);
        }

        /** Custom vocabularies for language identification. */
        public Builder vocabularyNames(Collection<String> names) {
            return text(VOCABULARY_NAMES, names == null ? null : String.join(",", names));
        }

        /** Custom vocabulary filters for language identification, as the comma-separated wire string. */
        public Builder vocabularyFilterNames(String commaSeparated) {
            return text(VOCABULARY_FILTER_NAMES, commaSeparated);
        }

        /** Custom vocabulary filters for language identification. */
        public Builder vocabularyFilterNames(Collection<String> names) {
            return text(VOCABULARY_FILTER_NAMES, names == null ? null : String.join(",", names));
        }

        /** Minutes after the stream started during which a reconnect with the same session id resumes it. */
        public Builder sessionResumeWindow(Integer minutes) {
            return text(SESSION_RESUME_WINDOW, minutes);
        }

        /** {@code spoken} or {@code written}. */
        public Builder transcriptFormat(String format) {
            return text(TRANSCRIPT_FORMAT, format);
        }

        /**
         * Sets any parameter by its wire string, as a command line or a configuration file gives it
         * ({@code PII_ENTITY_TYPES -> "NAME,SSN"}); nothing is checked until {@code validate()}, which then reports
         * a bad value in the service's words.
         */
        public Builder parameter(RequestParameter parameter, String wireValue) {
            return text(Objects.requireNonNull(parameter, "parameter"), wireValue);
        }

        /** The request; call {@link StartStreamTranscriptionRequest#validate()} to check it. */
        public StartStreamTranscriptionRequest build() {
            return new StartStreamTranscriptionRequest(values);
        }

        private Builder wire(RequestParameter parameter, WireEnum value) {
            return text(parameter, value == null ? null : value.wireValue());
        }

        private Builder text(RequestParameter parameter, Object value) {
            if (value == null) {
                values.remove(parameter);
            } else {
                values.put(parameter, value.toString());
            }
            return this;
        }

        private static String joinWireValues(WireEnum... constants) {
            if (constants == null) {
                return null;
            }
            return Arrays.stream(constants).map(WireEnum::wireValue).collect(Collectors.joining(","));
        }
    }
}
