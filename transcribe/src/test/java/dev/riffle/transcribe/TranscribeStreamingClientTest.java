package dev.riffle.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.eventstream.MessageView;
import dev.riffle.sigv4.Credentials;
import dev.riffle.transcribe.model.Alternative;
import dev.riffle.transcribe.model.BadRequestException;
import dev.riffle.transcribe.model.ConflictException;
import dev.riffle.transcribe.model.FinalResults;
import dev.riffle.transcribe.model.ForbiddenException;
import dev.riffle.transcribe.model.InvalidRequestException;
import dev.riffle.transcribe.model.Item;
import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.LimitExceededException;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.TranscribeException;
import dev.riffle.transcribe.model.TranscribeServiceException;
import dev.riffle.transcribe.model.TranscribeTransportException;
import dev.riffle.transcribe.model.Transcript;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transcribe.model.TranscriptEventJson;
import dev.riffle.transport.http2.Http2Transport;
import dev.riffle.transport.http2.TestHttp2Server;
import dev.riffle.transport.http2.TestHttp2Server.ServerStream;
import io.netty.handler.codec.http2.Http2Error;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Transcribe client over the real HTTP/2 transport, against a scripted h2c server on loopback that verifies
 * every signature.
 */
@Timeout(60)
class TranscribeStreamingClientTest {

    private static final StartStreamTranscriptionRequest REQUEST = StartStreamTranscriptionRequest.builder()
            .languageCode(LanguageCode.EN_US).mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(16_000)
            .build();

    private TestHttp2Server server;
    private TranscribeStreamingClient client;
    private final List<TranscriptEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<TranscribeException> errors = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch completed = new CountDownLatch(1);
    private final TranscriptResultStreamHandler handler = new TranscriptResultStreamHandler() {
        @Override
        public void handleTranscriptEvent(TranscriptEvent event) {
            events.add(event);
        }

        @Override
        public void handleError(TranscribeException error) {
            errors.add(error);
            completed.countDown();
        }

        @Override
        public void handleCompletion() {
            completed.countDown();
        }
    };

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(TestHttp2Server.Script script, RetryPolicy retry) {
        server = new TestHttp2Server(script);
        client = TranscribeStreamingClient.builder().region("us-west-2").endpoint(server.uri())
                .credentialsProvider(() -> TestHttp2Server.CREDENTIALS).retryPolicy(retry)
                .transport(Http2Transport.builder().drainTimeout(Duration.ofSeconds(3)).build()).build();
    }

    /** A partial or final result of a segment whose words are {@code words}. */
    static String resultJson(String id, boolean partial, String... words) {
        List<Item> items = new ArrayList<>();
        double t = 0.1;
        for (String word : words) {
            items.add(new Item(t, t + 0.3, "pronunciation", word, false, null, partial ? null : 0.9,
                    partial ? Boolean.TRUE : null));
            t += 0.35;
        }
        Result result = new Result(id, 0.1, t, partial, null, null, List.of(),
                List.of(new Alternative(String.join(" ", words), items, List.of())));
        return new String(TranscriptEventJson.toBytes(new TranscriptEvent(new Transcript(List.of(result)))),
                StandardCharsets.UTF_8);
    }

    /** Answers each audio event with a growing partial, and the end of input with the final. */
    static final class Transcriber implements TestHttp2Server.Script {
        private final String[] words = {"hello", "from", "the", "riffle", "client"};

        @Override
        public void onEvent(ServerStream s, MessageView inner) {
            int n = Math.min(s.events, words.length);
            s.sendEvent("TranscriptEvent", resultJson("seg-1", true, java.util.Arrays.copyOf(words, n)));
        }

        @Override
        public void onEndOfInput(ServerStream s) {
            s.sendEvent("TranscriptEvent", resultJson("seg-1", false, words));
            s.finish();
        }
    }

    private static ByteBuffer audio(int millis) {
        return ByteBuffer.wrap(new byte[16 * 2 * millis]);
    }

    @Test
    void handlerReceivesPartialsThenTheFinal() throws Exception {
        start(new Transcriber(), RetryPolicy.NONE);
        TranscriptionStream stream = client.startStreamTranscription(REQUEST, handler).get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) {
            stream.sendAudio(audio(100)).get(5, TimeUnit.SECONDS);
        }
        stream.end();
        stream.completion().get(5, TimeUnit.SECONDS);

        assertThat(completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).isEmpty();
        assertThat(events).hasSize(6);
        assertThat(events).allSatisfy(e -> assertThat(e.transcript().results().get(0).resultId()).isEqualTo("seg-1"));
        assertThat(events.get(2).transcript().results().get(0).alternatives().get(0).transcript())
                .isEqualTo("hello from the");
        FinalResults finals = new FinalResults();
        events.forEach(finals::addAll);
        assertThat(finals.results()).singleElement().satisfies(r -> {
            assertThat(r.isPartial()).isFalse();
            assertThat(r.alternatives().get(0).transcript()).isEqualTo("hello from the riffle client");
        });
        ServerStream s = server.awaitStream();
        assertThat(s.verificationErrors).isEmpty();
        assertThat(s.events).isEqualTo(5);
        assertThat(s.innerBytes).isEqualTo(5L * (3200 + 16 + DefaultTranscriptionStream.AUDIO_EVENT_HEADERS.length()));
        assertThat(s.requestHeaders.get("x-amzn-transcribe-sample-rate").toString()).isEqualTo("16000");
        assertThat(stream.response().requestId()).isPresent();
    }

    @Test
    void publisherDeliversEveryEventInOrderToASlowLateSubscriber() throws Exception {
        int count = 2000;
        start(new TestHttp2Server.Script() {
            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                for (int i = 0; i < count; i++) { // far more than the publisher's high-water mark
                    s.sendEvent("TranscriptEvent", resultJson("seg-" + i, false, "word" + i));
                }
            }
        }, RetryPolicy.NONE);
        TranscriptionStream stream = client.startStreamTranscription(REQUEST).get(5, TimeUnit.SECONDS);
        stream.sendAudio(audio(100)).get(5, TimeUnit.SECONDS);
        Thread.sleep(300); // events arrive before anyone subscribes: they must be kept, boundedly
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> done = new CompletableFuture<>();
        stream.events().subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(TranscriptEvent item) {
                ids.add(item.transcript().results().get(0).resultId());
                if (ids.size() == count) {
                    stream.end();
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(30, TimeUnit.SECONDS);

        assertThat(ids).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(ids.get(i)).isEqualTo("seg-" + i);
        }
        stream.completion().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aSecondSubscriberIsRefused() throws Exception {
        start(new Transcriber(), RetryPolicy.NONE);
        TranscriptionStream stream = client.startStreamTranscription(REQUEST).get(5, TimeUnit.SECONDS);
        stream.events().subscribe(new CollectingSubscriber());
        CollectingSubscriber second = new CollectingSubscriber();
        stream.events().subscribe(second);
        assertThat(second.error.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        stream.cancel();
    }

    @ParameterizedTest
    @CsvSource({"400,BadRequestException", "409,ConflictException", "403,InvalidSignatureException"})
    void nonRetryableRefusalsAreTypedAndNotRetried(int status, String type) {
        AtomicInteger attempts = new AtomicInteger();
        start(new TestHttp2Server.Script() {
            @Override
            public void onRequest(ServerStream s) {
                attempts.incrementAndGet();
                s.reject(status, type, "refused: " + type);
            }
        }, RetryPolicy.DEFAULT);

        TranscribeException e = failure(client.startStreamTranscription(REQUEST, handler));

        assertThat(attempts).hasValue(1);
        assertThat(e).isInstanceOf(switch (status) {
            case 400 -> BadRequestException.class;
            case 409 -> ConflictException.class;
            default -> ForbiddenException.class;
        });
        assertThat(e.errorType()).isEqualTo(type);
        assertThat(e.errorMessage()).isEqualTo("refused: " + type);
        assertThat(e.requestId()).hasValue("req-" + status);
        assertThat(e.getMessage()).contains(type).contains("refused: " + type).contains("req-" + status);
    }

    @Test
    void aProxysHtmlPageBecomesOneLineNamingTheStatus() {
        String page = "<html>\n  <head><title>502 Bad Gateway</title></head>\n  <body>\n"
                + "    <h1>Bad Gateway</h1>\n" + "    <p>padding</p>\n".repeat(40) + "  </body>\n</html>\n";
        start(new TestHttp2Server.Script() {
            @Override
            public void onRequest(ServerStream s) {
                s.rejectWithPage(502, "text/html", page);
            }
        }, RetryPolicy.NONE);

        TranscribeException e = failure(client.startStreamTranscription(REQUEST, handler));

        assertThat(e.errorType()).isEqualTo("HTTP502");
        assertThat(e.errorMessage()).startsWith("HTTP 502: <html> <head><title>502 Bad Gateway</title></head> <body>")
                .doesNotContain("\n").hasSizeLessThanOrEqualTo("HTTP 502: ".length() + 200);
    }

    @ParameterizedTest
    @CsvSource({"429,LimitExceededException", "500,InternalFailureException", "503,ServiceUnavailableException"})
    void transientRefusalsAreRetriedWithTheWholeRequest(int status, String type) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        start(new TestHttp2Server.Script() {
            @Override
            public void onRequest(ServerStream s) {
                if (attempts.incrementAndGet() < 3) {
                    s.reject(status, type, "try again");
                } else {
                    s.accept();
                }
            }
        }, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));
        StartStreamTranscriptionRequest full = REQUEST.toBuilder().sessionId("3f2504e0-4f89-11d3-9a0c-0305e82c3301")
                .showSpeakerLabel(true).build();

        TranscriptionStream stream = client.startStreamTranscription(full, handler).get(5, TimeUnit.SECONDS);

        assertThat(attempts).hasValue(3);
        assertThat(server.streams).hasSize(3).allSatisfy(s -> {
            assertThat(s.requestHeaders.get("x-amzn-transcribe-session-id").toString())
                    .isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
            assertThat(s.requestHeaders.get("x-amzn-transcribe-show-speaker-label").toString()).isEqualTo("true");
        });
        stream.cancel();
    }

    @Test
    void transientRefusalsGiveUpAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        start(new TestHttp2Server.Script() {
            @Override
            public void onRequest(ServerStream s) {
                attempts.incrementAndGet();
                s.reject(429, "LimitExceededException", "You have reached your limit of concurrent streams, 5.");
            }
        }, new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20)));

        assertThat(failure(client.startStreamTranscription(REQUEST, handler)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("limit of concurrent streams");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void exceptionMidStreamFailsTheStreamWithItsTypeAndIsNotRetried() throws Exception {
        start(new TestHttp2Server.Script() {
            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                s.sendEvent("TranscriptEvent", resultJson("a", true, "x"));
                s.sendException("BadRequestException",
                        "Your stream is too big. Reduce the frame size and try your request again.");
            }
        }, RetryPolicy.DEFAULT);
        TranscriptionStream stream = client.startStreamTranscription(REQUEST, handler).get(5, TimeUnit.SECONDS);
        stream.sendAudio(audio(100)).get(5, TimeUnit.SECONDS);

        assertThat(failure(stream.completion())).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Your stream is too big");
        assertThat(completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(errors).singleElement().isInstanceOf(BadRequestException.class);
        assertThat(events).hasSize(1);
        assertThat(server.streams).hasSize(1);
    }

    @Test
    void genericErrorMessageBecomesAServiceException() throws Exception {
        start(new TestHttp2Server.Script() {
            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                s.send(errorMessage("InternalError", "something broke"));
                s.finish();
            }
        }, RetryPolicy.NONE);
        TranscriptionStream stream = client.startStreamTranscription(REQUEST, handler).get(5, TimeUnit.SECONDS);
        stream.sendAudio(audio(100)).get(5, TimeUnit.SECONDS);

        TranscribeException e = failure(stream.completion());
        assertThat(e).isInstanceOf(TranscribeServiceException.class);
        assertThat(e.errorType()).isEqualTo("InternalError");
        assertThat(e.errorMessage()).isEqualTo("something broke");
    }

    @Test
    void transportFailureMidStreamIsATransportException() throws Exception {
        start(new TestHttp2Server.Script() {
            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                s.resetStream(Http2Error.INTERNAL_ERROR);
            }
        }, RetryPolicy.DEFAULT);
        TranscriptionStream stream = client.startStreamTranscription(REQUEST).get(5, TimeUnit.SECONDS);
        stream.sendAudio(audio(100)).get(5, TimeUnit.SECONDS);

        assertThat(failure(stream.completion())).isInstanceOf(TranscribeTransportException.class)
                .hasMessageContaining("STREAM_RESET");
    }

    @Test
    void malformedTranscriptJsonIsReportedAndEndsTheStream() throws Exception {
        start(new TestHttp2Server.Script() {
            @Override
            public void onEvent(ServerStream s, MessageView inner) {
                s.sendEvent("TranscriptEvent", "{\"Transcript\": [oops");
            }
        }, RetryPolicy.NONE);
        TranscriptionStream stream = client.startStreamTranscription(REQUEST, handler).get(5, TimeUnit.SECONDS);
        stream.sendAudio(audio(100)).get(5, TimeUnit.SECONDS);

        assertThat(failure(stream.completion())).isInstanceOf(TranscribeTransportException.class)
                .hasMessageContaining("malformed event");
    }

    @Test
    void invalidRequestIsRefusedBeforeAnythingIsSent() {
        start(new Transcriber(), RetryPolicy.NONE);
        StartStreamTranscriptionRequest bad = REQUEST.toBuilder().mediaSampleRateHertz(96_000).build();

        assertThatThrownBy(() -> client.startStreamTranscription(bad, handler))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("mediaSampleRateHertz").hasMessageContaining("48000");
        assertThat(server.streams).isEmpty();
    }

    @Test
    void moreThanOneSecondOfPcmInOneEventIsRefused() throws Exception {
        start(new Transcriber(), RetryPolicy.NONE);
        TranscriptionStream stream = client.startStreamTranscription(REQUEST, handler).get(5, TimeUnit.SECONDS);

        stream.sendAudio(audio(1000)).get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> stream.sendAudio(ByteBuffer.wrap(new byte[32_002])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1 s of audio");
        stream.cancel();
    }

    @Test
    void anUnusableEndpointIsRefusedWhenTheClientIsBuiltAndItsPasswordIsNotQuoted() {
        try (Http2Transport transport = Http2Transport.create()) {
            TranscribeStreamingClient.Builder withPassword = TranscribeStreamingClient.builder().region("us-west-2")
                    .transport(transport).endpoint(URI.create("http://user:hunter2@127.0.0.1:8080"));
            TranscribeStreamingClient.Builder withoutPort = TranscribeStreamingClient.builder().region("us-west-2")
                    .transport(transport).endpoint(URI.create("http://127.0.0.1:99999"));

            assertThatThrownBy(withPassword::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("user information")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
            assertThatThrownBy(withoutPort::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("port must be 1 to 65535, was 99999");
        }
    }

    @Test
    void wrongCredentialsAreRefusedWithTheSignatureError() {
        server = new TestHttp2Server(new Transcriber());
        client = TranscribeStreamingClient.builder().region("us-west-2").endpoint(server.uri())
                .credentialsProvider(() -> Credentials.of("AKIDEXAMPLE", "wrong")).transport(Http2Transport.create())
                .build();

        assertThat(failure(client.startStreamTranscription(REQUEST, handler))).isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("InvalidSignatureException"));
    }

    static ByteBuffer errorMessage(String code, String text) {
        dev.riffle.eventstream.HeaderBlock headers = new dev.riffle.eventstream.HeaderBlock()
                .addString(":message-type", "error").addString(":error-code", code).addString(":error-message", text);
        ByteBuffer out = ByteBuffer.allocate(dev.riffle.eventstream.MessageEncoder.encodedLength(headers.length(), 0));
        new dev.riffle.eventstream.MessageEncoder().encode(headers, ByteBuffer.allocate(0), out);
        return out.flip();
    }

    static TranscribeException failure(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TranscribeException.class);
            return (TranscribeException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    /** Records the error a refused subscriber gets. */
    static final class CollectingSubscriber implements Flow.Subscriber<TranscriptEvent> {
        final CompletableFuture<Throwable> error = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(TranscriptEvent item) {
        }

        @Override
        public void onError(Throwable t) {
            error.complete(t);
        }

        @Override
        public void onComplete() {
        }
    }
}
