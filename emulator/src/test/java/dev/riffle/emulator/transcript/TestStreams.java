package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import java.nio.charset.StandardCharsets;

/** Requests, scripts and transcribers for the engine's tests. */
final class TestStreams {

    static final int RATE = 16000;
    static final int MONO_BYTES_PER_SECOND = RATE * 2;
    static final int STEREO_BYTES_PER_SECOND = RATE * 4;

    private TestStreams() {
    }

    /** A valid request for 16 kHz PCM in en-US; add features to it. */
    static StartStreamTranscriptionRequest.Builder pcmRequest() {
        return StartStreamTranscriptionRequest.builder()
                .languageCode(LanguageCode.EN_US)
                .mediaSampleRateHertz(RATE)
                .mediaEncoding(MediaEncoding.PCM);
    }

    /** A transcriber with seeded result ids and the default tuning. */
    static StreamTranscriber transcriber(TranscriptScript script, StartStreamTranscriptionRequest request,
                                         int audioChannels) {
        return new StreamTranscriber(script, TranscriptionSettings.fromRequest(request.validate(), audioChannels),
                ResultIdGenerator.seeded(42), EngineTuning.defaults());
    }

    static PlainTextScript text(String words) {
        return PlainTextScript.parse("test.txt", words);
    }

    /** A timed script from JSON written with ' for ". */
    static TimedScript json(String json) {
        return JsonScriptReader.read("test.json", json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }
}
