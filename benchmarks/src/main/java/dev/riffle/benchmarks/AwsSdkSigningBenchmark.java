package dev.riffle.benchmarks;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The AWS SDK for Java v2's event-stream signer on the same input as {@link SigningBenchmark}: one 3,200-byte
 * audio event per operation through {@code SigV4DataFramePublisher}, which the SDK's Transcribe client uses. The
 * signer is driven through its public API ({@link AwsV4HttpSigner#signAsync}, whose payload becomes the publisher of
 * signed frames); each operation requests one frame, which the SDK signs and encodes then.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AwsSdkSigningBenchmark {

    private Subscription frames;

    @Setup
    public void setUp(Blackhole blackhole) {
        ByteBuffer inner = SigningBenchmark.audioEvent();
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("https://transcribestreaming.us-west-2.amazonaws.com/stream-transcription"))
                .putHeader("content-type", "application/vnd.amazon.eventstream").build();
        AsyncSignRequest<AwsCredentialsIdentity> sign = AsyncSignRequest.builder(AwsCredentialsIdentity.create(
                        SigningBenchmark.CREDENTIALS.accessKeyId(), SigningBenchmark.CREDENTIALS.secretAccessKey()))
                .request(request)
                .payload(new EndlessPublisher(inner))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-west-2")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "transcribe")
                .putProperty(HttpSigner.SIGNING_CLOCK, SigningBenchmark.CLOCK)
                .build();
        Publisher<ByteBuffer> signedFrames = AwsV4HttpSigner.create().signAsync(sign).join().payload().orElseThrow();
        signedFrames.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                frames = s;
            }

            @Override
            public void onNext(ByteBuffer frame) {
                blackhole.consume(frame);
            }

            @Override
            public void onError(Throwable t) {
                throw new IllegalStateException("the SDK's signer failed", t);
            }

            @Override
            public void onComplete() {
            }
        });
    }

    /** The SDK: sign and encode one envelope. */
    @Benchmark
    public void signAwsSdk() {
        frames.request(1);
    }

    /** Emits the same inner message on every request, synchronously, forever. */
    private static final class EndlessPublisher implements Publisher<ByteBuffer> {
        private final ByteBuffer inner;

        EndlessPublisher(ByteBuffer inner) {
            this.inner = inner;
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    for (long i = 0; i < n; i++) {
                        subscriber.onNext(inner.duplicate());
                    }
                }

                @Override
                public void cancel() {
                }
            });
        }
    }
}
