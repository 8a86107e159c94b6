package dev.riffle.transport.http2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.Message;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.eventstream.MessageView;
import dev.riffle.sigv4.Credentials;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.StreamRejectedException;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.TransportException;
import dev.riffle.transport.TransportException.Kind;
import dev.riffle.transport.http2.TestHttp2Server.ServerStream;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.handler.codec.http2.Http2Error;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP/2 transport against a scripted server on loopback that verifies every signature. */
@Timeout(60)
public class Http2TransportTest {

    private final List<Message> received = Collections.synchronizedList(new ArrayList<>());
    private Http2Transport transport = Http2Transport.builder().responseTimeout(Duration.ofSeconds(2))
            .drainTimeout(Duration.ofSeconds(2)).build();
    private TestHttp2Server server;

    @AfterEach
    void tearDown() {
        transport.close();
        if (server != null) {
            server.close();
        }
    }

    private EventStream open(TestHttp2Server.Script script) throws Exception {
        server = new TestHttp2Server(script);
        return transport.open(request(server.uri(), TestHttp2Server.CREDENTIALS), this::collect)
                .get(5, TimeUnit.SECONDS);
    }

    private void collect(MessageView view) {
        received.add(view.toMessage());
    }

    /** A StartStreamTranscription request to {@code endpoint}; shared with the WebSocket transport's tests. */
    public static StreamRequest request(URI endpoint, Credentials credentials) {
        return StreamRequest.builder().endpoint(endpoint).path("/stream-transcription")
                .header("x-amzn-transcribe-language-code", "en-US")
                .header("x-amzn-transcribe-media-encoding", "pcm")
                .header("x-amzn-transcribe-sample-rate", "16000")
                .service("transcribe").region("us-west-2").credentials(() -> credentials).build();
    }

    public static ByteBuffer audioEvent(int bytes) {
        HeaderBlock headers = new HeaderBlock().addString(":message-type", "event")
                .addString(":event-type", "AudioEvent").addString(":content-type", "application/octet-stream");
        ByteBuffer out = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), bytes));
        new MessageEncoder().encode(headers, ByteBuffer.wrap(new byte[bytes]), out);
        return out.flip();
    }

    @Test
    void fullStreamWithPartialAndFinalResults() throws Exception {
        AtomicInteger partials = new AtomicInteger();
        EventStream stream = open(new TestHttp2Server.Script() {
            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                s.sendEvent("TranscriptEvent", "{\"partial\":" + partials.incrementAndGet() + "}");
            }

            @Override
            public void onEndOfInput(ServerStream s) {
                s.sendEvent("TranscriptEvent", "{\"final\":true}");
                s.finish();
            }
        });
        HeaderBlock audioHeaders = new HeaderBlock().addString(":message-type", "event")
                .addString(":event-type", "AudioEvent").addString(":content-type", "application/octet-stream");
        for (int i = 0; i < 10; i++) {
            if (i % 2 == 0) {
                stream.send(audioEvent(3200)).get(5, TimeUnit.SECONDS);
            } else { // the same message, encoded by the transport into its own buffer
                stream.send(audioHeaders, ByteBuffer.wrap(new byte[3200])).get(5, TimeUnit.SECONDS);
            }
        }
        stream.end().get(5, TimeUnit.SECONDS);
        stream.closed().get(5, TimeUnit.SECONDS);

        ServerStream s = server.awaitStream();
        assertThat(s.verificationErrors).isEmpty();
        assertThat(s.events).isEqualTo(10);
        assertThat(s.innerBytes).isEqualTo(10L * audioEvent(3200).remaining());
        assertThat(s.requestHeaders.get("x-amz-content-sha256").toString())
                .isEqualTo("STREAMING-AWS4-HMAC-SHA256-EVENTS");
        assertThat(s.requestHeaders.get("content-type").toString()).isEqualTo("application/vnd.amazon.eventstream");
        assertThat(s.requestHeaders.get("user-agent").toString()).startsWith("riffle/");
        assertThat(s.requestHeaders.get("authorization").toString())
                .contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amzn-transcribe-language-code;x-amzn-transcribe-media-encoding;"
                        + "x-amzn-transcribe-sample-rate,");
        assertThat(received).hasSize(11);
        assertThat(new String(received.get(0).payload())).isEqualTo("{\"partial\":1}");
        assertThat(new String(received.get(10).payload())).isEqualTo("{\"final\":true}");
        assertThat(stream.response().status()).isEqualTo(200);
        assertThat(stream.response().requestId()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({"400,BadRequestException", "403,UnrecognizedClientException", "409,ConflictException",
            "429,LimitExceededException", "500,InternalFailureException", "503,ServiceUnavailableException"})
    void everyPreStreamErrorIsReportedWithItsTypeMessageAndRequestId(int status, String type) {
        server = new TestHttp2Server(new TestHttp2Server.Script() {
            @Override
            public void onRequest(ServerStream s) {
                s.reject(status, type, "refused with " + status);
            }
        });
        CompletableFuture<EventStream> opening = transport.open(request(server.uri(), TestHttp2Server.CREDENTIALS),
                this::collect);

        assertThatThrownBy(() -> opening.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StreamRejectedException.class)
                .cause().satisfies(e -> {
                    StreamRejectedException rejected = (StreamRejectedException) e;
                    assertThat(rejected.status()).isEqualTo(status);
                    assertThat(rejected.errorType()).isEqualTo(type);
                    assertThat(new String(rejected.body())).contains("refused with " + status);
                    assertThat(rejected.response().requestId()).isEqualTo("req-" + status);
                });
    }

    @Test
    void wrongSecretIsRefusedByTheServersVerifier() {
        server = new TestHttp2Server(new TestHttp2Server.Script() { });
        CompletableFuture<EventStream> opening = transport.open(request(server.uri(),
                Credentials.of("AKIDEXAMPLE", "not-the-secret")), this::collect);

        assertThatThrownBy(() -> opening.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(StreamRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errorType()).isEqualTo("InvalidSignatureException");
                });
    }

    @Test
    void exceptionEventMidStreamIsDeliveredAndEndsTheStream() throws Exception {
        EventStream stream = open(new TestHttp2Server.Script() {
            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                if (s.events == 3) {
                    s.sendException("BadRequestException", "Your stream is too big.");
                }
            }
        });
        for (int i = 0; i < 3; i++) {
            stream.send(audioEvent(100)).get(5, TimeUnit.SECONDS);
        }
        stream.closed().get(5, TimeUnit.SECONDS);

        assertThat(received).hasSize(1);
        assertThat(received.get(0).header(":message-type").orElseThrow().asString()).isEqualTo("exception");
        assertThat(received.get(0).header(":exception-type").orElseThrow().asString())
                .isEqualTo("BadRequestException");
        assertFails(stream.send(audioEvent(10)), Kind.STREAM_CLOSED);
    }

    @Test
    void resetMidStreamFailsTheStream() throws Exception {
        EventStream stream = open(new TestHttp2Server.Script() {
            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                s.resetStream(Http2Error.INTERNAL_ERROR);
            }
        });
        stream.send(audioEvent(100)).get(5, TimeUnit.SECONDS);

        assertFails(stream.closed(), Kind.STREAM_RESET, "INTERNAL_ERROR");
    }

    /**
     * RFC 9113 section 8.1: a server may send a complete response and then RST_STREAM(NO_ERROR) to stop the
     * request. Netty hands the reset over at once, ahead of the DATA that a paused reader has not read yet; the
     * response must still arrive whole, and the stream end normally.
     */
    @Test
    void aCompleteResponseThenAResetWithNoErrorWhileReadingIsPausedEndsTheStreamNormally() throws Exception {
        EventStream stream = openPausedAndAnswer(s -> s.finish().addListener(f -> s.resetStream(Http2Error.NO_ERROR)));
        assertFails(sendUntilRefused(stream), Kind.STREAM_CLOSED, "NO_ERROR");
        assertThat(stream.closed()).isNotDone();

        stream.resumeReading();

        stream.closed().get(5, TimeUnit.SECONDS);
        assertThat(payloads()).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    /** A reset that cuts the response short still fails the stream, after what came before it has been read. */
    @Test
    void aResetBeforeTheResponseEndedFailsTheStreamAfterItsEventsAreRead() throws Exception {
        EventStream stream = openPausedAndAnswer(s -> s.resetStreamAfterWrites(Http2Error.NO_ERROR));
        sendUntilRefused(stream);

        stream.resumeReading();

        assertFails(stream.closed(), Kind.STREAM_RESET, "NO_ERROR");
        assertThat(payloads()).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    /** The connection's close overtakes the stream's unread DATA in the same way. */
    @Test
    void aCompleteResponseThenTheConnectionClosingWhileReadingIsPausedEndsTheStreamNormally() throws Exception {
        EventStream stream = openPausedAndAnswer(s -> s.finish().addListener(f -> s.dropConnection()));
        assertFails(sendUntilRefused(stream), Kind.STREAM_CLOSED);
        assertThat(stream.closed()).isNotDone();

        stream.resumeReading();

        stream.closed().get(5, TimeUnit.SECONDS);
        assertThat(payloads()).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    /**
     * The service ends the stream in time, but the caller has paused reading for longer than the drain timeout
     * (2 s here): the pause is the caller's, so the stream must not fail with DRAIN_TIMEOUT while the service's last
     * events wait unread.
     */
    @Test
    void aPauseLongerThanTheDrainTimeoutDoesNotFailTheStream() throws Exception {
        EventStream stream = openPausedAndAnswer(s -> { }, s -> {
            s.sendEvent("TranscriptEvent", "{\"n\":9}");
            s.finish();
        });
        stream.end();
        assertThat(server.awaitStream().endOfInput.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(3000);
        assertThat(stream.closed()).isNotDone();

        stream.resumeReading();

        stream.closed().get(5, TimeUnit.SECONDS);
        assertThat(payloads()).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}",
                "{\"n\":9}");
    }

    /**
     * Opens a stream, pauses its reading, and sends two events. The server answers the first with one event, which
     * takes up the read Netty had already asked for when reading was paused; it answers the second with three
     * events and then {@code then}, which wait unread in the stream's channel.
     */
    private EventStream openPausedAndAnswer(java.util.function.Consumer<ServerStream> then) throws Exception {
        return openPausedAndAnswer(then, ServerStream::finish);
    }

    /** As {@link #openPausedAndAnswer(java.util.function.Consumer)}, with what the server does at the end of input. */
    private EventStream openPausedAndAnswer(java.util.function.Consumer<ServerStream> then,
                                            java.util.function.Consumer<ServerStream> atEnd) throws Exception {
        AtomicInteger events = new AtomicInteger();
        EventStream stream = open(new TestHttp2Server.Script() {
            @Override
            public void onEndOfInput(ServerStream s) {
                atEnd.accept(s);
            }

            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                int event = events.incrementAndGet();
                if (event == 1) {
                    s.sendEvent("TranscriptEvent", "{\"n\":0}");
                } else if (event == 2) {
                    for (int n = 1; n <= 3; n++) {
                        s.sendEvent("TranscriptEvent", "{\"n\":" + n + "}");
                    }
                    then.accept(s);
                }
            }
        });
        stream.pauseReading();
        stream.send(audioEvent(100)).get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.isEmpty()) {
            assertThat(System.nanoTime()).as("the first answer arrives within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
        stream.send(audioEvent(100)).get(5, TimeUnit.SECONDS);
        return stream;
    }

    /** Sends until a send fails, which shows that the client has taken in the end the server sent; that send. */
    public static CompletableFuture<Void> sendUntilRefused(EventStream stream) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            CompletableFuture<Void> send = stream.send(audioEvent(100));
            try {
                send.get(5, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return send;
            }
            assertThat(System.nanoTime()).as("a send is refused within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private List<String> payloads() {
        synchronized (received) {
            return received.stream().map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList();
        }
    }

    @Test
    void goAwayMidStreamFailsTheStream() throws Exception {
        EventStream stream = open(new TestHttp2Server.Script() {
            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                s.goAway(Http2Error.ENHANCE_YOUR_CALM, 0);
            }
        });
        stream.send(audioEvent(100)).get(5, TimeUnit.SECONDS);

        assertFails(stream.closed(), Kind.GOAWAY, "ENHANCE_YOUR_CALM");
    }

    @Test
    void droppedConnectionFailsTheStream() throws Exception {
        EventStream stream = open(new TestHttp2Server.Script() {
            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                s.dropConnection();
            }
        });
        stream.send(audioEvent(100)).get(5, TimeUnit.SECONDS);

        assertFails(stream.closed(), Kind.CONNECTION_CLOSED);
    }

    @Test
    void malformedEventStreamDataFailsTheStream() throws Exception {
        EventStream stream = open(new TestHttp2Server.Script() {
            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                s.sendRaw(new byte[] {0, 0, 0, 0x10, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0});
            }
        });
        stream.send(audioEvent(100)).get(5, TimeUnit.SECONDS);

        assertFails(stream.closed(), Kind.PROTOCOL_ERROR, "PRELUDE_CHECKSUM_MISMATCH");
    }

    @Test
    void errorStatusWhoseBodyNeverEndsIsReportedWithinTheResponseTimeout() {
        server = new TestHttp2Server(new TestHttp2Server.Script() {
            @Override
            public void onRequest(ServerStream s) {
                s.rejectAndStall(429, "LimitExceededException");
            }
        });
        transport.close();
        transport = Http2Transport.builder().responseTimeout(Duration.ofMillis(300)).build();
        long start = System.nanoTime();
        CompletableFuture<EventStream> opening = transport.open(request(server.uri(), TestHttp2Server.CREDENTIALS),
                this::collect);

        assertThatThrownBy(() -> opening.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(StreamRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.errorType()).isEqualTo("LimitExceededException");
                    assertThat(e.response().requestId()).isEqualTo("req-stalled");
                    assertThat(new String(e.body(), java.nio.charset.StandardCharsets.UTF_8))
                            .isEqualTo("{\"Message\":\"part");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        server = new TestHttp2Server(new TestHttp2Server.Script() {
            @Override
            public void onRequest(ServerStream s) {
                // silence
            }
        });
        transport.close();
        transport = Http2Transport.builder().responseTimeout(Duration.ofMillis(300)).build();
        long start = System.nanoTime();
        assertFails(transport.open(request(server.uri(), TestHttp2Server.CREDENTIALS), this::collect),
                Kind.RESPONSE_TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void connectionThatIsNeverAcceptedTimesOut() throws Exception {
        java.net.InetAddress loopback = java.net.InetAddress.getLoopbackAddress();
        try (ServerSocket neverAccepts = new ServerSocket(0, 1, loopback)) {
            // Fill its accept queue: the kernel then drops further SYNs, so a connect waits until it times out.
            List<Socket> fillers = new ArrayList<>();
            try {
                boolean full = false;
                for (int i = 0; i < 16 && !full; i++) {
                    Socket filler = new Socket();
                    fillers.add(filler);
                    try {
                        filler.connect(new java.net.InetSocketAddress(loopback, neverAccepts.getLocalPort()), 200);
                    } catch (java.net.SocketTimeoutException e) {
                        full = true;
                    }
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(full, "this kernel accepted every connection "
                        + "(SYN cookies?), so a connect cannot be made to wait");
                transport.close();
                transport = Http2Transport.builder().connectTimeout(Duration.ofMillis(300)).build();
                long start = System.nanoTime();
                assertFails(transport.open(request(URI.create("http://127.0.0.1:" + neverAccepts.getLocalPort()),
                        TestHttp2Server.CREDENTIALS), this::collect), Kind.CONNECT_TIMEOUT);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    /** Netty signals a TLS handshake timeout only as an event: it used to surface as a closed connection. */
    @Test
    void aTlsPeerThatNeverAnswersTheHandshakeIsAConnectTimeout() throws Exception {
        try (ServerSocket silent = silentPeer()) {
            transport.close();
            transport = Http2Transport.builder().connectTimeout(Duration.ofMillis(300)).build();
            assertFails(transport.open(request(URI.create("https://127.0.0.1:" + silent.getLocalPort()),
                    TestHttp2Server.CREDENTIALS), this::collect), Kind.CONNECT_TIMEOUT);
        }
    }

    /** A stream's callbacks run on the transport's threads; closing it from one used to wait for itself, forever. */
    @Test
    void closingTheTransportFromAStreamsCallbackReturns() throws Exception {
        server = new TestHttp2Server(new TestHttp2Server.Script() { });
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        transport.open(request(server.uri(), TestHttp2Server.CREDENTIALS), this::collect).whenComplete((s, e) -> {
            transport.close();
            closed.countDown();
        });

        assertThat(closed.await(10, TimeUnit.SECONDS)).as("close() returned").isTrue();
    }

    /** Too large to send signed in one event-stream message: that send fails at once, and the stream goes on. */
    @Test
    void aMessageOverTheEventStreamLimitFailsItsSendAndTheStreamGoesOn() throws Exception {
        transport.close();
        transport = Http2Transport.builder().maxPendingBytes(64 * 1024 * 1024).build();
        EventStream stream = open(new TestHttp2Server.Script() { });

        CompletableFuture<Void> tooBig = stream.send(ByteBuffer.allocate(24 * 1024 * 1024));

        assertThat(tooBig).isCompletedExceptionally();
        assertThatThrownBy(tooBig::join).cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("over the event-stream limit");
        stream.send(audioEvent(100)).get(5, TimeUnit.SECONDS);
        assertThat(stream.closed()).isNotDone();
    }

    /** A loopback peer that accepts one connection and says nothing on it for 5 s. */
    private static ServerSocket silentPeer() throws java.io.IOException {
        ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try (Socket ignored = silent.accept()) {
                Thread.sleep(5_000);
            } catch (Exception ignored) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return silent;
    }

    @Test
    void peerThatNeverSpeaksHttp2TimesOut() throws Exception {
        try (ServerSocket silent = silentPeer()) {
            transport.close();
            transport = Http2Transport.builder().responseTimeout(Duration.ofMillis(300)).build();
            assertFails(transport.open(request(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    TestHttp2Server.CREDENTIALS), this::collect), Kind.RESPONSE_TIMEOUT);
        }
    }

    @Test
    void anHttpsEndpointThatAnswersInPlainHttpFailsSayingSo() throws Exception {
        byte[] http = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (CannedPeer plain = new CannedPeer(http)) {
            assertFails(transport.open(request(plain.uri("https"), TestHttp2Server.CREDENTIALS), this::collect),
                    Kind.TLS_FAILED, "did not answer in TLS (an http:// endpoint?)");
        }
    }

    @Test
    void aUserAgentThatWouldSplitTheRequestIsRefused() {
        Http2Transport.Builder builder = Http2Transport.builder();

        assertThatThrownBy(() -> builder.userAgent("riffle/1\r\nx-injected: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userAgent must not contain CR");
    }

    @Test
    void refusedConnectionFails() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertFails(transport.open(request(URI.create("http://127.0.0.1:" + port), TestHttp2Server.CREDENTIALS),
                this::collect), Kind.CONNECT_FAILED);
    }

    @Test
    void unansweredPingFailsTheStream() throws Exception {
        transport.close();
        transport = Http2Transport.builder().pingInterval(Duration.ofMillis(200)).pingTimeout(Duration.ofMillis(300))
                .build();
        server = new TestHttp2Server(new TestHttp2Server.Script() { });
        try (SilenceableProxy proxy = new SilenceableProxy(server.uri())) {
            EventStream stream = transport.open(request(proxy.uri(), TestHttp2Server.CREDENTIALS), this::collect)
                    .get(5, TimeUnit.SECONDS);
            proxy.silence(); // the peer hangs: the connection stays open, nothing comes back

            assertFails(stream.closed(), Kind.IDLE_TIMEOUT, "PING");
        }
    }

    @Test
    void answeredPingsKeepAQuietStreamAlive() throws Exception {
        transport.close();
        transport = Http2Transport.builder().pingInterval(Duration.ofMillis(100)).pingTimeout(Duration.ofMillis(200))
                .build();
        EventStream stream = open(new TestHttp2Server.Script() { });
        Thread.sleep(1_000); // ten PING intervals with nothing to read
        assertThat(stream.closed()).isNotDone();
        stream.end().get(5, TimeUnit.SECONDS);
        stream.closed().get(5, TimeUnit.SECONDS);
    }

    @Test
    void serviceThatNeverEndsAfterTheEndOfInputTimesOut() throws Exception {
        transport.close();
        transport = Http2Transport.builder().drainTimeout(Duration.ofMillis(300)).build();
        EventStream stream = open(new TestHttp2Server.Script() {
            @Override
            public void onEndOfInput(ServerStream s) {
                // never ends its response
            }
        });
        stream.end().get(5, TimeUnit.SECONDS);

        assertFails(stream.closed(), Kind.DRAIN_TIMEOUT);
    }

    @Test
    void cancellationResetsTheStreamAndFailsWhatIsPending() throws Exception {
        EventStream stream = open(new TestHttp2Server.Script() { });
        stream.send(audioEvent(100)).get(5, TimeUnit.SECONDS);
        stream.cancel();

        assertFails(stream.closed(), Kind.CANCELLED);
        assertThat(server.awaitStream().reset.await(5, TimeUnit.SECONDS)).isTrue();
        assertFails(stream.send(audioEvent(10)), Kind.STREAM_CLOSED);
    }

    @Test
    void closingTheTransportCancelsItsStreamsAndRefusesNewOnes() throws Exception {
        EventStream stream = open(new TestHttp2Server.Script() { });
        assertThat(transport.openStreams()).isEqualTo(1);

        transport.close();

        assertFails(stream.closed(), Kind.CANCELLED);
        assertThat(transport.openStreams()).isZero();
        assertFails(transport.open(request(server.uri(), TestHttp2Server.CREDENTIALS), this::collect),
                Kind.STREAM_CLOSED, "the transport is closed");
    }

    /** After close(), the transport's own threads are gone: a stream's methods used to throw RejectedExecution. */
    @Test
    void aStreamsMethodsAfterItsTransportClosedFailQuietly() throws Exception {
        EventStream stream = open(new TestHttp2Server.Script() { });
        transport.close();

        stream.cancel();
        stream.pauseReading();
        stream.resumeReading();
        assertFails(stream.send(audioEvent(10)), Kind.STREAM_CLOSED);
        assertFails(stream.end(), Kind.CANCELLED);
        assertFails(stream.closed(), Kind.CANCELLED);
    }

    @Test
    void endIsWrittenAfterEverySendBeforeItAndIsIdempotent() throws Exception {
        EventStream stream = open(new TestHttp2Server.Script() { });
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sends.add(stream.send(audioEvent(1000)));
        }
        CompletableFuture<Void> end = stream.end();
        assertThat(stream.end()).isSameAs(end);
        stream.closed().get(5, TimeUnit.SECONDS);

        CompletableFuture.allOf(sends.toArray(new CompletableFuture[0])).get(5, TimeUnit.SECONDS);
        assertThat(server.awaitStream().events).isEqualTo(50);
        assertThat(server.awaitStream().verificationErrors).isEmpty();
        assertFails(stream.send(audioEvent(10)), Kind.STREAM_CLOSED);
    }

    /**
     * A slow reader: the server stops reading, the client keeps pushing. Sends stop completing, pending bytes never
     * pass the cap (a send beyond it fails at once), the allocator stays small; when the server reads again, an
     * hour of 16 kHz audio (115 MB) goes through, every event verified.
     */
    @Test
    void slowReaderKeepsClientMemoryBoundedWhileItPushesAnHourOfAudio() throws Exception {
        transport.close();
        int cap = 256 * 1024;
        transport = Http2Transport.builder().maxPendingBytes(cap).build();
        EventStream stream = open(new TestHttp2Server.Script() {
            @Override
            public void onRequest(ServerStream s) {
                s.accept();
                s.pauseReading();
            }
        });
        ServerStream s = server.awaitStream();
        ByteBuffer chunk = audioEvent(3200); // 100 ms
        int events = 36_000;
        ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
        int refused = 0;
        long maxUsed = 0;
        int sent = 0;
        boolean resumed = false;
        while (sent < events) {
            CompletableFuture<Void> send = stream.send(chunk.duplicate());
            if (send.isCompletedExceptionally()) {
                refused++;
                assertFails(send, Kind.SEND_QUEUE_FULL);
                if (!resumed) {
                    // the cap has been reached: nothing more is buffered; now let the server read slowly
                    assertThat(s.events).isLessThan(100);
                    s.resumeReading();
                    resumed = true;
                }
                inFlight.poll().get(10, TimeUnit.SECONDS);
                continue;
            }
            inFlight.add(send);
            sent++;
            if (inFlight.size() > 200) {
                inFlight.poll().get(10, TimeUnit.SECONDS);
            }
            if (sent % 1000 == 0) {
                maxUsed = Math.max(maxUsed, PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory()
                        + PooledByteBufAllocator.DEFAULT.metric().usedHeapMemory());
            }
        }
        for (CompletableFuture<Void> f : inFlight) {
            f.get(10, TimeUnit.SECONDS);
        }
        stream.end().get(10, TimeUnit.SECONDS);
        stream.closed().get(30, TimeUnit.SECONDS);

        assertThat(refused).isPositive();
        assertThat(s.events).isEqualTo(events);
        assertThat(s.innerBytes).isEqualTo((long) events * chunk.remaining());
        assertThat(s.verificationErrors).isEmpty();
        assertThat(maxUsed).as("pooled bytes in use").isLessThan(32L << 20);
    }

    /** {@code future} fails with a TransportException of {@code kind} whose message has every part. */
    public static void assertFails(CompletableFuture<?> future, Kind kind, String... messageParts) {
        Throwable cause;
        try {
            future.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected " + kind + " but the future completed normally");
        } catch (ExecutionException | CompletionException e) {
            cause = e.getCause();
        } catch (Exception e) {
            throw new AssertionError("expected " + kind + " but got " + e, e);
        }
        assertThat(cause).isInstanceOf(TransportException.class);
        assertThat(((TransportException) cause).kind()).as(cause.getMessage()).isEqualTo(kind);
        for (String part : messageParts) {
            assertThat(cause.getMessage()).contains(part);
        }
    }
}
