package dev.riffle.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.transcribe.model.FuzzJson;
import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.RequestParameter;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.TranscribeException;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes what a client reads from the service once a stream is open: the response headers that echo the
 * request, then the messages of the response stream (TranscriptEvents, exception and error messages, events of
 * other types). Properties: nothing the service sends makes the stream throw into the transport (neither
 * {@code attach} nor {@code onMessage} throws); the handler receives the events and then exactly one end, which is
 * a {@link TranscribeException} whenever the stream failed, and the completion future agrees with it.
 *
 * <p>The frames themselves are valid (the core module fuzzes the decoder); the fuzzer picks their headers, with
 * the right names and values most of the time and wrong types or values now and then, and their payloads:
 * TranscriptEvent and error bodies written by {@link FuzzJson}, or raw bytes. The response headers are the
 * request parameters' headers with valid or arbitrary values.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl transcribe test -Dtest=TranscriptionStreamFuzzTest -Djazzer.max_duration=30m}.
 */
class TranscriptionStreamFuzzTest {

    private static final StartStreamTranscriptionRequest REQUEST = StartStreamTranscriptionRequest.builder()
            .languageCode(LanguageCode.EN_US).mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(16_000).build();
    private static final String[] MESSAGE_TYPES = {"event", "exception", "error", "Event", ""};
    private static final String[] EVENT_TYPES = {"TranscriptEvent", "UtteranceEvent", "transcriptevent", ""};
    private static final String[] EXCEPTION_TYPES = {"BadRequestException", "LimitExceededException",
        "com.amazonaws.transcribe#ConflictException:x", "", ":"};
    private static final String[] HEADER_VALUES = {"pcm", "ogg-opus", "flac", "16000", "8000", "-1", "99999999999",
        "en-US", "true", "True", "2", "partial", "high", "vocabulary", "PII", "mask"};

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void neverThrowsIntoTheTransportAndEndsOnce(FuzzedDataProvider data) {
        FakeEventStream transport = new FakeEventStream(responseHeaders(data));
        RecordingHandler handler = new RecordingHandler();
        DefaultTranscriptionStream stream = new DefaultTranscriptionStream(REQUEST, handler, Runnable::run);

        stream.attach(transport);
        assertThat(stream.response()).isNotNull();
        MessageDecoder decoder = new MessageDecoder();
        int messages = data.consumeInt(1, 4);
        for (int i = 0; i < messages && !transport.closed().isDone(); i++) {
            decoder.feed(frame(data), stream::onMessage);
        }
        transport.closed().complete(null); // a no-op if the stream cancelled the transport

        assertThat(handler.ends).isEqualTo(1);
        if (handler.error != null) {
            assertThat(stream.completion()).isCompletedExceptionally();
        } else {
            assertThat(stream.completion()).isCompleted();
        }
    }

    /** Request parameters echoed with valid or arbitrary values, and a request id. */
    private static Map<String, String> responseHeaders(FuzzedDataProvider data) {
        Map<String, String> headers = new LinkedHashMap<>();
        RequestParameter[] parameters = RequestParameter.values();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            RequestParameter parameter = parameters[data.consumeInt(0, parameters.length - 1)];
            headers.put(parameter.headerName(), data.consumeBoolean()
                    ? HEADER_VALUES[data.consumeInt(0, HEADER_VALUES.length - 1)] : data.consumeString(20));
        }
        if (data.consumeBoolean()) {
            headers.put("x-amzn-request-id", data.consumeString(40));
        }
        return headers;
    }

    /** One encoded message with fuzzer-picked headers and payload. */
    private static ByteBuffer frame(FuzzedDataProvider data) {
        HeaderBlock headers = new HeaderBlock();
        header(data, headers, ":message-type", MESSAGE_TYPES);
        header(data, headers, ":event-type", EVENT_TYPES);
        header(data, headers, ":exception-type", EXCEPTION_TYPES);
        header(data, headers, ":error-code", EXCEPTION_TYPES);
        header(data, headers, ":error-message", new String[] {"Your stream is too big.", ""});
        byte[] payload = switch (data.consumeInt(0, 3)) {
            case 0 -> FuzzJson.document(data, FuzzJson.TRANSCRIPT_EVENT);
            case 1 -> FuzzJson.document(data, FuzzJson.ERROR_BODY);
            default -> data.consumeBytes(data.consumeInt(0, 512));
        };
        ByteBuffer frame = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), payload.length));
        new MessageEncoder().encode(headers, ByteBuffer.wrap(payload), frame);
        return frame.flip();
    }

    /** Absent, one of the expected values, arbitrary text, or a value of another type than string. */
    private static void header(FuzzedDataProvider data, HeaderBlock headers, String name, String[] values) {
        switch (data.consumeInt(0, 7)) {
            case 0 -> { }
            case 1 -> headers.addString(name, data.consumeString(30));
            case 2 -> headers.addInt(name, data.consumeInt());
            case 3 -> headers.addByteArray(name, data.consumeBytes(8));
            default -> headers.addString(name, values[data.consumeInt(0, values.length - 1)]);
        }
    }

    /** Counts the ends, which must be exactly one. */
    private static final class RecordingHandler implements TranscriptResultStreamHandler {
        final List<TranscriptEvent> events = new ArrayList<>();
        TranscribeException error;
        int ends;

        @Override
        public void handleTranscriptEvent(TranscriptEvent event) {
            assertThat(ends).isZero();
            events.add(event);
        }

        @Override
        public void handleError(TranscribeException error) {
            this.error = error;
            ends++;
        }

        @Override
        public void handleCompletion() {
            ends++;
        }
    }
}
