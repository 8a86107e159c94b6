package dev.riffle.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.RequestParameter;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.StartStreamTranscriptionResponse;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response a stream reads from the headers the service answered with. */
class DefaultTranscriptionStreamTest {

    private static final StartStreamTranscriptionRequest REQUEST = StartStreamTranscriptionRequest.builder()
            .languageCode(LanguageCode.EN_US).mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(16_000).build();

    private static StartStreamTranscriptionResponse responseTo(Map<String, String> headers) {
        DefaultTranscriptionStream stream = new DefaultTranscriptionStream(REQUEST, (TranscriptEvent event) -> { },
                Runnable::run);
        stream.attach(new FakeEventStream(headers));
        return stream.response();
    }

    /**
     * Found by TranscriptionStreamFuzzTest: attach() read the echo's encoding with the typed accessor, which threw
     * an IllegalArgumentException for a value the model does not know and left the caller's future pending.
     */
    @Test
    void anEchoedEncodingTheModelDoesNotKnowIsKeptAsSent() {
        StartStreamTranscriptionResponse response = responseTo(Map.of("x-amzn-request-id", "r",
                "x-amzn-transcribe-media-encoding", "opus-next", "x-amzn-transcribe-sample-rate", "16000"));

        assertThat(response.requestId()).hasValue("r");
        assertThat(response.settings().parameter(RequestParameter.MEDIA_ENCODING)).hasValue("opus-next");
        assertThat(response.settings().parameter(RequestParameter.LANGUAGE_CODE)).isEmpty();
    }

    @Test
    void withoutAnEchoTheRequestStandsInWithTheSessionIdTheServiceGave() {
        StartStreamTranscriptionResponse response = responseTo(Map.of("x-amzn-transcribe-session-id", "s-1"));

        assertThat(response.settings()).isEqualTo(REQUEST.toBuilder().sessionId("s-1").build());
    }
}
