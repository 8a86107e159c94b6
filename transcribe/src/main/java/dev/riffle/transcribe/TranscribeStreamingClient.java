package dev.riffle.transcribe;

import dev.riffle.sigv4.CredentialsProvider;
import dev.riffle.sigv4.credentials.DefaultCredentialsProvider;
import dev.riffle.transcribe.model.ExceptionPayloadJson;
import dev.riffle.transcribe.model.MalformedPayloadException;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.TranscribeException;
import dev.riffle.transcribe.model.TranscribeExceptions;
import dev.riffle.transcribe.model.TranscribeServiceException;
import dev.riffle.transcribe.model.TranscribeTransportException;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.StreamRejectedException;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.TransportException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * A client of Amazon Transcribe Streaming ({@code StartStreamTranscription}) over any
 * {@link EventStreamTransport}: the HTTP/2 transport, or the WebSocket one, passed by value. Switching transports
 * changes nothing else.
 *
 * <pre>{@code
 * try (TranscribeStreamingClient client = TranscribeStreamingClient.builder()
 *         .region("us-west-2")
 *         .transport(Http2Transport.create())
 *         .build()) {
 *     StartStreamTranscriptionRequest request = StartStreamTranscriptionRequest.builder()
 *             .languageCode(LanguageCode.EN_US).mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(16_000)
 *             .build();
 *     TranscriptionStream stream = client.startStreamTranscription(request, event -> print(event)).join();
 *     ... stream.sendAudio(chunk).join() ... stream.end(); stream.completion().join();
 * }
 * }</pre>
 *
 * <p>The request is validated with the service's rules before anything is sent. Opening is retried, with jittered
 * backoff, only when the service refused it transiently (429, 500, 503; see {@link RetryPolicy}); never once the
 * stream has started. Thread-safe; one client serves many streams.
 */
public final class TranscribeStreamingClient implements AutoCloseable {

    /** The SigV4 signing name, not the endpoint prefix {@code transcribestreaming}. */
    public static final String SIGNING_NAME = "transcribe";
    /** The HTTP/2 path of StartStreamTranscription. */
    public static final String PATH = "/stream-transcription";

    private final EventStreamTransport transport;
    private final URI endpoint;
    private final String region;
    private final CredentialsProvider credentials;
    private final RetryPolicy retryPolicy;
    private final Executor executor;

    private TranscribeStreamingClient(Builder b) {
        this.transport = Objects.requireNonNull(b.transport, "transport");
        if (b.region == null) {
            throw new IllegalArgumentException("a region is required (it is part of every signature)");
        }
        this.region = b.region;
        this.endpoint = b.endpoint != null ? StreamRequest.requireUsableEndpoint(b.endpoint)
                : Endpoints.forRegion(b.region);
        this.credentials = b.credentials != null ? b.credentials : DefaultCredentialsProvider.create();
        this.retryPolicy = b.retryPolicy;
        this.executor = b.executor;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a transcription whose events go to {@code handler}, on the transport's I/O thread.
     *
     * @return completes when the service has accepted the stream; exceptionally with a
     *     {@link TranscribeException}: a typed service exception (400, 403, 409, 429, 500, 503) with the service's
     *     message and request id, or a {@link TranscribeTransportException}
     * @throws dev.riffle.transcribe.model.InvalidRequestException if the request breaks a rule of the service
     */
    public CompletableFuture<TranscriptionStream> startStreamTranscription(StartStreamTranscriptionRequest request,
                                                                          TranscriptResultStreamHandler handler) {
        return start(request.validate(), Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Starts a transcription whose events are read from {@link TranscriptionStream#events()}, with backpressure.
     *
     * @see #startStreamTranscription(StartStreamTranscriptionRequest, TranscriptResultStreamHandler)
     */
    public CompletableFuture<TranscriptionStream> startStreamTranscription(StartStreamTranscriptionRequest request) {
        return start(request.validate(), null);
    }

    private CompletableFuture<TranscriptionStream> start(StartStreamTranscriptionRequest request,
                                                         TranscriptResultStreamHandler handler) {
        StreamRequest streamRequest = StreamRequest.builder().endpoint(endpoint).path(PATH)
                .headers(request.toHeaders()).service(SIGNING_NAME).region(region).credentials(credentials).build();
        CompletableFuture<TranscriptionStream> result = new CompletableFuture<>();
        attempt(1, request, streamRequest, handler, result);
        return result;
    }

    private void attempt(int attempt, StartStreamTranscriptionRequest request, StreamRequest streamRequest,
                         TranscriptResultStreamHandler handler, CompletableFuture<TranscriptionStream> result) {
        if (result.isDone()) {
            return; // the caller cancelled (or timed out) the start while a retry was waiting
        }
        DefaultTranscriptionStream stream = new DefaultTranscriptionStream(request, handler, executor);
        open(streamRequest, stream).whenComplete((opened, failure) -> {
            try {
                if (failure == null) {
                    stream.attach(opened);
                    if (!result.complete(stream)) {
                        opened.cancel(); // nobody will ever send to it or end it
                    }
                    return;
                }
                TranscribeException error = toTranscribeException(DefaultTranscriptionStream.unwrap(failure), null);
                if (error.isRetryable() && attempt < retryPolicy.maxAttempts() && !result.isDone()) {
                    Duration delay = retryPolicy.delayAfter(attempt);
                    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor)
                            .execute(() -> attempt(attempt + 1, request, streamRequest, handler, result));
                } else {
                    result.completeExceptionally(error);
                }
            } catch (RuntimeException e) { // a rejected retry, say: the caller must not wait forever
                if (opened != null) {
                    opened.cancel();
                }
                result.completeExceptionally(new TranscribeTransportException("cannot start the stream: " + e,
                        null, e));
            }
        });
    }

    /** The transport's open, with a synchronous throw (a transport's bug, a rejected task) as a failed stage. */
    private CompletableFuture<EventStream> open(StreamRequest streamRequest, DefaultTranscriptionStream stream) {
        try {
            return transport.open(streamRequest, stream::onMessage);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The typed exception for a transport's failure: a service refusal by its type, or a transport failure. */
    static TranscribeException toTranscribeException(Throwable failure, String requestId) {
        if (failure instanceof TranscribeException e) {
            return e;
        }
        if (failure instanceof StreamRejectedException rejected) {
            return fromRejection(rejected);
        }
        if (failure instanceof TransportException e) {
            return new TranscribeTransportException(e.getMessage(), requestId, e);
        }
        return new TranscribeTransportException(String.valueOf(failure), requestId, failure);
    }

    private static TranscribeServiceException fromRejection(StreamRejectedException rejected) {
        String requestId = rejected.response().requestId();
        String typeHeader = rejected.response().header("x-amzn-errortype");
        byte[] body = rejected.body();
        try {
            return TranscribeExceptions.fromErrorResponse(typeHeader, ExceptionPayloadJson.parse(body, 0, body.length),
                    requestId, rejected.status());
        } catch (MalformedPayloadException e) {
            // Not JSON (a proxy's HTML page, say): keep the status and say what came back.
            return TranscribeExceptions.fromService(typeHeader != null ? typeHeader : "HTTP" + rejected.status(),
                    "HTTP " + rejected.status() + ": " + ResponseMessages.oneLineStart(body, body.length), requestId,
                    rejected.status());
        }
    }

    /** The endpoint this client opens streams on. */
    public URI endpoint() {
        return endpoint;
    }

    /** Closes the transport. */
    @Override
    public void close() {
        transport.close();
    }

    /** Builds a {@link TranscribeStreamingClient}. */
    public static final class Builder {
        private EventStreamTransport transport;
        private URI endpoint;
        private String region;
        private CredentialsProvider credentials;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Executor executor = ForkJoinPool.commonPool();

        private Builder() {
        }

        /** The transport, for example {@code Http2Transport.create()}; the client closes it. Required. */
        public Builder transport(EventStreamTransport transport) {
            this.transport = transport;
            return this;
        }

        /** The region: it scopes every signature, and gives the endpoint unless one is set. Required. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Another endpoint than the region's: a local emulator ({@code http://127.0.0.1:8080}), a proxy. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** Where credentials come from; by default the AWS SDKs' chain (properties, environment, profile). */
        public Builder credentialsProvider(CredentialsProvider provider) {
            this.credentials = provider;
            return this;
        }

        /** How opening is retried; {@link RetryPolicy#DEFAULT} by default. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where {@link TranscriptionStream#events()} subscribers are called; the common pool by default. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException if the region is missing or not a region name (without an endpoint), or
         *     the endpoint is unusable (see {@link StreamRequest#requireUsableEndpoint}); the transport then stays
         *     the caller's to close
         */
        public TranscribeStreamingClient build() {
            return new TranscribeStreamingClient(this);
        }
    }
}
