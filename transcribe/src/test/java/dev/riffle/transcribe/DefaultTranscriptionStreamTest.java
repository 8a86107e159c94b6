package dev.riffle.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.RequestParameter;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.StartStreamTranscriptionResponse;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.transcribe.model.BadRequestException;
import dev.riffle.transcribe.model.TranscribeException;
import dev.riffle.transcribe.model.TranscribeTransportException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The response a stream reads from its headers, and how a stream reports its end to the caller. */
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

    /** Whoever waits on completion() must have seen every result: the handler's last call comes first. */
    @Test
    void theHandlersLastCallComesBeforeTheCompletion() {
        List<String> seen = new CopyOnWriteArrayList<>();
        DefaultTranscriptionStream[] stream = new DefaultTranscriptionStream[1];
        stream[0] = new DefaultTranscriptionStream(REQUEST, new TranscriptResultStreamHandler() {
            @Override
            public void handleTranscriptEvent(TranscriptEvent event) {
            }

            @Override
            public void handleCompletion() {
                seen.add("handleCompletion, completion done: " + stream[0].completion().isDone());
            }
        }, Runnable::run);
        FakeEventStream transport = new FakeEventStream(Map.of());
        stream[0].attach(transport);

        transport.closed().complete(null);

        assertThat(seen).containsExactly("handleCompletion, completion done: false");
        assertThat(stream[0].completion()).isCompleted();
    }

    @Test
    void aHandlerThatThrowsAtTheEndFailsTheCompletionSayingSo() {
        DefaultTranscriptionStream stream = new DefaultTranscriptionStream(REQUEST, new TranscriptResultStreamHandler() {
            @Override
            public void handleTranscriptEvent(TranscriptEvent event) {
            }

            @Override
            public void handleCompletion() {
                throw new IllegalStateException("the caller's bug");
            }
        }, Runnable::run);
        FakeEventStream transport = new FakeEventStream(Map.of());
        stream.attach(transport);

        transport.closed().complete(null);

        assertThatThrownBy(() -> stream.completion().join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(TranscribeTransportException.class)
                .hasMessageContaining("the result handler failed").hasMessageContaining("the caller's bug");
    }

    /**
     * An exception message whose payload is not the JSON the service sends (damage, a proxy) is still the
     * exception its header names; it used to become a "malformed event" transport error.
     */
    @Test
    void anExceptionWhosePayloadIsNotJsonKeepsItsTypeAndShowsThePayload() {
        DefaultTranscriptionStream stream = new DefaultTranscriptionStream(REQUEST, (TranscriptEvent event) -> { },
                Runnable::run);
        FakeEventStream transport = new FakeEventStream(Map.of("x-amzn-request-id", "req-1"));
        stream.attach(transport);
        HeaderBlock headers = new HeaderBlock().addString(":message-type", "exception")
                .addString(":exception-type", "BadRequestException").addString(":content-type", "application/json");
        byte[] payload = "<html>\n  Bad   gateway\n</html>".getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), payload.length));
        new MessageEncoder().encode(headers, ByteBuffer.wrap(payload), frame);
        frame.flip();

        new MessageDecoder().feed(frame, stream::onMessage);
        transport.closed().complete(null);

        assertThatThrownBy(() -> stream.completion().join()).cause().isInstanceOf(BadRequestException.class)
                .hasMessageContaining("<html> Bad gateway </html>")
                .satisfies(e -> assertThat(((TranscribeException) e).requestId()).hasValue("req-1"));
    }
}
