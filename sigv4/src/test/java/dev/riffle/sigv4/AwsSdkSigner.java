package dev.riffle.sigv4;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The reference side of {@link AwsSdkDifferentialTest}: the AWS SDK for Java v2's own signer, driven through its
 * public API only, as the SDK's Transcribe Streaming client drives it.
 *
 * <p>{@link AwsV4HttpSigner#signAsync} signs the request's headers and, because the request's
 * {@code content-type} is {@code application/vnd.amazon.eventstream}, returns the body as a publisher of signed
 * frames (the SDK's {@code SigV4DataFramePublisher}, loaded from {@code http-auth-aws-eventstream}) chained from that
 * request signature, with the empty end frame appended after the last event.
 *
 * <p>That publisher reads {@link HttpSigner#SIGNING_CLOCK} once per frame, when the frame passes through. To
 * decide the time of each frame the test therefore feeds events one per {@code request(1)}, synchronously, and
 * sets the clock before each request: {@link #signChain} refuses to go on if a frame does not come back within its
 * request, since its time would then be unknown.
 */
final class AwsSdkSigner {

    private AwsSdkSigner() {
    }

    /** What the SDK sent: the signed request, and every frame of the body in order, the end frame last. */
    record SignedChain(SdkHttpRequest request, List<byte[]> frames) {
    }

    /**
     * Signs {@code request}'s headers at {@code clock}'s time, and no body.
     */
    static SdkHttpRequest signHeaders(Credentials credentials, String region, String service,
                                      SdkHttpRequest request, Clock clock) {
        return signAsync(credentials, region, service, request, clock, null).request();
    }

    /**
     * Signs {@code request} at {@code requestTime}, then the body {@code events} (encoded inner messages), event
     * {@code i} at {@code frameTimes.get(i)} and the end frame at the last of {@code frameTimes}.
     *
     * @param clock the SDK's signing clock; this method moves it
     */
    static SignedChain signChain(Credentials credentials, String region, String service, SdkHttpRequest request,
                                 TestClock clock, Instant requestTime, List<ByteBuffer> events,
                                 List<Instant> frameTimes) {
        if (frameTimes.size() != events.size() + 1) {
            throw new IllegalArgumentException("one time per event and one for the end frame");
        }
        clock.set(requestTime);
        AsyncSignedRequest signed = signAsync(credentials, region, service, request, clock,
                new OnePerRequestPublisher(events));
        FrameCollector frames = new FrameCollector();
        signed.payload().orElseThrow().subscribe(frames);
        for (Instant time : frameTimes) {
            clock.set(time);
            frames.requestOne();
        }
        if (!frames.completed) {
            throw new IllegalStateException("the SDK's frame publisher did not complete after the end frame");
        }
        return new SignedChain(signed.request(), frames.frames);
    }

    private static AsyncSignedRequest signAsync(Credentials credentials, String region, String service,
                                                SdkHttpRequest request, Clock clock, Publisher<ByteBuffer> body) {
        AsyncSignRequest.Builder<AwsCredentialsIdentity> sign = AsyncSignRequest.builder(identity(credentials))
                .request(request)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock);
        if (body != null) {
            sign.payload(body);
        }
        // Nothing in the SDK's path is asynchronous: the future is complete when signAsync returns.
        return AwsV4HttpSigner.create().signAsync(sign.build()).join();
    }

    private static AwsCredentialsIdentity identity(Credentials credentials) {
        return credentials.sessionToken()
                .<AwsCredentialsIdentity>map(token -> AwsSessionCredentialsIdentity.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), token))
                .orElseGet(() -> AwsCredentialsIdentity.create(credentials.accessKeyId(),
                        credentials.secretAccessKey()));
    }

    /**
     * Emits its buffers on demand, in the requesting thread, and completes right after the last one: so each
     * event reaches the SDK's signer inside the {@code request(1)} that asked for it.
     */
    private static final class OnePerRequestPublisher implements Publisher<ByteBuffer> {
        private final List<ByteBuffer> items;

        OnePerRequestPublisher(List<ByteBuffer> items) {
            this.items = items;
        }

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Subscription() {
                private int next;
                private boolean done;

                @Override
                public void request(long n) {
                    for (long i = 0; i < n && next < items.size(); i++) {
                        subscriber.onNext(items.get(next++).duplicate());
                    }
                    if (next == items.size() && !done) {
                        done = true;
                        subscriber.onComplete();
                    }
                }

                @Override
                public void cancel() {
                    done = true;
                }
            });
        }
    }

    /** Requests the SDK's signed frames one at a time and keeps a copy of each. */
    private static final class FrameCollector implements Subscriber<ByteBuffer> {
        private final List<byte[]> frames = new ArrayList<>();
        private Subscription subscription;
        private boolean completed;
        private Throwable error;

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(ByteBuffer frame) {
            byte[] copy = new byte[frame.remaining()];
            frame.get(copy);
            frames.add(copy);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onComplete() {
            completed = true;
        }

        void requestOne() {
            int before = frames.size();
            subscription.request(1);
            if (error != null) {
                throw new IllegalStateException("the SDK's frame publisher failed", error);
            }
            if (frames.size() != before + 1) {
                throw new IllegalStateException("the SDK signed " + (frames.size() - before)
                        + " frames in one request, not 1: their :date would not be the time the test set");
            }
        }
    }
}
