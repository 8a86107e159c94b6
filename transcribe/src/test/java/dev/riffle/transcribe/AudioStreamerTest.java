package dev.riffle.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.transcribe.audio.AudioChunk;
import dev.riffle.transcribe.audio.AudioChunker;
import dev.riffle.transcribe.audio.AudioFormat;
import dev.riffle.transcribe.audio.AudioSource;
import dev.riffle.transcribe.audio.Pacer;
import dev.riffle.transcribe.model.StartStreamTranscriptionResponse;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AudioStreamerTest {

    private static final AudioFormat MONO_16K = AudioFormat.pcm(16_000, 1);

    @Test
    void sendsEveryByteInOrderThenEndsTheInput() throws Exception {
        byte[] pcm = randomPcm(16_000 * 2 * 3 + 1234); // 3 s and a bit, not a whole number of chunks
        RecordingStream stream = new RecordingStream();
        List<AudioChunk> progress = new CopyOnWriteArrayList<>();

        Duration sent = AudioStreamer.of(chunker(pcm), Pacer.unlimited(), progress::add).start(stream)
                .get(10, TimeUnit.SECONDS);

        assertThat(stream.concatenated()).isEqualTo(pcm);
        assertThat(stream.ended).isTrue();
        assertThat(stream.cancelled).isFalse();
        assertThat(stream.sends).allSatisfy(size -> assertThat(size).isBetween(2, 3200)); // ≤ 100 ms each
        assertThat(progress).hasSize(stream.sends.size());
        assertThat(sent).isEqualTo(Duration.ofNanos(pcm.length / 2 * 1_000_000_000L / 16_000));
    }

    @Test
    void sendsTheNextChunkOnlyOnceTheTransportTookThePrevious() throws Exception {
        RecordingStream stream = new RecordingStream();
        stream.holdSends = true;
        CompletableFuture<Duration> sent = AudioStreamer.of(chunker(randomPcm(32_000)), Pacer.unlimited(),
                c -> { }).start(stream);

        stream.awaitSends(1);
        Thread.sleep(200);
        assertThat(stream.sends).hasSize(1);
        stream.holdSends = false;
        stream.releaseHeld();
        assertThat(sent.get(10, TimeUnit.SECONDS)).isEqualTo(Duration.ofSeconds(1));
        assertThat(stream.sends).hasSize(10);
    }

    @Test
    void realtimePaceSendsEachChunkNoEarlierThanItsAudioBegins() throws Exception {
        FakeTime time = new FakeTime();
        RecordingStream stream = new RecordingStream();
        List<Long> sentAt = new CopyOnWriteArrayList<>();
        Pacer pacer = Pacer.of(Pacer.Mode.REALTIME, Duration.ZERO, time);

        AudioStreamer.of(chunker(randomPcm(32_000 * 2)), pacer, c -> sentAt.add(time.now.get()))
                .start(stream).get(10, TimeUnit.SECONDS);

        assertThat(sentAt).hasSize(20);
        for (int i = 0; i < sentAt.size(); i++) {
            assertThat(sentAt.get(i)).as("chunk %d", i).isGreaterThanOrEqualTo(i * 100_000_000L);
        }
        assertThat(time.now.get()).isLessThan(2_000_000_000L); // and never a whole chunk late
    }

    @Test
    void stopEndsTheInputAfterTheChunkInFlight() throws Exception {
        RecordingStream stream = new RecordingStream();
        AudioStreamer streamer = AudioStreamer.of(chunker(randomPcm(32_000 * 60)), Pacer.realtime(), c -> { });
        CompletableFuture<Duration> sent = streamer.start(stream);

        stream.awaitSends(3);
        streamer.stop();

        Duration audio = sent.get(5, TimeUnit.SECONDS);
        assertThat(streamer.stopped()).isTrue();
        assertThat(stream.ended).isTrue();
        assertThat(stream.cancelled).isFalse();
        assertThat(audio).isLessThan(Duration.ofSeconds(5)).isEqualTo(Duration.ofMillis(100L * stream.sends.size()));
    }

    @Test
    void aStreamThatEndedStopsTheSendingWithoutEndingTheInput() throws Exception {
        RecordingStream stream = new RecordingStream();
        stream.failAfterSends = 2;

        AudioStreamer.of(chunker(randomPcm(32_000 * 5)), Pacer.unlimited(), c -> { }).start(stream)
                .get(5, TimeUnit.SECONDS);

        assertThat(stream.sends).hasSize(2);
        assertThat(stream.ended).isFalse();
    }

    /**
     * The transport fails the pending sends just before it reports the end of the stream, so a send can fail while
     * {@code completion()} is not done yet. That is still the stream ending, not a failure of the input: the
     * streamer used to rethrow it, cancel the stream and fail its future.
     */
    @Test
    void aSendThatFailsBeforeTheStreamReportsItsEndIsStillTheStreamEnding() throws Exception {
        RecordingStream stream = new RecordingStream();
        stream.failAfterSends = 2;
        stream.reportEndWhenASendFails = false;

        Duration sent = AudioStreamer.of(chunker(randomPcm(32_000 * 5)), Pacer.unlimited(), c -> { }).start(stream)
                .get(5, TimeUnit.SECONDS);

        assertThat(sent).isEqualTo(Duration.ofMillis(100));
        assertThat(stream.cancelled).isFalse();
        assertThat(stream.ended).isFalse();
    }

    @Test
    void anInputThatFailsCancelsTheStreamRatherThanPassingOffACutInputAsComplete() {
        RecordingStream stream = new RecordingStream();
        AudioChunker failing = new AudioChunker() {
            private int calls;

            @Override
            public AudioFormat format() {
                return MONO_16K;
            }

            @Override
            public AudioChunk next() throws IOException {
                if (calls++ < 2) {
                    return new AudioChunk(new byte[3200], Duration.ofMillis(100L * (calls - 1)),
                            Duration.ofMillis(100L * calls));
                }
                throw new IOException("the disk went away");
            }
        };

        CompletableFuture<Duration> sent = AudioStreamer.of(failing, Pacer.unlimited(), c -> { }).start(stream);

        assertThatThrownBy(() -> sent.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("the disk went away");
        assertThat(stream.cancelled).isTrue();
        assertThat(stream.ended).isFalse();
        assertThat(stream.sends).hasSize(2);
    }

    /** An Error on the sender thread (here from the progress callback) used to leave the future pending. */
    @Test
    void anErrorOnTheSenderThreadFailsTheFutureAndCancelsTheStream() {
        RecordingStream stream = new RecordingStream();
        CompletableFuture<Duration> sent = AudioStreamer.of(chunker(randomPcm(32_000)), Pacer.unlimited(), c -> {
            throw new AssertionError("the callback's bug");
        }).start(stream);

        assertThatThrownBy(() -> sent.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("the callback's bug");
        assertThat(stream.cancelled).isTrue();
    }

    @Test
    void startsOnlyOnce() {
        AudioStreamer streamer = AudioStreamer.of(chunker(randomPcm(3200)), Pacer.unlimited(), c -> { });
        streamer.start(new RecordingStream());
        assertThatThrownBy(() -> streamer.start(new RecordingStream())).isInstanceOf(IllegalStateException.class);
    }

    private static AudioChunker chunker(byte[] pcm) {
        try {
            return AudioChunker.of(AudioSource.open(new ByteArrayInputStream(pcm), MONO_16K));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] randomPcm(int length) {
        byte[] pcm = new byte[length];
        new Random(length).nextBytes(pcm);
        if (length >= 4) {
            pcm[0] = 1; // not a header riffle would recognize
            pcm[1] = 2;
            pcm[2] = 3;
            pcm[3] = 4;
        }
        return pcm;
    }

    /** A stream that records what it was sent. */
    private static final class RecordingStream implements TranscriptionStream {
        final List<Integer> sends = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CompletableFuture<Void> completion = new CompletableFuture<>();
        final List<CompletableFuture<Void>> held = new ArrayList<>();
        volatile boolean holdSends;
        volatile int failAfterSends = Integer.MAX_VALUE;
        volatile boolean reportEndWhenASendFails = true;
        volatile boolean ended;
        volatile boolean cancelled;

        @Override
        public StartStreamTranscriptionResponse response() {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized CompletableFuture<Void> sendAudio(ByteBuffer audio) {
            byte[] chunk = new byte[audio.remaining()];
            audio.get(chunk);
            bytes.writeBytes(chunk);
            sends.add(chunk.length);
            notifyAll();
            if (sends.size() >= failAfterSends) {
                if (reportEndWhenASendFails) {
                    completion.completeExceptionally(new IllegalStateException("the service ended the stream"));
                }
                return CompletableFuture.failedFuture(new IllegalStateException("closed"));
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (holdSends) {
                held.add(done);
            } else {
                done.complete(null);
            }
            return done;
        }

        synchronized void releaseHeld() {
            held.forEach(f -> f.complete(null));
        }

        synchronized void awaitSends(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sends.size() < count && System.nanoTime() < deadline) {
                wait(100);
            }
            assertThat(sends.size()).isGreaterThanOrEqualTo(count);
        }

        synchronized byte[] concatenated() {
            return bytes.toByteArray();
        }

        @Override
        public CompletableFuture<Void> end() {
            ended = true;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public Flow.Publisher<TranscriptEvent> events() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> completion() {
            return completion;
        }
    }

    /** A clock that moves only when slept on. */
    private static final class FakeTime implements Pacer.TimeSource {
        final AtomicLong now = new AtomicLong();

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleepNanos(long nanos) {
            now.addAndGet(nanos);
        }
    }
}
