package dev.riffle.cli.bench;

import dev.riffle.cli.TransportChoice;
import dev.riffle.emulator.EmulatorConfig;
import dev.riffle.sigv4.Credentials;
import dev.riffle.transcribe.RetryPolicy;
import dev.riffle.transcribe.TranscribeStreamingClient;
import dev.riffle.transcribe.TranscriptResultStreamHandler;
import dev.riffle.transcribe.TranscriptionStream;
import dev.riffle.transcribe.model.Alternative;
import dev.riffle.transcribe.model.Item;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.TranscribeException;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transport.StreamRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** riffle's {@link TranscribeStreamingClient} as a {@link LoadClient}. */
public final class RiffleLoadClient implements LoadClient {

    private final TranscribeStreamingClient client;

    /** Drives {@code client}, which this closes. */
    public RiffleLoadClient(TranscribeStreamingClient client) {
        this.client = client;
    }

    /**
     * riffle's client for a load run against {@code endpoint}: signing with the emulator's example credentials, in
     * us-east-1, with no retries (a load run counts failures; it does not hide them).
     *
     * @param trusted certificates to trust for an https endpoint, besides the JDK's
     * @throws IllegalArgumentException if the endpoint is unusable ({@link StreamRequest#requireUsableEndpoint})
     */
    public static RiffleLoadClient forEndpoint(URI endpoint, TransportChoice transport,
                                               List<X509Certificate> trusted) {
        StreamRequest.requireUsableEndpoint(endpoint); // before the transport exists, so a refusal leaks no threads
        Credentials example = Credentials.of(EmulatorConfig.EXAMPLE_ACCESS_KEY_ID,
                EmulatorConfig.EXAMPLE_SECRET_ACCESS_KEY);
        return new RiffleLoadClient(TranscribeStreamingClient.builder().transport(transport.create(trusted))
                .region("us-east-1").retryPolicy(RetryPolicy.NONE).endpoint(endpoint)
                .credentialsProvider(() -> example).build());
    }

    @Override
    public String name() {
        return "riffle";
    }

    @Override
    public CompletableFuture<LoadStream> open(StreamSpec spec, TranscriptSink sink) {
        StartStreamTranscriptionRequest.Builder request = StartStreamTranscriptionRequest.builder()
                .mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(spec.sampleRate())
                .parameter(dev.riffle.transcribe.model.RequestParameter.LANGUAGE_CODE, spec.languageCode());
        if (spec.channels() == 2) {
            request.enableChannelIdentification(true).numberOfChannels(2);
        }
        return client.startStreamTranscription(request.build(), new SinkHandler(sink)).thenApply(Stream::new);
    }

    @Override
    public String errorType(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof TranscribeException typed ? typed.errorType() : cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        client.close();
    }

    /** Walks each event into the sink without copying it. */
    private record SinkHandler(TranscriptSink sink) implements TranscriptResultStreamHandler {
        @Override
        public void handleTranscriptEvent(TranscriptEvent event) {
            List<Result> results = event.transcript().results();
            for (int r = 0; r < results.size(); r++) {
                Result result = results.get(r);
                sink.beginResult(result.resultId(), result.isPartial(), result.channelId(), result.startTime(),
                        result.endTime());
                if (result.alternatives().isEmpty()) {
                    sink.endResult("");
                    continue;
                }
                Alternative alternative = result.alternatives().get(0);
                List<Item> items = alternative.items();
                for (int i = 0; i < items.size(); i++) {
                    if (!items.get(i).isPunctuation()) {
                        sink.word(items.get(i).endTime());
                    }
                }
                sink.endResult(alternative.transcript() == null ? "" : alternative.transcript());
            }
        }
    }

    private record Stream(TranscriptionStream stream) implements LoadStream {
        @Override
        public CompletableFuture<Void> send(ByteBuffer audio) {
            return stream.sendAudio(audio);
        }

        @Override
        public void end() {
            stream.end();
        }

        @Override
        public void cancel() {
            stream.cancel();
        }

        @Override
        public CompletableFuture<Void> completion() {
            return stream.completion();
        }
    }
}
