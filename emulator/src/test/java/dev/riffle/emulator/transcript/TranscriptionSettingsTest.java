package dev.riffle.emulator.transcript;

import static dev.riffle.emulator.transcript.TestStreams.pcmRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.transcribe.model.ContentIdentificationType;
import dev.riffle.transcribe.model.ContentRedactionType;
import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.PartialResultsStability;
import dev.riffle.transcribe.model.PiiEntityType;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import org.junit.jupiter.api.Test;

/** What the engine takes from a request. */
class TranscriptionSettingsTest {

    @Test
    void aPlainRequestAsksForNoFeature() {
        TranscriptionSettings settings = TranscriptionSettings.fromRequest(pcmRequest().build(), 1);

        assertThat(settings.sampleRate()).isEqualTo(16000);
        assertThat(settings.audioChannels()).isEqualTo(1);
        assertThat(settings.encoding()).isEqualTo(MediaEncoding.PCM);
        assertThat(settings.stabilization()).isNull();
        assertThat(settings.showSpeakerLabel()).isFalse();
        assertThat(settings.channelIdentification()).isFalse();
        assertThat(settings.languageOptions()).isEmpty();
        assertThat(settings.piiHandling()).isEqualTo(PiiHandling.OFF);
    }

    @Test
    void stabilizationDefaultsToHigh() {
        assertThat(TranscriptionSettings.fromRequest(pcmRequest().enablePartialResultsStabilization(true).build(), 1)
                .stabilization()).isEqualTo(PartialResultsStability.HIGH);
        assertThat(TranscriptionSettings.fromRequest(pcmRequest().enablePartialResultsStabilization(true)
                .partialResultsStability(PartialResultsStability.LOW).build(), 1).stabilization())
                .isEqualTo(PartialResultsStability.LOW);
        assertThat(TranscriptionSettings.fromRequest(pcmRequest()
                .partialResultsStability(PartialResultsStability.LOW).build(), 1).stabilization()).isNull();
    }

    @Test
    void channelIdentificationMeansTwoChannels() {
        TranscriptionSettings settings = TranscriptionSettings.fromRequest(pcmRequest()
                .enableChannelIdentification(true).numberOfChannels(2).build(), 1);

        assertThat(settings.channelIdentification()).isTrue();
        assertThat(settings.audioChannels()).isEqualTo(2);
        assertThat(TranscriptionSettings.fromRequest(pcmRequest().build(), 2).audioChannels()).isEqualTo(2);
    }

    @Test
    void languageIdentificationTakesTheOptionsAndThePreference() {
        StartStreamTranscriptionRequest request = pcmRequest().languageCode(null).identifyLanguage(true)
                .languageOptions("en-US, es-US").preferredLanguage(LanguageCode.ES_US).build();

        TranscriptionSettings settings = TranscriptionSettings.fromRequest(request, 1);

        assertThat(settings.languageOptions()).containsExactly(LanguageCode.EN_US, LanguageCode.ES_US);
        assertThat(settings.preferredLanguage()).isEqualTo(LanguageCode.ES_US);
        assertThat(TranscriptionSettings.fromRequest(pcmRequest().languageCode(null).identifyMultipleLanguages(true)
                .languageOptions("en-US,de-DE").build(), 1).languageOptions()).hasSize(2);
    }

    @Test
    void aLanguageOptionListedTwiceIsOneCandidate() {
        StartStreamTranscriptionRequest request = pcmRequest().languageCode(null).identifyLanguage(true)
                .languageOptions("en-US,de-DE,en-US").build();

        assertThat(TranscriptionSettings.fromRequest(request, 1).languageOptions())
                .containsExactly(LanguageCode.EN_US, LanguageCode.DE_DE);
    }

    @Test
    void piiHandlingAndTypesComeFromTheContentParameters() {
        TranscriptionSettings identify = TranscriptionSettings.fromRequest(pcmRequest()
                .contentIdentificationType(ContentIdentificationType.PII).piiEntityTypes("NAME, SSN").build(), 1);
        TranscriptionSettings redact = TranscriptionSettings.fromRequest(pcmRequest()
                .contentRedactionType(ContentRedactionType.PII).build(), 1);

        assertThat(identify.piiHandling()).isEqualTo(PiiHandling.IDENTIFY);
        assertThat(identify.piiEntityTypes()).containsExactlyInAnyOrder(PiiEntityType.NAME, PiiEntityType.SSN);
        assertThat(redact.piiHandling()).isEqualTo(PiiHandling.REDACT);
        assertThat(redact.piiEntityTypes()).isEmpty();
    }

    @Test
    void aRequestWithoutAudioDescriptionIsRefused() {
        StartStreamTranscriptionRequest noRate = pcmRequest().mediaSampleRateHertz(null).build();

        assertThatThrownBy(() -> TranscriptionSettings.fromRequest(noRate, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MediaSampleRateHertz");
        assertThatThrownBy(() -> TranscriptionSettings.fromRequest(pcmRequest().build(), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 channels");
    }
}
