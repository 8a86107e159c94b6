package dev.riffle.benchmarks.load;

import dev.riffle.cli.bench.LoadClient;
import dev.riffle.cli.bench.LoadStream;
import dev.riffle.cli.bench.StreamSpec;
import dev.riffle.cli.bench.TranscriptSink;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.Http2Configuration;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.transcribestreaming.TranscribeStreamingAsyncClient;
import software.amazon.awssdk.services.transcribestreaming.model.Alternative;
import software.amazon.awssdk.services.transcribestreaming.model.Item;
import software.amazon.awssdk.services.transcribestreaming.model.ItemType;
import software.amazon.awssdk.services.transcribestreaming.model.MediaEncoding;
import software.amazon.awssdk.services.transcribestreaming.model.Result;
import software.amazon.awssdk.services.transcribestreaming.model.StartStreamTranscriptionRequest;
import software.amazon.awssdk.services.transcribestreaming.model.StartStreamTranscriptionResponseHandler;
import software.amazon.awssdk.services.transcribestreaming.model.TranscriptEvent;
import software.amazon.awssdk.services.transcribestreaming.model.TranscriptResultStream;

/**
 * The AWS SDK for Java v2 {@link TranscribeStreamingAsyncClient}, on its Netty HTTP/2 client, as a
 * {@link LoadClient}: the client riffle is measured against, used the way its documentation shows (a
 * {@code Publisher<AudioStream>} of AudioEvents, a response handler with an event subscriber).
 *
 * <p>The HTTP client gets one connection per stream ({@code maxStreams(1)}, as the service allows only one stream
 * per HTTP/2 connection) and as many connections as the run has streams, so its pool never queues a stream.
 */
public final class SdkLoadClient implements LoadClient {

    private final SdkAsyncHttpClient http;
    private final TranscribeStreamingAsyncClient client;

    /**
     * @param endpoint  where to send (an emulator)
     * @param streams   how many streams will be open at once
     * @param accessKey the access key id the endpoint accepts
     * @param secretKey its secret
     */
    public SdkLoadClient(URI endpoint, int streams, String accessKey, String secretKey) {
        this.http = NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP2).maxConcurrency(streams)
                .http2Configuration(Http2Configuration.builder().maxStreams(1L).build())
                .connectionAcquisitionTimeout(Duration.ofSeconds(60)).build();
        this.client = TranscribeStreamingAsyncClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .httpClient(http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        secretKey)))
                .build();
    }

    @Override
    public String name() {
        return "aws-sdk-java-v2";
    }

    @Override
    public CompletableFuture<LoadStream> open(StreamSpec spec, TranscriptSink sink) {
        StartStreamTranscriptionRequest.Builder request = StartStreamTranscriptionRequest.builder()
                .languageCode(spec.languageCode()).mediaEncoding(MediaEncoding.PCM)
                .mediaSampleRateHertz(spec.sampleRate());
        if (spec.channels() == 2) {
            request.enableChannelIdentification(true).numberOfChannels(2);
        }
        Stream stream = new Stream(new AudioEventPublisher());
        CompletableFuture<LoadStream> opened = new CompletableFuture<>();
        StartStreamTranscriptionResponseHandler handler = StartStreamTranscriptionResponseHandler.builder()
                .onResponse(response -> opened.complete(stream))
                .onError(opened::completeExceptionally)
                .subscriber(event -> deliver(event, sink))
                .build();
        stream.call = client.startStreamTranscription(request.build(), stream.audio, handler);
        stream.call.whenComplete((ok, error) -> {
            if (error != null) {
                opened.completeExceptionally(error);
                stream.completion.completeExceptionally(error);
            } else {
                stream.completion.complete(null);
            }
        });
        return opened;
    }

    /** Walks a TranscriptEvent into the sink, as {@code RiffleLoadClient} walks riffle's. */
    private static void deliver(TranscriptResultStream event, TranscriptSink sink) {
        if (!(event instanceof TranscriptEvent transcriptEvent)) {
            return;
        }
        for (Result result : transcriptEvent.transcript().results()) {
            sink.beginResult(result.resultId(), Boolean.TRUE.equals(result.isPartial()), result.channelId(),
                    result.startTime(), result.endTime());
            List<Alternative> alternatives = result.alternatives();
            if (alternatives.isEmpty()) {
                sink.endResult("");
                continue;
            }
            Alternative alternative = alternatives.get(0);
            for (Item item : alternative.items()) {
                if (item.type() != ItemType.PUNCTUATION) {
                    sink.word(item.endTime());
                }
            }
            sink.endResult(alternative.transcript() == null ? "" : alternative.transcript());
        }
    }

    @Override
    public String errorType(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        client.close();
        http.close();
    }

    /** One SDK stream: audio goes through its publisher; its completion is the SDK call's future. */
    private static final class Stream implements LoadStream {
        private final AudioEventPublisher audio;
        /** Set once the SDK call is made, which may be after its response handler has run. */
        private volatile CompletableFuture<Void> call;
        private final CompletableFuture<Void> completion = new CompletableFuture<>();

        Stream(AudioEventPublisher audio) {
            this.audio = audio;
        }

        @Override
        public CompletableFuture<Void> send(ByteBuffer pcm) {
            return audio.offer(pcm);
        }

        @Override
        public void end() {
            audio.complete();
        }

        @Override
        public void cancel() {
            audio.complete();
            CompletableFuture<Void> made = call;
            if (made != null) {
                made.cancel(true);
            }
            completion.cancel(true);
        }

        @Override
        public CompletableFuture<Void> completion() {
            return completion;
        }
    }
}
