package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer that misbehaves before any stream exists, over raw sockets: it cannot hold a connection open by stalling,
 * and malformed bytes get an answer naming the problem, then the connection closes.
 */
class ConnectionGuardTest {

    private static final Duration IDLE = Duration.ofMillis(800);
    private static final byte[] HTTP2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private Emulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aPeerThatStopsHalfwayThroughARequestIsDisconnectedAfterTheIdleTimeout() throws IOException {
        start();
        try (Socket socket = connect()) {
            socket.getOutputStream().write(ascii("GET /stream-transcription-websocket HTTP/1.1\r\nHost: x\r\n"));
            long sentAt = System.nanoTime();

            Answer answer = readUntilClosed(socket);

            assertThat(answer.closed()).as("closed").isTrue();
            assertThat(answer.bytes()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isGreaterThanOrEqualTo(IDLE.minusMillis(100));
        }
    }

    @Test
    void aPeerThatConnectsAndSendsNothingIsDisconnected() throws IOException {
        start();
        try (Socket socket = connect()) {
            assertThat(readUntilClosed(socket).closed()).as("closed").isTrue();
        }
    }

    @Test
    void anHttpRequestTheCodecCannotReadGets400NamingTheProblem() throws IOException {
        start();
        try (Socket socket = connect()) {
            socket.getOutputStream().write(ascii("GET /stream-transcription-websocket HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + "a".repeat(100_000) + "\r\n\r\n"));

            Answer answer = readUntilClosed(socket);

            assertThat(answer.text()).startsWith("HTTP/1.1 400 ").contains("x-amzn-errortype: BadRequestException")
                    .contains("malformed HTTP request: ").contains("header is larger than");
            assertThat(answer.closed()).as("closed").isTrue();
        }
    }

    /** Netty's message quotes the request line; a presigned query's token and signature must not come back. */
    @Test
    void aRequestLineTheCodecRefusesIsNotEchoedWithItsQuery() throws IOException {
        start();
        try (Socket socket = connect()) {
            socket.getOutputStream().write(ascii("GET /stream-transcription-websocket?X-Amz-Security-Token=SECRET"
                    + "\u0001TOKEN&X-Amz-Signature=abc HTTP/1.1\r\nHost: x\r\n\r\n"));

            Answer answer = readUntilClosed(socket);

            assertThat(answer.text()).startsWith("HTTP/1.1 400 ").contains("malformed HTTP request: ")
                    .doesNotContain("SECRET").doesNotContain("TOKEN").doesNotContain("X-Amz-Signature");
        }
    }

    @Test
    void anHttp2PrefaceFollowedByGarbageGetsGoawayAndTheConnectionCloses() throws IOException {
        start();
        byte[] garbage = new byte[3000];
        new Random(7).nextBytes(garbage);
        garbage[3] = 0x00; // a DATA frame header, not the SETTINGS frame the preface must be followed by
        try (Socket socket = connect()) {
            socket.getOutputStream().write(HTTP2_PREFACE);
            socket.getOutputStream().write(garbage);

            Answer answer = readUntilClosed(socket);

            assertThat(frameTypes(answer.bytes())).contains((byte) 0x7); // GOAWAY
            assertThat(answer.closed()).as("closed").isTrue();
        }
    }

    private void start() {
        emulator = Emulator.start(EmulatorConfig.builder().connectionIdleTimeout(IDLE).build());
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", emulator.port());
        socket.setSoTimeout((int) IDLE.multipliedBy(10).toMillis()); // a connection left open fails the test
        return socket;
    }

    private record Answer(byte[] bytes, boolean closed) {
        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static Answer readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
            }
            return new Answer(read.toByteArray(), true);
        } catch (SocketTimeoutException e) {
            return new Answer(read.toByteArray(), false);
        } catch (IOException e) { // a reset: closed too, less politely
            return new Answer(read.toByteArray(), true);
        }
    }

    /** The type byte of each HTTP/2 frame in {@code bytes} (9-byte headers: length, type, flags, stream). */
    private static byte[] frameTypes(byte[] bytes) {
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        for (int at = 0; at + 9 <= bytes.length; ) {
            int length = (bytes[at] & 0xff) << 16 | (bytes[at + 1] & 0xff) << 8 | bytes[at + 2] & 0xff;
            types.write(bytes[at + 3]);
            at += 9 + length;
        }
        return types.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
