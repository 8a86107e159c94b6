package dev.riffle.transcribe;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-subscriber {@link Flow.Publisher} fed by the transport's I/O thread and drained on an executor.
 *
 * <p>Unlike {@link java.util.concurrent.SubmissionPublisher}, it keeps what arrives before anyone subscribes, and
 * it never blocks or drops: past {@value #HIGH_WATER} queued items it asks the transport to stop reading (the
 * service is then held back by flow control) and below {@value #LOW_WATER} to read again. The queue overshoots the
 * high mark by at most what one network read had already brought in.
 *
 * <p>Reactive Streams rules kept: signals are serialized (one drain loop at a time, guarded by {@link #wip}),
 * {@code request(n <= 0)} fails the subscription, cancellation stops delivery and drops the queue.
 */
final class EventPublisher<T> implements Flow.Publisher<T> {

    static final int HIGH_WATER = 256;
    static final int LOW_WATER = 64;

    private final Executor executor;
    private final Runnable pause;
    private final Runnable resume;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Flow.Subscriber<? super T> subscriber;
    private volatile boolean done;
    private volatile Throwable error;
    private volatile boolean cancelled;
    private volatile boolean paused;
    private boolean terminated;

    EventPublisher(Executor executor, Runnable pause, Runnable resume) {
        this.executor = executor;
        this.pause = pause;
        this.resume = resume;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> s) {
        Objects.requireNonNull(s, "subscriber");
        synchronized (this) {
            if (subscriber != null) {
                s.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                s.onError(new IllegalStateException("a transcription's events have one subscriber"));
                return;
            }
            subscriber = s;
        }
        executor.execute(() -> {
            s.onSubscribe(new Subscription());
            drain();
        });
    }

    /** Called by the producer, in order. */
    void offer(T item) {
        if (cancelled || done) {
            return;
        }
        queue.add(item);
        if (queued.incrementAndGet() >= HIGH_WATER && !paused) {
            paused = true;
            pause.run();
        }
        drain();
    }

    void complete() {
        done = true;
        drain();
    }

    void fail(Throwable cause) {
        error = cause;
        done = true;
        drain();
    }

    private void drain() {
        if (subscriber != null && wip.getAndIncrement() == 0) {
            executor.execute(this::drainLoop);
        }
    }

    private void drainLoop() {
        Flow.Subscriber<? super T> s = subscriber;
        int missed = 1;
        do {
            while (!cancelled && demand.get() > 0) {
                T item = queue.poll();
                if (item == null) {
                    break;
                }
                demand.decrementAndGet();
                int left = queued.decrementAndGet();
                if (paused && left <= LOW_WATER) {
                    paused = false;
                    resume.run();
                }
                s.onNext(item);
            }
            if (!cancelled && done && queue.isEmpty() && !terminated) {
                terminated = true;
                if (error != null) {
                    s.onError(error);
                } else {
                    s.onComplete();
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private final class Subscription implements Flow.Subscription {
        @Override
        public void request(long n) {
            if (n <= 0) {
                // Rule 3.9: the subscriber is told at once; what was queued is dropped.
                queue.clear();
                queued.set(0);
                fail(new IllegalArgumentException("request(" + n + "): Reactive Streams rule 3.9"));
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            queue.clear();
            if (paused) {
                paused = false;
                resume.run();
            }
        }
    }
}
