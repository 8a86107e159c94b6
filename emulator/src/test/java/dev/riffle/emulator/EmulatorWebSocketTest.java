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
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
 * still get the last events. A raw client that reads late checks how the emulator ends the connection after its
 * close frame.
 */
@Timeout(30)
class EmulatorWebSocketTest {

    /** How long the late reader goes on sending audio after the service has answered, before it reads. */
    private static final Duration SEND_ON_FOR = Duration.ofMillis(300);

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

    /**
     * A validly presigned request that is not a complete upgrade (no {@code Connection: Upgrade}) is admitted, then
     * fails in the handshake. It used to keep its quota slot for good: a quota of 1 then refused every later stream.
     */
    @Test
    void anUpgradeThatFailsInTheHandshakeIsRefusedAndFreesItsQuotaSlot() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().maxConcurrentStreams(1).build());
        URI url = presign();
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
                socket.setSoTimeout(5000);
                socket.getOutputStream().write(("GET " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:" + emulator.port() + "\r\nUpgrade: websocket\r\n"
                        + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 400").contains("BadRequestException")
                        .contains("not a WebSocket upgrade");
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (emulator.liveStreams() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(emulator.liveStreams()).isZero();
    }

    /**
     * The service model allows 3,000 characters each for vocabulary-names and vocabulary-filter-names, so a valid
     * presigned request line can be well over 4,096 bytes, Netty's default limit: such a request used to be refused
     * as "malformed HTTP request".
     */
    @Test
    void aLongButValidPresignedUrlIsUpgraded() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        String names = String.join(",", java.util.Collections.nCopies(15, "v".repeat(199)));
        SignableRequest request = SignableRequest.builder("GET", "/stream-transcription-websocket")
                .header("host", "127.0.0.1:" + emulator.port()).query("identify-language", "true")
                .query("language-options", "en-US,es-US").query("media-encoding", "pcm").query("sample-rate", "16000")
                .query("vocabulary-names", names).query("vocabulary-filter-names", names).build();
        PresignedRequest presigned = RequestSigner.presign(request, SigningOptions.of(
                EmulatorContractTest.EXAMPLE, "us-west-2", "transcribe", Instant.now()), Duration.ofSeconds(60));
        URI url = URI.create("ws://127.0.0.1:" + emulator.port() + "/stream-transcription-websocket?"
                + presigned.queryString());
        assertThat(url.toString().length()).isGreaterThan(6000);

        WebSocket socket = http.newWebSocketBuilder().buildAsync(url, new Listener()).get(5, TimeUnit.SECONDS);
        socket.sendClose(1000, "").get(5, TimeUnit.SECONDS);
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

    /**
     * A client that is still sending when the service ends the stream, and reads only later, must find the service's
     * exception and close frame, and a connection that accepts what it sends meanwhile. RFC 6455 section 5.5.1: an
     * endpoint closes the TCP connection after both sending and receiving a close frame (the server first, section
     * 7.1.1), not as soon as it has sent its own; a client that has not yet read that close frame has sent no close
     * of its own and may still be sending data frames. Closing
     * earlier sends the client's later frames to a closed socket, which the kernel answers with RST: the client's
     * next send fails with "broken pipe" or "connection reset", and a client that gives up on a failed send never
     * gets to the exception waiting in its receive buffer. (On Linux 6.18 the bytes already received survive the
     * RST and can still be read; the failed send is what this test catches when the server closes too early.)
     *
     * <p>Deterministic: the client reads nothing from the socket until it has sent everything; it only asks the kernel
     * how many bytes wait (FIONREAD, {@link InputStream#available()}) to know that the server has answered before it
     * sends on. A raw socket, not the JDK's WebSocket: that one reads a buffer from the socket even without demand
     * ({@code TransportImpl.ReceiveTask}), so the answer would leave the kernel's buffer before the test wanted it to.
     */
    @Test
    void clientThatReadsLateAfterSendingOnGetsTheExceptionAndTheCloseAndCanAnswerIt() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        try (RawWebSocket socket = RawWebSocket.open(presign())) {
            socket.sendBinary(new byte[] {1, 2, 3, 4, 5}); // not an event-stream message: the stream ends with an error
            socket.awaitBytesToRead(Duration.ofSeconds(5));

            // The server has answered and, with its close frame sent, must still take what the client sends.
            long until = System.nanoTime() + SEND_ON_FOR.toNanos();
            int sent = 0;
            while (sent == 0 || System.nanoTime() < until) {
                try {
                    socket.sendBinary(bytes(bareAudioEvent(3200)));
                } catch (IOException e) {
                    throw new AssertionError("audio frame " + (sent + 1) + " after the server's answer could not be"
                            + " sent: the server closed the connection with the client's frames unread", e);
                }
                sent++;
                Thread.sleep(10);
            }

            assertServicesExceptionThenClose(socket, 1000);
            socket.sendClose(1000); // RFC 6455 5.5.1: the client answers the close, echoing its status code
            long answered = System.nanoTime();
            assertThat(socket.readToEnd(Duration.ofMillis(WebSocketSession.LINGER_MILLIS + 3_000)))
                    .as("what the server sends after its close frame (RFC 6455 5.5.1: nothing)").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - answered))
                    .as("the server closes once close frames went both ways, without waiting out its linger")
                    .isLessThan(Duration.ofMillis(WebSocketSession.LINGER_MILLIS / 2));
        }
        assertThat(emulator.liveStreams()).isZero();
    }

    /**
     * A client that never answers the service's close does not hold the connection open forever: RFC 6455 sets no
     * time for the answer, and the server closes the connection {@link WebSocketSession#LINGER_MILLIS} after its
     * close frame, and not before, so that a client that reads late still finds the close frame.
     * The bounds are wide on purpose: at least half the linger, at most the linger and three seconds more.
     */
    @Test
    void clientThatNeverAnswersTheCloseIsDisconnectedAfterTheLingerNotBefore() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        try (RawWebSocket socket = RawWebSocket.open(presign())) {
            socket.sendBinary(new byte[] {1, 2, 3, 4, 5});
            socket.awaitBytesToRead(Duration.ofSeconds(5));
            long answerArrived = System.nanoTime();

            assertServicesExceptionThenClose(socket, 1000);
            assertThat(socket.readToEnd(Duration.ofMillis(WebSocketSession.LINGER_MILLIS + 3_000))).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - answerArrived))
                    .as("from the server's close frame to its closing the connection")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(WebSocketSession.LINGER_MILLIS / 2))
                    .isLessThan(Duration.ofMillis(WebSocketSession.LINGER_MILLIS + 3_000));
        }
    }

    /** The next two frames are the service's exception event for the frame that was no message, then its close. */
    private static void assertServicesExceptionThenClose(RawWebSocket socket, int closeCode) throws IOException {
        RawWebSocket.Frame event = socket.readFrame();
        assertThat(event.opcode()).as("opcode of the first frame").isEqualTo(RawWebSocket.BINARY);
        assertThat(decode(event.payload())).singleElement().satisfies(m -> {
            assertThat(m.header(":message-type").orElseThrow().asString()).isEqualTo("exception");
            assertThat(m.header(":exception-type").orElseThrow().asString()).isEqualTo("BadRequestException");
            assertThat(new String(m.payload(), StandardCharsets.UTF_8)).contains(WebSocketSession.UNEXPECTED_FRAME);
        });
        RawWebSocket.Frame close = socket.readFrame();
        assertThat(close.opcode()).as("opcode of the second frame").isEqualTo(RawWebSocket.CLOSE);
        assertThat(close.closeCode()).isEqualTo(closeCode);
    }

    private static List<Message> decode(byte[] frame) {
        List<Message> messages = new ArrayList<>();
        MessageDecoder decoder = new MessageDecoder();
        decoder.feed(ByteBuffer.wrap(frame), view -> messages.add(view.toMessage()));
        decoder.endOfInput();
        return messages;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
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

    /**
     * A WebSocket client on a plain blocking socket, written out by hand after RFC 6455, so that the test decides
     * when bytes leave the kernel's receive buffer: nothing is read but what {@link #readFrame} and
     * {@link #readToEnd} ask for, and the opening handshake's answer is read byte by byte up to its end. Every
     * read is bounded by a socket timeout.
     */
    static final class RawWebSocket implements AutoCloseable {
        static final int BINARY = 0x2;
        static final int CLOSE = 0x8;
        /** RFC 6455 section 1.3: appended to the key before hashing, for Sec-WebSocket-Accept. */
        private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
        private static final SecureRandom RANDOM = new SecureRandom();

        /** A whole frame as received: server frames are never masked (RFC 6455 section 5.1). */
        record Frame(int opcode, byte[] payload) {
            /** RFC 6455 section 5.5.1: a close frame's body starts with a two-byte status code, if any. */
            int closeCode() {
                return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
            }
        }

        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        private RawWebSocket(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream()); // unbuffered: reads only what is asked for
            this.out = socket.getOutputStream();
        }

        /** Connects to the URL's host and port and does the opening handshake (RFC 6455 section 4.1). */
        static RawWebSocket open(URI url) throws Exception {
            RawWebSocket ws = new RawWebSocket(new Socket(InetAddress.getByName(url.getHost()), url.getPort()));
            try {
                ws.socket.setSoTimeout(5_000);
                byte[] nonce = new byte[16];
                RANDOM.nextBytes(nonce);
                String key = Base64.getEncoder().encodeToString(nonce);
                String request = "GET " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\n"
                        + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
                ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
                ws.out.flush();
                String response = ws.readResponseHead();
                String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII)));
                assertThat(response).startsWith("HTTP/1.1 101").containsIgnoringCase("sec-websocket-accept: " + accept);
                return ws;
            } catch (Exception | AssertionError e) {
                ws.close();
                throw e;
            }
        }

        /** The response head, up to and with its empty line; one byte at a time, not to take any frame's bytes. */
        private String readResponseHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (head.size() < 4 || !head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                head.write(in.readUnsignedByte());
                if (head.size() > 16_384) {
                    throw new IOException("no end to the response head: " + head);
                }
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        void sendBinary(byte[] payload) throws IOException {
            send(BINARY, payload);
        }

        /** A close frame with the status code and no reason (RFC 6455 section 5.5.1). */
        void sendClose(int code) throws IOException {
            send(CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
        }

        /** One final frame, masked with a fresh key as every client frame must be (RFC 6455 sections 5.2, 5.3). */
        private void send(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
            frame.write(0x80 | opcode);
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else if (payload.length <= 0xFFFF) {
                frame.write(0x80 | 126);
                frame.write(payload.length >> 8);
                frame.write(payload.length);
            } else {
                frame.write(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >> shift));
                }
            }
            byte[] mask = new byte[4];
            RANDOM.nextBytes(mask);
            frame.writeBytes(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            out.flush();
        }

        /**
         * Waits until the server's bytes are in the receive buffer, without reading them: {@code available()} on a
         * socket asks the kernel how many bytes wait (FIONREAD).
         */
        void awaitBytesToRead(Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (in.available() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nothing from the server within " + timeout);
                }
                Thread.sleep(2);
            }
        }

        /** The next frame, whole; a fragmented message is not expected from the emulator and fails the test. */
        Frame readFrame() throws IOException {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            assertThat(first & 0x80).as("FIN bit (the emulator sends whole messages)").isNotZero();
            assertThat(second & 0x80).as("MASK bit (RFC 6455 5.1: a server must not mask)").isZero();
            long length = second & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            assertThat(length).as("frame length").isBetween(0L, 16L * 1024 * 1024);
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            return new Frame(first & 0x0F, payload);
        }

        /**
         * Reads until the server closes the connection in order (FIN: end of stream) and returns what came before;
         * a reset fails here with its {@link java.net.SocketException}, and a read that waits longer than
         * {@code timeout} with a {@link java.net.SocketTimeoutException}.
         */
        byte[] readToEnd(Duration timeout) throws IOException {
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) != -1; ) {
                rest.write(buffer, 0, n);
            }
            return rest.toByteArray();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
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
