package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.transcribestreaming.TranscribeStreamingAsyncClient;
import software.amazon.awssdk.services.transcribestreaming.model.AudioEvent;
import software.amazon.awssdk.services.transcribestreaming.model.AudioStream;
import software.amazon.awssdk.services.transcribestreaming.model.BadRequestException;
import software.amazon.awssdk.services.transcribestreaming.model.LanguageCode;
import software.amazon.awssdk.services.transcribestreaming.model.MediaEncoding;
import software.amazon.awssdk.services.transcribestreaming.model.StartStreamTranscriptionRequest;
import software.amazon.awssdk.services.transcribestreaming.model.StartStreamTranscriptionResponse;
import software.amazon.awssdk.services.transcribestreaming.model.StartStreamTranscriptionResponseHandler;
import software.amazon.awssdk.services.transcribestreaming.model.TranscriptEvent;
import software.amazon.awssdk.services.transcribestreaming.model.TranscribeStreamingException;

/**
 * The official AWS SDK for Java v2 {@code TranscribeStreamingAsyncClient} (Netty, HTTP/2) against the emulator,
 * over h2c and over TLS (the SDK's Netty client offers no ALPN): it must not tell the emulator from the service.
 */
@Timeout(90)
class AwsSdkConformanceTest {

    private Emulator emulator;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private TranscribeStreamingAsyncClient sdk(URI endpoint, String secret, X509Certificate trusted)
            throws Exception {
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP2)
                .connectionAcquisitionTimeout(Duration.ofSeconds(10));
        if (trusted != null) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("emulator", trusted);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            http.tlsTrustManagersProvider(factory::getTrustManagers);
        }
        SdkAsyncHttpClient httpClient = http.build();
        TranscribeStreamingAsyncClient client = TranscribeStreamingAsyncClient.builder().region(Region.US_WEST_2)
                .endpointOverride(endpoint).httpClient(httpClient)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        EmulatorConfig.EXAMPLE_ACCESS_KEY_ID, secret)))
                .build();
        closeables.add(client);
        closeables.add(httpClient);
        return client;
    }

    private static StartStreamTranscriptionRequest request(int sampleRate) {
        return StartStreamTranscriptionRequest.builder().languageCode(LanguageCode.EN_US)
                .mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(sampleRate).build();
    }

    /** What the SDK delivered to its handler. */
    static final class Received {
        final List<TranscriptEvent> events = Collections.synchronizedList(new ArrayList<>());
        volatile StartStreamTranscriptionResponse response;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        StartStreamTranscriptionResponseHandler handler() {
            return StartStreamTranscriptionResponseHandler.builder()
                    .onResponse(r -> response = r)
                    .onError(done::completeExceptionally)
                    .onComplete(() -> done.complete(null))
                    .subscriber(event -> {
                        if (event instanceof TranscriptEvent transcript) {
                            events.add(transcript);
                        }
                    })
                    .build();
        }
    }

    private Received stream(TranscribeStreamingAsyncClient client, StartStreamTranscriptionRequest request,
                            double seconds) throws Exception {
        return stream(client, request, new PacedAudio(request.mediaSampleRateHertz(), seconds));
    }

    private Received stream(TranscribeStreamingAsyncClient client, StartStreamTranscriptionRequest request,
                            Publisher<AudioStream> audio) throws Exception {
        Received received = new Received();
        client.startStreamTranscription(request, audio, received.handler()).get(60, TimeUnit.SECONDS);
        return received;
    }

    /** The finals the SDK delivered, joined in order of their start. */
    private static String finalText(Received received) {
        return Samples.normalise(received.events.stream().flatMap(e -> e.transcript().results().stream())
                .filter(r -> !r.isPartial()).sorted(java.util.Comparator.comparingDouble(
                        software.amazon.awssdk.services.transcribestreaming.model.Result::startTime))
                .map(r -> r.alternatives().get(0).transcript()).collect(java.util.stream.Collectors.joining(" ")));
    }

    private static boolean hasPartials(Received received) {
        return received.events.stream().flatMap(e -> e.transcript().results().stream())
                .anyMatch(software.amazon.awssdk.services.transcribestreaming.model.Result::isPartial);
    }

    @Test
    void sdkStreamsASampleOverH2cAndGetsItsTranscriptWithPartials() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().script(Samples.script("briefing"))
                .aheadOfRealTimeAllowance(null).build());
        Received received = stream(sdk(emulator.uri(), EmulatorConfig.EXAMPLE_SECRET_ACCESS_KEY, null),
                request(16_000), new SampleAudio(Samples.chunks("briefing")));

        assertThat(received.response.requestId()).isNotBlank();
        assertThat(received.response.sessionId()).isNotBlank();
        assertThat(received.response.mediaSampleRateHertz()).isEqualTo(16_000);
        assertThat(finalText(received)).isEqualTo(Samples.transcript("briefing"));
        assertThat(hasPartials(received)).isTrue();
        received.done.get(5, TimeUnit.SECONDS);
    }

    @Test
    void sdkStreamsASampleOverTlsWithoutAlpn() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().tls(true).script(Samples.script("recipe"))
                .aheadOfRealTimeAllowance(null).build());
        X509Certificate certificate = emulator.certificate().orElseThrow().chain().get(0);
        URI endpoint = URI.create("https://localhost:" + emulator.port());
        Received received = stream(sdk(endpoint, EmulatorConfig.EXAMPLE_SECRET_ACCESS_KEY, certificate),
                request(16_000), new SampleAudio(Samples.chunks("recipe")));

        assertThat(received.response.requestId()).isNotBlank();
        assertThat(finalText(received)).isEqualTo(Samples.transcript("recipe"));
        assertThat(hasPartials(received)).isTrue();
    }

    @Test
    void wrongSecretGetsTheSignatureError() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        TranscribeStreamingAsyncClient client = sdk(emulator.uri(), "not-the-secret", null);

        assertThatThrownBy(() -> stream(client, request(16_000), 0.5)).hasRootCauseInstanceOf(
                TranscribeStreamingException.class).rootCause().satisfies(e -> {
                    TranscribeStreamingException sdkError = (TranscribeStreamingException) e;
                    assertThat(sdkError.statusCode()).isEqualTo(403);
                    assertThat(sdkError.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    assertThat(sdkError.awsErrorDetails().errorMessage()).contains("does not match");
                });
    }

    @Test
    void badSampleRateGetsBadRequest() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        TranscribeStreamingAsyncClient client = sdk(emulator.uri(), EmulatorConfig.EXAMPLE_SECRET_ACCESS_KEY, null);

        assertThatThrownBy(() -> stream(client, request(96_000), 0.5)).rootCause()
                .isInstanceOf(BadRequestException.class).satisfies(e -> {
                    assertThat(((BadRequestException) e).statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("mediaSampleRateHertz");
                });
    }

    /** A sample's chunks as AudioEvents, on demand, as fast as the SDK asks (the emulator's pace limit is off). */
    static final class SampleAudio implements Publisher<AudioStream> {
        private final List<ByteBuffer> chunks;

        SampleAudio(List<ByteBuffer> chunks) {
            this.chunks = chunks;
        }

        @Override
        public void subscribe(Subscriber<? super AudioStream> subscriber) {
            subscriber.onSubscribe(new Subscription() {
                private int next;
                private boolean done;

                @Override
                public synchronized void request(long n) {
                    for (long i = 0; i < n && !done; i++) {
                        if (next == chunks.size()) {
                            done = true;
                            subscriber.onComplete();
                            return;
                        }
                        subscriber.onNext(AudioEvent.builder().audioChunk(SdkBytes.fromByteBuffer(
                                chunks.get(next++).duplicate())).build());
                    }
                }

                @Override
                public synchronized void cancel() {
                    done = true;
                }
            });
        }
    }

    /** Silence in 100 ms AudioEvents at real-time pace, as the SDK's samples send audio; demand-driven. */
    static final class PacedAudio implements Publisher<AudioStream> {
        private final int sampleRate;
        private final double seconds;

        PacedAudio(int sampleRate, double seconds) {
            this.sampleRate = sampleRate;
            this.seconds = seconds;
        }

        @Override
        public void subscribe(Subscriber<? super AudioStream> subscriber) {
            subscriber.onSubscribe(new Subscription() {
                private int sent;
                private boolean done;
                private final int chunks = (int) Math.round(seconds * 10);
                private final long start = System.nanoTime();

                @Override
                public synchronized void request(long n) {
                    for (long i = 0; i < n && !done; i++) {
                        if (sent == chunks) {
                            done = true;
                            subscriber.onComplete();
                            return;
                        }
                        long due = start + sent * 100_000_000L;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                        sent++;
                        byte[] chunk = new byte[sampleRate / 10 * 2];
                        subscriber.onNext(AudioEvent.builder().audioChunk(SdkBytes.fromByteBuffer(
                                ByteBuffer.wrap(chunk))).build());
                    }
                }

                @Override
                public synchronized void cancel() {
                    done = true;
                }
            });
        }
    }
}
