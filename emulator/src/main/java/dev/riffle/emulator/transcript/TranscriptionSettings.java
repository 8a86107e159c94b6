package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.PartialResultsStability;
import dev.riffle.transcribe.model.PiiEntityType;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a stream's request asks of its transcription, in the terms the engine needs.
 *
 * @param sampleRate the audio's sample rate in hertz
 * @param audioChannels the channels interleaved in PCM audio: 2 with channel identification
 * @param encoding the audio's encoding
 * @param stabilization the partial-results stability level; null without stabilization
 * @param showSpeakerLabel whether items carry {@code Speaker}
 * @param channelIdentification whether each channel is transcribed on its own, results carrying {@code ChannelId}
 * @param languageOptions the candidates of language identification; empty when the request names the language
 * @param preferredLanguage the preferred candidate; null for none
 * @param piiHandling content identification or redaction
 * @param piiEntityTypes the PII types handled; empty (or holding {@code ALL}) for every type
 */
public record TranscriptionSettings(int sampleRate, int audioChannels, MediaEncoding encoding,
                                    PartialResultsStability stabilization, boolean showSpeakerLabel,
                                    boolean channelIdentification, List<LanguageCode> languageOptions,
                                    LanguageCode preferredLanguage, PiiHandling piiHandling,
                                    Set<PiiEntityType> piiEntityTypes) {

    /** Copies the collections and checks the audio description. */
    public TranscriptionSettings {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(piiHandling, "piiHandling");
        languageOptions = List.copyOf(languageOptions);
        piiEntityTypes = Set.copyOf(piiEntityTypes);
        if (sampleRate <= 0 || audioChannels < 1 || audioChannels > 2) {
            throw new IllegalArgumentException("unusable audio: " + sampleRate + " Hz, " + audioChannels
                    + " channels");
        }
        if (channelIdentification && audioChannels != 2) {
            throw new IllegalArgumentException("channel identification needs 2 channels, not " + audioChannels);
        }
    }

    /**
     * The settings of a request that passed {@link StartStreamTranscriptionRequest#validate()}.
     *
     * @param audioChannels the channels of the audio when the request does not say (without channel
     *                      identification the service is not told; the emulator's operator may know)
     */
    public static TranscriptionSettings fromRequest(StartStreamTranscriptionRequest request, int audioChannels) {
        boolean channelIdentification = request.enableChannelIdentification().orElse(false);
        boolean identifyLanguage = request.identifyLanguage().orElse(false)
                || request.identifyMultipleLanguages().orElse(false);
        return new TranscriptionSettings(
                request.mediaSampleRateHertz().orElseThrow(() -> missing("MediaSampleRateHertz")),
                channelIdentification ? 2 : audioChannels,
                request.mediaEncoding().orElseThrow(() -> missing("MediaEncoding")),
                stabilization(request),
                request.showSpeakerLabel().orElse(false),
                channelIdentification,
                identifyLanguage ? languageCodes(request.languageOptions().orElse("")) : List.of(),
                identifyLanguage ? request.preferredLanguage().orElse(null) : null,
                piiHandling(request),
                piiEntityTypes(request.piiEntityTypes().orElse("")));
    }

    /** Spec section 5.3: the level defaults to {@code high} when stabilization is on. */
    private static PartialResultsStability stabilization(StartStreamTranscriptionRequest request) {
        if (!request.enablePartialResultsStabilization().orElse(false)) {
            return null;
        }
        return request.partialResultsStability().orElse(PartialResultsStability.HIGH);
    }

    private static PiiHandling piiHandling(StartStreamTranscriptionRequest request) {
        if (request.contentRedactionType().isPresent()) {
            return PiiHandling.REDACT;
        }
        return request.contentIdentificationType().isPresent() ? PiiHandling.IDENTIFY : PiiHandling.OFF;
    }

    /**
     * The options in the order given, each once: {@link StartStreamTranscriptionRequest#validate()} counts a code
     * listed twice once, so the language scores name it once too.
     */
    private static List<LanguageCode> languageCodes(String commaSeparated) {
        return commaList(commaSeparated).stream().map(LanguageCode::fromWireValue).distinct().toList();
    }

    private static Set<PiiEntityType> piiEntityTypes(String commaSeparated) {
        return Set.copyOf(commaList(commaSeparated).stream().map(PiiEntityType::fromWireValue).toList());
    }

    private static List<String> commaList(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    private static IllegalArgumentException missing(String parameter) {
        return new IllegalArgumentException("the request has no " + parameter + "; validate it first");
    }
}
