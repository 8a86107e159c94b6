package dev.riffle.transcribe.model;

import static dev.riffle.transcribe.model.RequestParameter.CONTENT_IDENTIFICATION_TYPE;
import static dev.riffle.transcribe.model.RequestParameter.CONTENT_REDACTION_TYPE;
import static dev.riffle.transcribe.model.RequestParameter.ENABLE_CHANNEL_IDENTIFICATION;
import static dev.riffle.transcribe.model.RequestParameter.IDENTIFY_LANGUAGE;
import static dev.riffle.transcribe.model.RequestParameter.IDENTIFY_MULTIPLE_LANGUAGES;
import static dev.riffle.transcribe.model.RequestParameter.LANGUAGE_CODE;
import static dev.riffle.transcribe.model.RequestParameter.LANGUAGE_MODEL_NAME;
import static dev.riffle.transcribe.model.RequestParameter.LANGUAGE_OPTIONS;
import static dev.riffle.transcribe.model.RequestParameter.MEDIA_ENCODING;
import static dev.riffle.transcribe.model.RequestParameter.NUMBER_OF_CHANNELS;
import static dev.riffle.transcribe.model.RequestParameter.PII_ENTITY_TYPES;
import static dev.riffle.transcribe.model.RequestParameter.PREFERRED_LANGUAGE;
import static dev.riffle.transcribe.model.RequestParameter.SHOW_SPEAKER_LABEL;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_FILTER_NAME;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_FILTER_NAMES;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_NAME;
import static dev.riffle.transcribe.model.RequestParameter.VOCABULARY_NAMES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules about parameters together (spec sections 2.3 and 5.7), each refusal a sentence naming the parameters
 * by their model member names. They run only on a request whose values all satisfy the model
 * ({@link RequestValidation}), so every typed accessor succeeds here.
 *
 * <p>Where the source is weak the rule says so: "[inferred]" marks a refusal the documentation implies but nobody
 * has observed the service make, and whose exact text is ours. Checks the service may make but the sources do not
 * support are left out rather than guessed: {@code partial-results-stability} without stabilization,
 * {@code vocabulary-filter-method} without a filter, more than five language options (documented as "not
 * recommended", not as an error), and which languages each feature supports.
 */
final class CombinationRules {

    private static final String ONE_LANGUAGE_MODE = "LanguageCode, IdentifyLanguage or IdentifyMultipleLanguages";

    private final StartStreamTranscriptionRequest request;
    private final List<String> violations = new ArrayList<>();

    private CombinationRules(StartStreamTranscriptionRequest request) {
        this.request = request;
    }

    /** The combination rules {@code request} breaks, in a fixed order; empty if none. */
    static List<String> violations(StartStreamTranscriptionRequest request) {
        CombinationRules rules = new CombinationRules(request);
        rules.exactlyOneLanguageMode();
        rules.languageIdentificationNeedsOptions();
        rules.languageOptions();
        rules.preferredLanguage();
        rules.identificationOrRedaction();
        rules.piiEntityTypes();
        rules.channelIdentification();
        rules.speakerLabelsWithoutChannels();
        rules.languageIdentificationExclusions();
        rules.vocabulariesMatchLanguageMode();
        rules.languageIdentificationEncodings();
        return List.copyOf(rules.violations);
    }

    /**
     * Exactly one of LanguageCode, IdentifyLanguage and IdentifyMultipleLanguages (a boolean counts when true).
     * Source: API reference, "required parameters", and the model: "If you include more than one of these
     * parameters, your transcription job fails".
     */
    private void exactlyOneLanguageMode() {
        List<String> set = new ArrayList<>(3);
        if (request.has(LANGUAGE_CODE)) {
            set.add("LanguageCode");
        }
        if (request.isTrue(IDENTIFY_LANGUAGE)) {
            set.add("IdentifyLanguage");
        }
        if (request.isTrue(IDENTIFY_MULTIPLE_LANGUAGES)) {
            set.add("IdentifyMultipleLanguages");
        }
        if (set.isEmpty()) {
            refuse("One of " + ONE_LANGUAGE_MODE + " must be set.");
        } else if (set.size() > 1) {
            refuse("Only one of " + ONE_LANGUAGE_MODE + " may be set, but the request sets " + listing(set) + ".");
        }
    }

    /**
     * Both kinds of language identification need LanguageOptions. The model calls the options optional; the
     * developer guide requires them for streaming, single- and multi-language alike ("Language identification with
     * streaming transcriptions": "you must provide at least two language codes"; "Identifying the dominant
     * languages": "Streaming requests must have a minimum of two additional language options"). The batch API,
     * whose documentation the model's wording comes from, is the one where they are optional.
     */
    private void languageIdentificationNeedsOptions() {
        languageIdentification().filter(mode -> !request.has(LANGUAGE_OPTIONS))
                .ifPresent(mode -> refuse(mode + " requires LanguageOptions."));
    }

    /**
     * LanguageOptions: only with language identification (model); at least two codes (model: "two or more");
     * every entry a code of the model [inferred]; one dialect per language (model: "you cannot include en-US and
     * en-AU"), where the language is the code's part before the region [inferred]. A code listed twice counts once.
     */
    private void languageOptions() {
        Optional<String> options = request.languageOptions();
        if (options.isEmpty()) {
            return;
        }
        if (languageIdentification().isEmpty()) {
            refuse("LanguageOptions requires IdentifyLanguage or IdentifyMultipleLanguages.");
        }
        Set<String> codes = splitOptions(options.get());
        if (codes.size() < 2) {
            refuse("LanguageOptions must list at least two language codes, but lists " + codes.size() + ".");
        }
        for (String code : codes) {
            if (LanguageCode.find(code).isEmpty()) {
                refuse("LanguageOptions contains '" + code + "', which is not a supported language code.");
            }
        }
        dialectsByLanguage(codes).values().stream().filter(dialects -> dialects.size() > 1).forEach(dialects ->
                refuse("LanguageOptions may contain only one dialect per language, but lists " + listing(dialects)
                        + "."));
    }

    /**
     * PreferredLanguage must be one of LanguageOptions, and so needs them (model: "a preferred language from the
     * subset of language codes you specified in LanguageOptions").
     */
    private void preferredLanguage() {
        Optional<LanguageCode> preferred = request.preferredLanguage();
        if (preferred.isEmpty()) {
            return;
        }
        Optional<String> options = request.languageOptions();
        if (options.isEmpty()) {
            refuse("PreferredLanguage requires LanguageOptions.");
        } else if (!splitOptions(options.get()).contains(preferred.get().wireValue())) {
            refuse("PreferredLanguage " + preferred.get().wireValue() + " must be one of the LanguageOptions ("
                    + options.get() + ").");
        }
    }

    /** Model: "You can't set ContentIdentificationType and ContentRedactionType in the same request." */
    private void identificationOrRedaction() {
        if (request.has(CONTENT_IDENTIFICATION_TYPE) && request.has(CONTENT_REDACTION_TYPE)) {
            refuse("ContentIdentificationType and ContentRedactionType cannot be used in the same request.");
        }
    }

    /**
     * PiiEntityTypes needs ContentIdentificationType or ContentRedactionType (model documentation; the 400 is
     * [inferred]). Every entry must be a {@link PiiEntityType} [inferred]: the model checks only the characters.
     */
    private void piiEntityTypes() {
        Optional<String> types = request.piiEntityTypes();
        if (types.isEmpty()) {
            return;
        }
        if (!request.has(CONTENT_IDENTIFICATION_TYPE) && !request.has(CONTENT_REDACTION_TYPE)) {
            refuse("PiiEntityTypes requires ContentIdentificationType or ContentRedactionType.");
        }
        for (String type : types.get().split(",", -1)) {
            if (PiiEntityType.find(type.trim()).isEmpty()) {
                refuse("PiiEntityTypes contains '" + type.trim() + "', which is not a PII entity type.");
            }
        }
    }

    /**
     * EnableChannelIdentification and NumberOfChannels go together, and the number is 2 (API reference: "Up to two
     * channels are supported"; the model's range has a minimum of 2 and no maximum). All three refusals are
     * [inferred].
     */
    private void channelIdentification() {
        boolean enabled = request.isTrue(ENABLE_CHANNEL_IDENTIFICATION);
        Optional<Integer> channels = request.numberOfChannels();
        if (enabled && channels.isEmpty()) {
            refuse("EnableChannelIdentification requires NumberOfChannels.");
        }
        if (!enabled && channels.isPresent()) {
            refuse("NumberOfChannels requires EnableChannelIdentification.");
        }
        if (channels.isPresent() && channels.get() != 2) {
            refuse("NumberOfChannels must be 2, but is " + channels.get() + ".");
        }
    }

    /** Speaker labels with channel identification are refused (legacy Python SDK documentation). */
    private void speakerLabelsWithoutChannels() {
        if (request.isTrue(SHOW_SPEAKER_LABEL) && request.isTrue(ENABLE_CHANNEL_IDENTIFICATION)) {
            refuse("ShowSpeakerLabel and EnableChannelIdentification cannot be used in the same request.");
        }
    }

    /**
     * Model: "Streaming language identification can't be combined with custom language models or redaction." The
     * 400 is [inferred]. Identification of PII (not redaction) is allowed.
     */
    private void languageIdentificationExclusions() {
        languageIdentification().ifPresent(mode -> {
            if (request.has(LANGUAGE_MODEL_NAME)) {
                refuse(mode + " cannot be combined with LanguageModelName.");
            }
            if (request.has(CONTENT_REDACTION_TYPE)) {
                refuse(mode + " cannot be combined with ContentRedactionType.");
            }
        });
    }

    /**
     * The singular vocabulary and filter names go with a language code, the plural ones with language
     * identification (model: "not intended for use with IdentifyLanguage" / "only intended for use with
     * IdentifyLanguage"). The refusals are [inferred].
     */
    private void vocabulariesMatchLanguageMode() {
        Optional<String> mode = languageIdentification();
        if (mode.isPresent()) {
            singularNameWithIdentification(mode.get(), VOCABULARY_NAME, "VocabularyName", "VocabularyNames");
            singularNameWithIdentification(mode.get(), VOCABULARY_FILTER_NAME, "VocabularyFilterName",
                    "VocabularyFilterNames");
        } else {
            pluralNamesWithoutIdentification(VOCABULARY_NAMES, "VocabularyNames", "VocabularyName");
            pluralNamesWithoutIdentification(VOCABULARY_FILTER_NAMES, "VocabularyFilterNames",
                    "VocabularyFilterName");
        }
    }

    private void singularNameWithIdentification(String mode, RequestParameter parameter, String member,
                                                String instead) {
        if (request.has(parameter)) {
            refuse(member + " cannot be used with " + mode + "; use " + instead + ".");
        }
    }

    private void pluralNamesWithoutIdentification(RequestParameter parameter, String member, String instead) {
        if (request.has(parameter)) {
            refuse(member + " requires IdentifyLanguage or IdentifyMultipleLanguages; use " + instead + ".");
        }
    }

    /**
     * Developer guide, "Language identification with streaming transcriptions": single-language identification
     * supports PCM and FLAC only, multi-language identification PCM only. The 400 is [inferred].
     */
    private void languageIdentificationEncodings() {
        MediaEncoding encoding = request.mediaEncoding().orElse(null);
        languageIdentification().ifPresent(mode -> {
            boolean multiple = mode.equals("IdentifyMultipleLanguages");
            boolean supported = encoding == null || encoding == MediaEncoding.PCM
                    || encoding == MediaEncoding.FLAC && !multiple;
            if (!supported) {
                String supportedOnes = multiple ? "the pcm media encoding" : "the pcm and flac media encodings";
                refuse(mode + " supports only " + supportedOnes + ", not "
                        + request.parameter(MEDIA_ENCODING).orElseThrow() + ".");
            }
        });
    }

    /** The language identification parameter that is on, by member name. */
    private Optional<String> languageIdentification() {
        if (request.isTrue(IDENTIFY_LANGUAGE)) {
            return Optional.of("IdentifyLanguage");
        }
        return request.isTrue(IDENTIFY_MULTIPLE_LANGUAGES) ? Optional.of("IdentifyMultipleLanguages")
                : Optional.empty();
    }

    private static Set<String> splitOptions(String options) {
        return new LinkedHashSet<>(List.of(options.split(",", -1)));
    }

    private static Map<String, List<String>> dialectsByLanguage(Set<String> codes) {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        for (String code : codes) {
            byLanguage.computeIfAbsent(LanguageCode.languageOf(code), language -> new ArrayList<>()).add(code);
        }
        return byLanguage;
    }

    /** "A", "A and B", "A, B and C". */
    private static String listing(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
    }

    private void refuse(String sentence) {
        violations.add(sentence);
    }
}
