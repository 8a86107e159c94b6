package dev.riffle.transcribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacer's arithmetic on a fake clock: nothing here waits. */
class PacerTest {

    private static final long MS = 1_000_000;

    /** A clock that stands still until slept on; {@code wakeShare} of each sleep passes (early wake-ups). */
    private static final class FakeTime implements Pacer.TimeSource {
        long now = 5_000 * MS; // nanoTime has an arbitrary origin
        final List<Long> sleeps = new ArrayList<>();
        double wakeShare = 1.0;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += Math.max(1, (long) (nanos * wakeShare));
        }
    }

    private final FakeTime time = new FakeTime();

    /** Chunks of {@code millis} each, back to back from 0. */
    private static List<AudioChunk> chunks(int count, int millis) {
        List<AudioChunk> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chunks.add(new AudioChunk(new byte[1], Duration.ofMillis((long) i * millis),
                    Duration.ofMillis((long) (i + 1) * millis)));
        }
        return chunks;
    }

    /** Awaits each chunk in turn and records when it went, from the first one's time. */
    private List<Long> sendTimes(Pacer pacer, List<AudioChunk> chunks) throws InterruptedException {
        long start = time.now;
        List<Long> sent = new ArrayList<>();
        for (AudioChunk chunk : chunks) {
            pacer.awaitDue(chunk);
            sent.add((time.now - start) / MS);
        }
        return sent;
    }

    @Test
    void realtimeSendsEachChunkWhenItsAudioWouldStart() throws InterruptedException {
        Pacer pacer = Pacer.of(Pacer.Mode.REALTIME, Pacer.DEFAULT_MAX_LEAD, time);

        assertThat(sendTimes(pacer, chunks(5, 100))).containsExactly(0L, 100L, 200L, 300L, 400L);
    }

    @Test
    void realtimeSendsHeaderChunksAtOnce() throws InterruptedException {
        Pacer pacer = Pacer.of(Pacer.Mode.REALTIME, Pacer.DEFAULT_MAX_LEAD, time);
        List<AudioChunk> chunks = new ArrayList<>();
        chunks.add(new AudioChunk(new byte[42], Duration.ZERO, Duration.ZERO));
        chunks.addAll(chunks(2, 200));

        assertThat(sendTimes(pacer, chunks)).containsExactly(0L, 0L, 200L);
    }

    @Test
    void maxSendsAtOnceUntilTheLeadIsReachedThenAtRealTime() throws InterruptedException {
        Pacer pacer = Pacer.of(Pacer.Mode.MAX, Duration.ofSeconds(4), time);
        List<Long> sent = sendTimes(pacer, chunks(45, 100));

        // Chunks ending at up to 4 s go at once; the one ending at 4.1 s waits until 0.1 s, and so on.
        assertThat(sent.subList(0, 40)).containsOnly(0L);
        assertThat(sent.subList(40, 45)).containsExactly(100L, 200L, 300L, 400L, 500L);
    }

    @Test
    void maxWithAChosenLead() {
        Pacer pacer = Pacer.of(Pacer.Mode.MAX, Duration.ofMillis(250), time);
        List<AudioChunk> chunks = chunks(4, 100);

        assertThat(pacer.nanosUntilDue(chunks.get(1))).isZero(); // ends at 200 ms: within 250 ms
        assertThat(pacer.nanosUntilDue(chunks.get(2))).isEqualTo(50 * MS); // ends at 300 ms
        assertThat(pacer.nanosUntilDue(chunks.get(3))).isEqualTo(150 * MS);
    }

    @Test
    void unlimitedNeverWaits() throws InterruptedException {
        Pacer pacer = Pacer.of(Pacer.Mode.UNLIMITED, Pacer.DEFAULT_MAX_LEAD, time);

        assertThat(sendTimes(pacer, chunks(100, 200))).containsOnly(0L);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void timeStartsWithTheFirstChunkNotWithThePacer() {
        Pacer pacer = Pacer.of(Pacer.Mode.REALTIME, Pacer.DEFAULT_MAX_LEAD, time);
        time.now += 30_000 * MS; // the connection took a while; the audio was not ready yet
        List<AudioChunk> chunks = chunks(2, 100);

        assertThat(pacer.nanosUntilDue(chunks.get(0))).isZero();
        assertThat(pacer.nanosUntilDue(chunks.get(1))).isEqualTo(100 * MS);
    }

    @Test
    void anExplicitStartCountsFromThen() {
        Pacer pacer = Pacer.of(Pacer.Mode.REALTIME, Pacer.DEFAULT_MAX_LEAD, time);
        pacer.start();
        time.now += 60 * MS;
        pacer.start(); // a second start changes nothing

        assertThat(pacer.nanosUntilDue(chunks(2, 100).get(1))).isEqualTo(40 * MS);
    }

    @Test
    void aSenderThatFellBehindIsNotHeldBack() throws InterruptedException {
        Pacer pacer = Pacer.of(Pacer.Mode.REALTIME, Pacer.DEFAULT_MAX_LEAD, time);
        List<AudioChunk> chunks = chunks(30, 100);
        pacer.awaitDue(chunks.get(0));
        time.now += 2_000 * MS; // a stall: the next 20 chunks are late

        for (int i = 1; i <= 20; i++) {
            assertThat(pacer.nanosUntilDue(chunks.get(i))).as("chunk %d", i).isZero();
        }
        assertThat(pacer.nanosUntilDue(chunks.get(21))).isEqualTo(100 * MS);
    }

    @Test
    void earlyWakeUpsAreSleptAgainUntilDue() throws InterruptedException {
        Pacer pacer = Pacer.of(Pacer.Mode.REALTIME, Pacer.DEFAULT_MAX_LEAD, time);
        time.wakeShare = 0.5;

        assertThat(sendTimes(pacer, chunks(3, 100))).containsExactly(0L, 100L, 200L);
        assertThat(time.sleeps.size()).isGreaterThan(2);
    }

    @Test
    void leadsMustBeUnderFiveMinutes() {
        assertThatThrownBy(() -> Pacer.max(Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lead must be at least 0 and under 5 minutes, not PT5M");
        assertThatThrownBy(() -> Pacer.max(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Pacer.max().mode()).isEqualTo(Pacer.Mode.MAX);
        assertThat(Pacer.realtime().mode()).isEqualTo(Pacer.Mode.REALTIME);
        assertThat(Pacer.unlimited().mode()).isEqualTo(Pacer.Mode.UNLIMITED);
    }
}
