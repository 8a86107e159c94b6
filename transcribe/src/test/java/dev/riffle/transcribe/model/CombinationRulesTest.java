package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule about parameters together: a request that keeps it, and one that breaks it, with the message. */
class CombinationRulesTest {

    /** A valid request with a language code. */
    private static StartStreamTranscriptionRequest.Builder withLanguageCode() {
        return StartStreamTranscriptionRequest.builder().languageCode(LanguageCode.EN_US)
                .mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(16000);
    }

    /** A valid request that identifies one of two languages. */
    private static StartStreamTranscriptionRequest.Builder identifyingLanguage() {
        return StartStreamTranscriptionRequest.builder().identifyLanguage(true)
                .languageOptions(LanguageCode.EN_US, LanguageCode.DE_DE)
                .mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(16000);
    }

    /** A valid request that identifies several languages. */
    private static StartStreamTranscriptionRequest.Builder identifyingLanguages() {
        return StartStreamTranscriptionRequest.builder().identifyMultipleLanguages(true)
                .languageOptions(LanguageCode.EN_US, LanguageCode.DE_DE, LanguageCode.FR_FR)
                .mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(16000);
    }

    private static void assertAccepted(StartStreamTranscriptionRequest.Builder request) {
        assertThat(request.build().violations()).isEmpty();
    }

    private static void assertRefused(StartStreamTranscriptionRequest.Builder request, String message) {
        assertThatThrownBy(() -> request.build().validate()).isInstanceOf(InvalidRequestException.class)
                .hasMessage(message);
    }

    @Nested
    class LanguageMode {

        @Test
        void eachModeAloneIsAccepted() {
            assertAccepted(withLanguageCode());
            assertAccepted(identifyingLanguage());
            assertAccepted(identifyingLanguages());
        }

        @Test
        void noModeIsRefused() {
            assertRefused(withLanguageCode().languageCode(null),
                    "One of LanguageCode, IdentifyLanguage or IdentifyMultipleLanguages must be set.");
        }

        @Test
        void aFalseFlagIsNoMode() {
            assertRefused(withLanguageCode().languageCode(null).identifyLanguage(false),
                    "One of LanguageCode, IdentifyLanguage or IdentifyMultipleLanguages must be set.");
        }

        @Test
        void aLanguageCodeWithIdentificationIsRefused() {
            assertRefused(identifyingLanguage().languageCode(LanguageCode.EN_US),
                    "Only one of LanguageCode, IdentifyLanguage or IdentifyMultipleLanguages may be set, "
                            + "but the request sets LanguageCode and IdentifyLanguage.");
        }

        @Test
        void allThreeAreListed() {
            assertRefused(identifyingLanguage().languageCode(LanguageCode.EN_US).identifyMultipleLanguages(true),
                    "Only one of LanguageCode, IdentifyLanguage or IdentifyMultipleLanguages may be set, "
                            + "but the request sets LanguageCode, IdentifyLanguage and IdentifyMultipleLanguages.");
        }
    }

    @Nested
    class LanguageOptions {

        @Test
        void identifyLanguageWithoutOptionsIsRefused() {
            assertRefused(identifyingLanguage().languageOptions((String) null),
                    "IdentifyLanguage requires LanguageOptions.");
        }

        @Test
        void identifyMultipleLanguagesWithoutOptionsIsRefused() {
            assertRefused(identifyingLanguages().languageOptions((String) null),
                    "IdentifyMultipleLanguages requires LanguageOptions.");
        }

        @Test
        void optionsWithoutIdentificationAreRefused() {
            assertRefused(withLanguageCode().languageOptions("en-US,de-DE"),
                    "LanguageOptions requires IdentifyLanguage or IdentifyMultipleLanguages.");
        }

        @Test
        void oneOptionIsRefused() {
            assertRefused(identifyingLanguage().languageOptions("en-US"),
                    "LanguageOptions must list at least two language codes, but lists 1.");
        }

        @Test
        void aCodeListedTwiceCountsOnce() {
            assertRefused(identifyingLanguage().languageOptions("en-US,en-US"),
                    "LanguageOptions must list at least two language codes, but lists 1.");
        }

        @Test
        void aCodeTheModelDoesNotKnowIsRefused() {
            assertRefused(identifyingLanguage().languageOptions("en-US,xx-XX"),
                    "LanguageOptions contains 'xx-XX', which is not a supported language code.");
        }

        @Test
        void twoDialectsOfOneLanguageAreRefused() {
            assertRefused(identifyingLanguage().languageOptions("en-US,de-DE,en-GB,en-AU"),
                    "LanguageOptions may contain only one dialect per language, but lists en-US, en-GB and en-AU.");
        }

        @Test
        void languagesThatShareARegionAreDifferentLanguages() {
            assertAccepted(identifyingLanguage().languageOptions("en-US,es-US"));
        }

        @Test
        void thePreferredLanguageAmongTheOptionsIsAccepted() {
            assertAccepted(identifyingLanguage().preferredLanguage(LanguageCode.DE_DE));
        }

        @Test
        void aPreferredLanguageNotAmongTheOptionsIsRefused() {
            assertRefused(identifyingLanguage().preferredLanguage(LanguageCode.FR_FR),
                    "PreferredLanguage fr-FR must be one of the LanguageOptions (en-US,de-DE).");
        }

        @Test
        void aPreferredLanguageWithoutOptionsIsRefused() {
            assertRefused(withLanguageCode().preferredLanguage(LanguageCode.EN_US),
                    "PreferredLanguage requires LanguageOptions.");
        }
    }

    @Nested
    class Pii {

        @Test
        void identificationOrRedactionAloneIsAccepted() {
            assertAccepted(withLanguageCode().contentIdentificationType(ContentIdentificationType.PII));
            assertAccepted(withLanguageCode().contentRedactionType(ContentRedactionType.PII));
        }

        @Test
        void identificationAndRedactionTogetherAreRefused() {
            assertRefused(withLanguageCode().contentIdentificationType(ContentIdentificationType.PII)
                            .contentRedactionType(ContentRedactionType.PII),
                    "ContentIdentificationType and ContentRedactionType cannot be used in the same request.");
        }

        @Test
        void entityTypesWithAContentTypeAreAccepted() {
            assertAccepted(withLanguageCode().contentRedactionType(ContentRedactionType.PII)
                    .piiEntityTypes("NAME, SSN,CREDIT_DEBIT_CVV"));
            assertAccepted(withLanguageCode().contentIdentificationType(ContentIdentificationType.PII)
                    .piiEntityTypes(PiiEntityType.ALL));
        }

        @Test
        void entityTypesWithoutAContentTypeAreRefused() {
            assertRefused(withLanguageCode().piiEntityTypes(PiiEntityType.NAME),
                    "PiiEntityTypes requires ContentIdentificationType or ContentRedactionType.");
        }

        @Test
        void anUnknownEntityTypeIsRefused() {
            assertRefused(withLanguageCode().contentRedactionType(ContentRedactionType.PII)
                            .piiEntityTypes("NAME,SHOE_SIZE"),
                    "PiiEntityTypes contains 'SHOE_SIZE', which is not a PII entity type.");
        }
    }

    @Nested
    class Channels {

        @Test
        void channelIdentificationWithTwoChannelsIsAccepted() {
            assertAccepted(withLanguageCode().enableChannelIdentification(true).numberOfChannels(2));
        }

        @Test
        void channelIdentificationWithoutTheNumberIsRefused() {
            assertRefused(withLanguageCode().enableChannelIdentification(true),
                    "EnableChannelIdentification requires NumberOfChannels.");
        }

        @Test
        void theNumberWithoutChannelIdentificationIsRefused() {
            assertRefused(withLanguageCode().numberOfChannels(2),
                    "NumberOfChannels requires EnableChannelIdentification.");
            assertRefused(withLanguageCode().numberOfChannels(2).enableChannelIdentification(false),
                    "NumberOfChannels requires EnableChannelIdentification.");
        }

        @Test
        void moreThanTwoChannelsAreRefused() {
            assertRefused(withLanguageCode().enableChannelIdentification(true).numberOfChannels(3),
                    "NumberOfChannels must be 2, but is 3.");
        }

        @Test
        void speakerLabelsAloneOrOffWithChannelsAreAccepted() {
            assertAccepted(withLanguageCode().showSpeakerLabel(true));
            assertAccepted(withLanguageCode().showSpeakerLabel(false).enableChannelIdentification(true)
                    .numberOfChannels(2));
        }

        @Test
        void speakerLabelsWithChannelIdentificationAreRefused() {
            assertRefused(withLanguageCode().showSpeakerLabel(true).enableChannelIdentification(true)
                            .numberOfChannels(2),
                    "ShowSpeakerLabel and EnableChannelIdentification cannot be used in the same request.");
        }
    }

    @Nested
    class LanguageIdentificationExclusions {

        @Test
        void aCustomLanguageModelWithALanguageCodeIsAccepted() {
            assertAccepted(withLanguageCode().languageModelName("my-model"));
        }

        @Test
        void aCustomLanguageModelWithIdentificationIsRefused() {
            assertRefused(identifyingLanguage().languageModelName("my-model"),
                    "IdentifyLanguage cannot be combined with LanguageModelName.");
            assertRefused(identifyingLanguages().languageModelName("my-model"),
                    "IdentifyMultipleLanguages cannot be combined with LanguageModelName.");
        }

        @Test
        void piiIdentificationWithLanguageIdentificationIsAccepted() {
            assertAccepted(identifyingLanguage().contentIdentificationType(ContentIdentificationType.PII));
        }

        @Test
        void redactionWithLanguageIdentificationIsRefused() {
            assertRefused(identifyingLanguage().contentRedactionType(ContentRedactionType.PII),
                    "IdentifyLanguage cannot be combined with ContentRedactionType.");
        }

        @Test
        void pcmAndFlacWithIdentificationAreAccepted() {
            assertAccepted(identifyingLanguage().mediaEncoding(MediaEncoding.FLAC));
            assertAccepted(withLanguageCode().mediaEncoding(MediaEncoding.OGG_OPUS));
        }

        @Test
        void oggOpusWithIdentificationIsRefused() {
            assertRefused(identifyingLanguage().mediaEncoding(MediaEncoding.OGG_OPUS),
                    "IdentifyLanguage supports only the pcm and flac media encodings, not ogg-opus.");
            assertRefused(identifyingLanguages().mediaEncoding(MediaEncoding.OGG_OPUS),
                    "IdentifyMultipleLanguages supports only the pcm media encoding, not ogg-opus.");
        }

        @Test
        void flacWithMultiLanguageIdentificationIsRefused() {
            assertRefused(identifyingLanguages().mediaEncoding(MediaEncoding.FLAC),
                    "IdentifyMultipleLanguages supports only the pcm media encoding, not flac.");
        }
    }

    @Nested
    class Vocabularies {

        @Test
        void singularNamesGoWithALanguageCode() {
            assertAccepted(withLanguageCode().vocabularyName("v").vocabularyFilterName("f"));
        }

        @Test
        void pluralNamesGoWithIdentification() {
            assertAccepted(identifyingLanguage().vocabularyNames("v-en,v-de").vocabularyFilterNames("f-en"));
        }

        @Test
        void aVocabularyNameWithIdentificationIsRefused() {
            assertRefused(identifyingLanguage().vocabularyName("v"),
                    "VocabularyName cannot be used with IdentifyLanguage; use VocabularyNames.");
        }

        @Test
        void vocabularyNamesWithoutIdentificationAreRefused() {
            assertRefused(withLanguageCode().vocabularyNames("v1,v2"),
                    "VocabularyNames requires IdentifyLanguage or IdentifyMultipleLanguages; use VocabularyName.");
        }

        @Test
        void aFilterNameWithIdentificationIsRefused() {
            assertRefused(identifyingLanguages().vocabularyFilterName("f"),
                    "VocabularyFilterName cannot be used with IdentifyMultipleLanguages; use VocabularyFilterNames.");
        }

        @Test
        void filterNamesWithoutIdentificationAreRefused() {
            assertRefused(withLanguageCode().vocabularyFilterNames("f1"), "VocabularyFilterNames requires "
                    + "IdentifyLanguage or IdentifyMultipleLanguages; use VocabularyFilterName.");
        }
    }

    @Test
    void everyBrokenRuleIsListedAndTheMessageJoinsThem() {
        StartStreamTranscriptionRequest request = withLanguageCode().numberOfChannels(2)
                .contentIdentificationType(ContentIdentificationType.PII)
                .contentRedactionType(ContentRedactionType.PII).build();

        assertThat(request.violations()).containsExactly(
                "ContentIdentificationType and ContentRedactionType cannot be used in the same request.",
                "NumberOfChannels requires EnableChannelIdentification.");
        assertThatThrownBy(request::validate).hasMessage(
                "ContentIdentificationType and ContentRedactionType cannot be used in the same request. "
                        + "NumberOfChannels requires EnableChannelIdentification.");
    }

    @Test
    void theRulesApplyToRequestsReadFromTheWire() {
        StartStreamTranscriptionRequest request = StartStreamTranscriptionRequest.fromQueryParameters(
                java.util.Map.of("language-code", "en-US", "identify-language", "TRUE",
                        "language-options", "en-US,fr-FR", "media-encoding", "pcm", "sample-rate", "16000"));

        assertThat(request.violations()).containsExactly("Only one of LanguageCode, IdentifyLanguage or "
                + "IdentifyMultipleLanguages may be set, but the request sets LanguageCode and IdentifyLanguage.");
    }
}
