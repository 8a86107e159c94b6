package dev.riffle.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.Credentials;
import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.TranscribeTransportException;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.EventStreamListener;
import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.StreamRejectedException;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.StreamResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the start future promises when the caller gives up on it, and when a retry cannot be made. */
class StartStreamTranscriptionTest {

    private static final StartStreamTranscriptionRequest REQUEST = StartStreamTranscriptionRequest.builder()
            .languageCode(LanguageCode.EN_US).mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(16_000).build();

    /** A stream the service accepts after the caller cancelled the start must not stay open, unowned. */
    @Test
    void aStreamThatOpensAfterTheCallerCancelledTheStartIsCancelled() {
        CompletableFuture<EventStream> opening = new CompletableFuture<>();
        ScriptedTransport transport = new ScriptedTransport(() -> opening);
        CompletableFuture<TranscriptionStream> start = client(transport, RetryPolicy.NONE)
                .startStreamTranscription(REQUEST, (TranscriptEvent event) -> { });

        start.cancel(false);
        FakeEventStream opened = new FakeEventStream(Map.of());
        opening.complete(opened);

        assertThat(opened.closed()).isCompletedExceptionally(); // FakeEventStream's cancel()
    }

    /** A retry that cannot be made must fail the start, not leave the caller waiting for good. */
    @Test
    void aRetryWhoseOpenThrowsFailsTheStartInsteadOfLeavingItPending() {
        ScriptedTransport transport = new ScriptedTransport(
                () -> CompletableFuture.failedFuture(new StreamRejectedException(new StreamResponse(503,
                        Map.of("x-amzn-errortype", "ServiceUnavailableException")),
                        "{\"Message\":\"busy\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                () -> {
                    throw new IllegalStateException("the transport is broken");
                });
        CompletableFuture<TranscriptionStream> start = client(transport,
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1)))
                .startStreamTranscription(REQUEST, (TranscriptEvent event) -> { });

        assertThatThrownBy(() -> start.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TranscribeTransportException.class)
                .hasMessageContaining("the transport is broken");
        assertThat(transport.opens).isEqualTo(2);
    }

    private static TranscribeStreamingClient client(EventStreamTransport transport, RetryPolicy retry) {
        return TranscribeStreamingClient.builder().region("us-west-2").endpoint(URI.create("http://127.0.0.1:1"))
                .credentialsProvider(() -> Credentials.of("AKIDEXAMPLE", "secret")).retryPolicy(retry)
                .transport(transport).build();
    }

    /** Answers each open with the next of its scripted results. */
    private static final class ScriptedTransport implements EventStreamTransport {
        private final Queue<Supplier<CompletableFuture<EventStream>>> answers;
        volatile int opens;

        @SafeVarargs
        ScriptedTransport(Supplier<CompletableFuture<EventStream>>... answers) {
            this.answers = new ArrayDeque<>(java.util.List.of(answers));
        }

        @Override
        public synchronized CompletableFuture<EventStream> open(StreamRequest request, EventStreamListener listener) {
            opens++;
            return answers.remove().get();
        }

        @Override
        public void close() {
        }
    }
}
