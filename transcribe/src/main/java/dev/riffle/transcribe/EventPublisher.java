package dev.riffle.transcribe;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A single-subscriber {@link Flow.Publisher} fed by the transport's I/O thread and drained on an executor.
 *
 * <p>Unlike {@link java.util.concurrent.SubmissionPublisher}, it keeps what arrives before anyone subscribes, and
 * it never blocks or drops: past {@value #HIGH_WATER} queued items it asks the transport to stop reading (the
 * service is then held back by flow control) and below {@value #LOW_WATER} to read again. The queue overshoots the
 * high mark by at most what one network read had already brought in.
 *
 * <p>Reactive Streams rules kept: {@code onSubscribe} comes before any other signal (1.9); signals are serialized
 * (one drain loop at a time, guarded by {@link #wip}); {@code request(n <= 0)} fails the subscription (3.9);
 * cancellation stops delivery and drops the queue; a subscriber that throws is taken as having cancelled (2.13).
 * Whenever nobody will take the queued items any more, the producer is resumed, so that a stream is never left
 * paused for a subscriber that is gone.
 */
final class EventPublisher<T> implements Flow.Publisher<T> {

    static final int HIGH_WATER = 256;
    static final int LOW_WATER = 64;

    private final Executor executor;
    private final Runnable pause;
    private final Runnable resume;
    private final Consumer<Throwable> subscriberFailed;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile Flow.Subscriber<? super T> subscriber;
    /** Set once onSubscribe has returned: no other signal may reach the subscriber before (rule 1.9). */
    private volatile boolean subscribed;
    private volatile boolean done;
    private volatile Throwable error;
    private volatile boolean cancelled;
    /** Guarded by {@link #flow}: whether the transport was last asked to pause. */
    private boolean paused;
    private final Object flow = new Object();
    private boolean terminated;

    /**
     * @param pause            asks the producer's transport to stop reading; called without blocking
     * @param resume           asks it to read again
     * @param subscriberFailed told when the subscriber threw from one of its methods (rule 2.13): the
     *                         subscription is then cancelled, and what feeds the publisher should stop too
     */
    EventPublisher(Executor executor, Runnable pause, Runnable resume, Consumer<Throwable> subscriberFailed) {
        this.executor = executor;
        this.pause = pause;
        this.resume = resume;
        this.subscriberFailed = subscriberFailed;
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
            try {
                s.onSubscribe(new Subscription());
            } catch (RuntimeException e) {
                subscriberThrew(e);
            }
            subscribed = true;
            drain();
        });
    }

    /** Called by the producer, in order. */
    void offer(T item) {
        if (cancelled || done) {
            return;
        }
        queue.add(item);
        queued.incrementAndGet();
        updateFlow();
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

    /**
     * Pauses the producer at {@link #HIGH_WATER} queued items and resumes it at {@link #LOW_WATER}, or as soon as
     * nobody will take them. The decision and the call are made under one lock, so that a pause decided on the I/O
     * thread and a resume decided on the executor reach the transport in the order they were decided: a resume
     * can never overtake the pause it undoes and leave the stream paused with an empty queue.
     */
    private void updateFlow() {
        synchronized (flow) {
            int n = queued.get();
            if (!paused && n >= HIGH_WATER && !cancelled) {
                paused = true;
                pause.run();
            } else if (paused && (n <= LOW_WATER || cancelled)) {
                paused = false;
                resume.run();
            }
        }
    }

    private void drain() {
        if (subscribed && wip.getAndIncrement() == 0) {
            executor.execute(this::drainLoop);
        }
    }

    private void drainLoop() {
        Flow.Subscriber<? super T> s = subscriber;
        int missed = 1;
        do {
            try {
                deliver(s);
            } catch (RuntimeException e) {
                subscriberThrew(e);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void deliver(Flow.Subscriber<? super T> s) {
        while (!cancelled && demand.get() > 0) {
            T item = queue.poll();
            if (item == null) {
                break;
            }
            demand.decrementAndGet();
            queued.decrementAndGet();
            updateFlow();
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
    }

    /** Rule 2.13: a subscriber that throws is taken as having cancelled; its failure goes to the producer. */
    private void subscriberThrew(RuntimeException e) {
        boolean first = !cancelled;
        dropEverything();
        if (first) {
            subscriberFailed.accept(e);
        }
    }

    /** Nobody will take what is queued, or what comes: drop it, and let the producer read again. */
    private void dropEverything() {
        cancelled = true;
        dropQueued();
    }

    /** Drops what is queued and lets a paused producer read again. */
    private void dropQueued() {
        queue.clear();
        queued.set(0);
        updateFlow();
    }

    private final class Subscription implements Flow.Subscription {
        @Override
        public void request(long n) {
            if (n <= 0) {
                // Rule 3.9: the subscriber is told at once, and the subscription ends: what was queued is dropped.
                IllegalArgumentException bad = new IllegalArgumentException("request(" + n
                        + "): Reactive Streams rule 3.9");
                dropQueued();
                fail(bad);
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        @Override
        public void cancel() {
            dropEverything();
        }
    }
}
