package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.Message;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.sigv4.PresignedRequest;
import dev.riffle.sigv4.RequestSigner;
import dev.riffle.sigv4.SignableRequest;
import dev.riffle.sigv4.SigningOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulator's WebSocket front end as other clients meet it, driven by the JDK's own WebSocket client (not
 * riffle's): presigned-URL checks before the upgrade, a frame that is not a message, and a client that closes with
 * 1000 right after its last audio (as the JavaScript SDK does), with or without an empty frame before, and must
 * still get the last events.
 */
@Timeout(30)
class EmulatorWebSocketTest {

    private Emulator emulator;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void tearDown() {
        if (emulator != null) {
            emulator.close();
        }
    }

    /** A presigned URL for the emulator, as a client would make it: {@code hostHeader} is what gets signed. */
    private URI presign(String hostHeader, Instant time, Duration expires) {
        return presign(hostHeader, time, expires, "16000");
    }

    private URI presign(String hostHeader, Instant time, Duration expires, String sampleRate) {
        SignableRequest request = SignableRequest.builder("GET", "/stream-transcription-websocket")
                .header("host", hostHeader).query("language-code", "en-US").query("media-encoding", "pcm")
                .query("sample-rate", sampleRate).build();
        PresignedRequest presigned = RequestSigner.presign(request, SigningOptions.of(
                EmulatorContractTest.EXAMPLE, "us-west-2", "transcribe", time), expires);
        return URI.create("ws://127.0.0.1:" + emulator.port() + "/stream-transcription-websocket?"
                + presigned.queryString());
    }

    private URI presign() {
        return presign("127.0.0.1:" + emulator.port(), Instant.now(), Duration.ofSeconds(60));
    }

    @Test
    void expiredUrlIsRefusedBeforeTheUpgrade() {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        URI url = presign("127.0.0.1:" + emulator.port(), Instant.now().minusSeconds(120), Duration.ofSeconds(60));
        assertRefused(url, 403);
    }

    @Test
    void urlValidForMoreThanThreeHundredSecondsIsRefused() {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        assertRefused(presign("127.0.0.1:" + emulator.port(), Instant.now(), Duration.ofSeconds(301)), 403);
    }

    @Test
    void hostSignedWithoutItsPortIsRefused() {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        assertRefused(presign("127.0.0.1", Instant.now(), Duration.ofSeconds(60)), 403);
    }

    @Test
    void parameterChangedAfterSigningIsRefused() {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        URI url = presign();
        assertRefused(URI.create(url.toString().replace("sample-rate=16000", "sample-rate=8000")), 403);
    }

    @Test
    void badParameterIsRefusedBeforeTheUpgradeWithTheServicesMessage() {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        assertRefused(presign("127.0.0.1:" + emulator.port(), Instant.now(), Duration.ofSeconds(60), "96000"), 400);
    }

    @Test
    void frameThatIsNotAMessageGetsTheServicesAnswer() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(presign(), listener).get(5, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}), true);

        assertThat(listener.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(listener.messages).singleElement().satisfies(m -> {
            assertThat(m.header(":message-type").orElseThrow().asString()).isEqualTo("exception");
            assertThat(new String(m.payload())).contains(WebSocketSession.UNEXPECTED_FRAME);
        });
    }

    @Test
    void clientCloseRightAfterItsLastAudioStillGetsTheLastEvents() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(presign(), listener).get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 12; i++) { // 1.2 s of bare AudioEvents: the placeholder answers every 0.5 s
            socket.sendBinary(bareAudioEvent(3200), true).get(5, TimeUnit.SECONDS);
        }
        socket.sendClose(1000, "").get(5, TimeUnit.SECONDS); // as the JavaScript SDK does, at once

        assertThat(listener.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(listener.messages).hasSize(2).allSatisfy(m ->
                assertThat(m.header(":event-type").orElseThrow().asString()).isEqualTo("TranscriptEvent"));
        assertThat(emulator.liveStreams()).isZero();
    }

    @Test
    void emptyFrameAfterTheLastAudioIsPassedOverAndTheCloseStillEndsTheInput() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(presign(), listener).get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 12; i++) {
            socket.sendBinary(bareAudioEvent(3200), true).get(5, TimeUnit.SECONDS);
        }
        // What the JavaScript SDK's browser configuration sends last: its encoder's empty end frame, then the close.
        socket.sendBinary(ByteBuffer.allocate(0), true).get(5, TimeUnit.SECONDS);
        socket.sendClose(1000, "").get(5, TimeUnit.SECONDS);

        assertThat(listener.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(listener.messages).hasSize(2).allSatisfy(m ->
                assertThat(m.header(":event-type").orElseThrow().asString()).isEqualTo("TranscriptEvent"));
    }

    private void assertRefused(URI url, int status) {
        assertThatThrownBy(() -> http.newWebSocketBuilder().buildAsync(url, new Listener()).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> {
                    WebSocketHandshakeException handshake = (WebSocketHandshakeException) e.getCause();
                    assertThat(handshake.getResponse().statusCode()).isEqualTo(status);
                    assertThat(handshake.getResponse().headers().firstValue("x-amzn-errortype")).isPresent();
                });
    }

    static ByteBuffer bareAudioEvent(int bytes) {
        HeaderBlock headers = new HeaderBlock().addString(":message-type", "event")
                .addString(":event-type", "AudioEvent").addString(":content-type", "application/octet-stream");
        ByteBuffer out = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), bytes));
        new MessageEncoder().encode(headers, ByteBuffer.wrap(new byte[bytes]), out);
        return out.flip();
    }

    /** Collects binary messages (one event-stream message each) and the close code. */
    static final class Listener implements WebSocket.Listener {
        final List<Message> messages = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partial.writeBytes(bytes);
            if (last) {
                MessageDecoder decoder = new MessageDecoder();
                decoder.feed(ByteBuffer.wrap(partial.toByteArray()), view -> messages.add(view.toMessage()));
                decoder.endOfInput();
                partial.reset();
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
