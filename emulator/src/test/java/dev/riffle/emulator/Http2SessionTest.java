package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.transcribe.model.ExceptionPayloadJson;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP/2 front end's answer to requests it refuses before it verifies them. */
class Http2SessionTest {

    /**
     * Found while writing RequestParametersFuzzTest: the signed request's query is decoded to verify the signature,
     * and a broken percent-escape made the decoder throw out of the handler, which reset the stream without an
     * answer. It gets the 400 the WebSocket front end gives.
     */
    @Test
    void aPathWithABrokenPercentEscapeIsRefusedWithA400() {
        Answer answer = answerTo(new DefaultHttp2Headers().method("POST").path(Http2Session.PATH + "?x=%zz")
                .authority("localhost").add("x-amzn-transcribe-sample-rate", "16000"));

        assertThat(answer.status()).isEqualTo("400");
        assertThat(answer.message()).isEqualTo(Admission.MALFORMED_QUERY.message());
    }

    /**
     * A presigned WebSocket URL sent to the HTTP/2 path carries its credential, signature and session token in the
     * query: the 404 names the path it does not serve, never the query (secrets stay out of messages).
     */
    @Test
    void aRefusedPathIsNamedWithoutItsQuery() {
        String secretQuery = "X-Amz-Security-Token=secret-token-value&X-Amz-Signature=0123abcd";
        Answer answer = answerTo(new DefaultHttp2Headers().method("GET")
                .path("/stream-transcription-websocket?" + secretQuery).authority("localhost"));

        assertThat(answer.status()).isEqualTo("404");
        assertThat(answer.message()).contains("GET /stream-transcription-websocket")
                .doesNotContain("secret-token-value").doesNotContain("0123abcd").doesNotContain("?");
    }

    /** The status and error message the front end answers {@code request} with; the body ends the stream. */
    private static Answer answerTo(Http2Headers request) {
        EmbeddedChannel channel = new EmbeddedChannel(new Http2Session(context()));
        try {
            channel.writeInbound(new DefaultHttp2HeadersFrame(request, false));
            Http2HeadersFrame headers = channel.readOutbound();
            Http2DataFrame data = channel.readOutbound();
            try {
                assertThat(data.isEndStream()).as("the error body ends the stream").isTrue();
                byte[] body = ByteBufUtil.getBytes(data.content());
                return new Answer(headers.headers().status().toString(),
                        ExceptionPayloadJson.parse(body, 0, body.length).message());
            } finally {
                data.release();
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private record Answer(String status, String message) {
    }

    /**
     * Found by RequestParametersFuzzTest: {@code " NAME"} passes validation (the model's pattern allows spaces), and
     * the echo of it in the 200 response made Netty throw, as no header value may start with a space.
     */
    @Test
    void anAcceptedValueWithSurroundingSpacesIsEchoedWithout() {
        StartStreamTranscriptionRequest request = StartStreamTranscriptionRequest.fromQueryParameters(Map.of(
                "language-code", "en-US", "media-encoding", "pcm", "sample-rate", "16000",
                "content-identification-type", "PII", "pii-entity-types", " NAME ")).validate();
        Admission.Outcome outcome = new Admission.Outcome(null, request, null, "b4526fcf-5c3e-4b5c-9f3a-0123456789ab");

        assertThat(Http2Session.acceptedHeaders("request-id", outcome).get("x-amzn-transcribe-pii-entity-types"))
                .hasToString("NAME");
    }

    private static EmulatorContext context() {
        return new EmulatorContext(EmulatorConfig.builder().build(), request -> {
            throw new AssertionError("no stream may start");
        }, request -> {
            throw new AssertionError("no stream may start");
        });
    }
}
