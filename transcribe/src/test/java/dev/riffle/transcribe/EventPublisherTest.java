package dev.riffle.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Reactive Streams rules the events publisher keeps, and that it never leaves its producer paused. */
class EventPublisherTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicInteger pauses = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicReference<Throwable> subscriberFailure = new AtomicReference<>();
    private final EventPublisher<Integer> publisher = new EventPublisher<>(executor, pauses::incrementAndGet,
            resumes::incrementAndGet, subscriberFailure::set);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Rule 1.9: a stream that failed at once must not signal onError before (or while) onSubscribe runs. */
    @Test
    void onSubscribeComesBeforeAnyOtherSignalEvenWhenTheStreamEndsAtOnce() throws Exception {
        List<String> signals = new CopyOnWriteArrayList<>();
        CountDownLatch terminated = new CountDownLatch(1);
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                signals.add("onSubscribe begins");
                sleep(100); // the I/O thread reports the failure meanwhile
                signals.add("onSubscribe ends");
            }

            @Override
            public void onNext(Integer item) {
                signals.add("onNext");
            }

            @Override
            public void onError(Throwable t) {
                signals.add("onError");
                terminated.countDown();
            }

            @Override
            public void onComplete() {
                signals.add("onComplete");
                terminated.countDown();
            }
        });
        publisher.fail(new IllegalStateException("refused"));

        assertThat(terminated.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(signals).containsExactly("onSubscribe begins", "onSubscribe ends", "onError");
    }

    /**
     * Rule 2.13: a subscriber that throws has cancelled. Its failure goes to the producer, and a producer paused
     * for it reads again. The drain loop used to exit without releasing its guard, so nothing was ever delivered
     * again and the pause was never lifted.
     */
    @Test
    void aSubscriberThatThrowsIsCancelledAndThePausedProducerResumes() throws Exception {
        for (int i = 0; i < EventPublisher.HIGH_WATER; i++) {
            publisher.offer(i);
        }
        assertThat(pauses).hasValue(1);

        publisher.subscribe(new RequestingSubscriber(Long.MAX_VALUE) {
            @Override
            public void onNext(Integer item) {
                throw new IllegalStateException("the subscriber's bug");
            }
        });

        awaitUntil(() -> resumes.get() == 1 && subscriberFailure.get() != null);
        assertThat(subscriberFailure.get()).hasMessage("the subscriber's bug");
    }

    /** Rule 3.9 ends the subscription; a producer paused for it must not stay paused for good. */
    @Test
    void aBadRequestFailsTheSubscriberAndLetsThePausedProducerRead() throws Exception {
        for (int i = 0; i < EventPublisher.HIGH_WATER; i++) {
            publisher.offer(i);
        }
        RequestingSubscriber subscriber = new RequestingSubscriber(0);
        publisher.subscribe(subscriber);

        assertThat(subscriber.terminated.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.error.get()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
        assertThat(resumes).hasValue(1);
    }

    @Test
    void aPausedProducerResumesOnceTheSubscriberHasCaughtUpAndEveryItemArrivesInOrder() throws Exception {
        for (int i = 0; i < EventPublisher.HIGH_WATER; i++) {
            publisher.offer(i);
        }
        RequestingSubscriber subscriber = new RequestingSubscriber(Long.MAX_VALUE);
        publisher.subscribe(subscriber);
        publisher.complete();

        assertThat(subscriber.terminated.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(subscriber.items).hasSize(EventPublisher.HIGH_WATER).isSorted();
        assertThat(pauses).hasValue(1);
        assertThat(resumes).hasValue(1);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition within 5 s").isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Requests {@code demand} on subscription and records what it gets. */
    private static class RequestingSubscriber implements Flow.Subscriber<Integer> {
        final List<Integer> items = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final CountDownLatch terminated = new CountDownLatch(1);
        private final long demand;

        RequestingSubscriber(long demand) {
            this.demand = demand;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(demand);
        }

        @Override
        public void onNext(Integer item) {
            items.add(item);
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
            terminated.countDown();
        }

        @Override
        public void onComplete() {
            terminated.countDown();
        }
    }
}
