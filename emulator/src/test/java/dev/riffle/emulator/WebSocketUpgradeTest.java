package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.transcribe.model.ExceptionPayloadJson;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The WebSocket front end's answer to upgrade requests it refuses before it verifies or reads parameters. */
class WebSocketUpgradeTest {

    /**
     * Found while writing RequestParametersFuzzTest, which feeds such queries: a broken percent-escape made the query
     * parser throw out of the handler, so the client got no answer and waited on an open connection. It gets a 400.
     */
    @Test
    void aQueryWithABrokenPercentEscapeIsRefusedWithA400() {
        answerTo(WebSocketUpgrade.PATH + "?language-code=en-US&sample-rate=%zz16000", (response, channel) -> {
            assertThat(response.status().code()).isEqualTo(400);
            assertThat(response.headers().get("x-amzn-errortype")).startsWith("BadRequestException:");
            byte[] body = ByteBufUtil.getBytes(response.content());
            assertThat(ExceptionPayloadJson.parse(body, 0, body.length).message())
                    .isEqualTo(Admission.MALFORMED_QUERY.message());
            assertThat(channel.isOpen()).as("closed after the answer").isFalse();
        });
    }

    @Test
    void aTruncatedPercentEscapeAtTheEndIsRefusedWithA400() {
        answerTo(WebSocketUpgrade.PATH + "?sample-rate=1600%",
                (response, channel) -> assertThat(response.status().code()).isEqualTo(400));
    }

    /** Sends an upgrade request for {@code target} and checks the front end's answer; releases everything after. */
    private static void answerTo(String target, BiConsumer<FullHttpResponse, EmbeddedChannel> check) {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocketUpgrade(context(), false));
        try {
            channel.writeInbound(upgrade(target));
            FullHttpResponse response = channel.readOutbound();
            try {
                check.accept(response, channel);
            } finally {
                response.release();
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static DefaultFullHttpRequest upgrade(String target) {
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        request.headers().set(HttpHeaderNames.HOST, "localhost:8443").set(HttpHeaderNames.UPGRADE, "websocket")
                .set(HttpHeaderNames.CONNECTION, "Upgrade");
        return request;
    }

    private static EmulatorContext context() {
        return new EmulatorContext(EmulatorConfig.builder().build(), request -> {
            throw new AssertionError("no stream may start");
        }, request -> {
            throw new AssertionError("no stream may start");
        });
    }
}
