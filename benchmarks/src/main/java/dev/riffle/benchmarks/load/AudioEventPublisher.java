package dev.riffle.benchmarks.load;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.transcribestreaming.model.AudioEvent;
import software.amazon.awssdk.services.transcribestreaming.model.AudioStream;

/**
 * The audio of one SDK stream, as the SDK takes it: a {@code Publisher<AudioStream>} that emits one AudioEvent per
 * {@link #offer} when the SDK has demand, and holds at most one otherwise, so the load harness sees the SDK's
 * backpressure the way riffle's send futures show riffle's.
 *
 * <p>Signals to the subscriber are serialized by a drain counter (Reactive Streams rule 1.3): whoever finds work
 * does it, and a call that arrives meanwhile, from the subscriber's {@code request} inside {@code onNext} among
 * others, only marks that the drain must go round again.
 */
final class AudioEventPublisher implements Publisher<AudioStream>, Subscription {

    private final AtomicInteger drains = new AtomicInteger();
    private Subscriber<? super AudioStream> subscriber;
    private long demand;
    private AudioEvent pending;
    private CompletableFuture<Void> pendingTaken;
    private boolean completeRequested;
    private boolean invalidRequest;
    private boolean terminated;

    @Override
    public void subscribe(Subscriber<? super AudioStream> subscriber) {
        synchronized (this) {
            if (this.subscriber != null) {
                subscriber.onSubscribe(this);
                subscriber.onError(new IllegalStateException("this audio can be subscribed to once"));
                return;
            }
            this.subscriber = subscriber;
        }
        subscriber.onSubscribe(this);
        drain();
    }

    /**
     * Hands one event of PCM to the SDK.
     *
     * @param pcm copied at once (as {@link SdkBytes#fromByteBuffer} does), so the caller may reuse it when this
     *            returns
     * @return completes when the SDK has taken the event
     */
    CompletableFuture<Void> offer(ByteBuffer pcm) {
        AudioEvent event = AudioEvent.builder().audioChunk(SdkBytes.fromByteBuffer(pcm)).build();
        CompletableFuture<Void> taken = new CompletableFuture<>();
        synchronized (this) {
            if (terminated || completeRequested) {
                taken.completeExceptionally(new CancellationException("the audio has ended"));
                return taken;
            }
            if (pending != null) {
                taken.completeExceptionally(new IllegalStateException("the previous event has not been taken"));
                return taken;
            }
            pending = event;
            pendingTaken = taken;
        }
        drain();
        return taken;
    }

    /** Ends the audio once the event held, if any, has been taken. */
    void complete() {
        synchronized (this) {
            completeRequested = true;
        }
        drain();
    }

    @Override
    public void request(long n) {
        synchronized (this) {
            if (n <= 0) {
                invalidRequest = true; // rule 3.9: the drain signals onError
            } else {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
        }
        drain();
    }

    @Override
    public void cancel() {
        CompletableFuture<Void> abandoned;
        synchronized (this) {
            terminated = true;
            pending = null;
            abandoned = pendingTaken;
            pendingTaken = null;
        }
        if (abandoned != null) {
            abandoned.completeExceptionally(new CancellationException("the SDK cancelled the audio"));
        }
    }

    private void drain() {
        if (drains.getAndIncrement() != 0) {
            return;
        }
        do {
            while (emitOne()) {
                // emit what demand allows
            }
        } while (drains.decrementAndGet() != 0);
    }

    /** Emits the held event or the completion if it may; returns whether it did anything. */
    private boolean emitOne() {
        Subscriber<? super AudioStream> to;
        AudioEvent event = null;
        CompletableFuture<Void> taken = null;
        boolean invalid = false;
        synchronized (this) {
            to = subscriber;
            if (to == null || terminated) {
                return false;
            }
            if (invalidRequest) {
                terminated = true;
                invalid = true;
                taken = pendingTaken;
                pending = null;
                pendingTaken = null;
            } else if (pending != null && demand > 0) {
                event = pending;
                taken = pendingTaken;
                pending = null;
                pendingTaken = null;
                demand--;
            } else if (pending == null && completeRequested) {
                terminated = true;
            } else {
                return false;
            }
        }
        if (invalid) {
            to.onError(new IllegalArgumentException("request(n) needs n > 0 (Reactive Streams rule 3.9)"));
            if (taken != null) {
                taken.completeExceptionally(new CancellationException("the SDK's demand was invalid"));
            }
        } else if (event != null) {
            to.onNext(event);
            taken.complete(null);
        } else {
            to.onComplete();
        }
        return true;
    }
}
