package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.transcribe.model.ExceptionPayloadJson;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
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
        EmbeddedChannel channel = new EmbeddedChannel(new Http2Session(context()));
        try {
            channel.writeInbound(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().method("POST")
                    .path(Http2Session.PATH + "?x=%zz").authority("localhost")
                    .add("x-amzn-transcribe-sample-rate", "16000"), false));

            Http2HeadersFrame headers = channel.readOutbound();
            assertThat(headers.headers().status()).hasToString("400");
            Http2DataFrame data = channel.readOutbound();
            try {
                byte[] body = ByteBufUtil.getBytes(data.content());
                assertThat(ExceptionPayloadJson.parse(body, 0, body.length).message())
                        .isEqualTo(WebSocketUpgrade.MALFORMED_QUERY);
                assertThat(data.isEndStream()).isTrue();
            } finally {
                data.release();
            }
        } finally {
            channel.finishAndReleaseAll();
        }
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
