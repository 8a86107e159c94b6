package dev.riffle.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendTimesTest {

    private static final long MS = 1_000_000;

    @Test
    void latencyCountsFromTheSendOfTheChunkThatCarriedTheResultsLastAudio() {
        SendTimes times = new SendTimes(1024);
        for (int i = 1; i <= 50; i++) {
            times.sent(Duration.ofMillis(100L * i), 1000 * MS + i * 100 * MS); // chunk i sent at 1 s + i·100 ms
        }

        // audio at 1.25 s was in chunk 13 (1.2 to 1.3 s), sent at 2.3 s
        assertThat(times.latency(1.25, 2500 * MS)).isEqualTo(Duration.ofMillis(200));
        assertThat(times.latency(1.3, 2500 * MS)).isEqualTo(Duration.ofMillis(200));
        assertThat(times.latency(0.0, 2500 * MS)).isEqualTo(Duration.ofMillis(1400));
        // past everything sent: the newest chunk
        assertThat(times.latency(99, 6000 * MS)).isEqualTo(Duration.ofMillis(0));
    }

    @Test
    void audioOlderThanWhatIsKeptGivesNoFigure() {
        SendTimes times = new SendTimes(1024);
        for (int i = 1; i <= 3000; i++) {
            times.sent(Duration.ofMillis(100L * i), i * 100 * MS);
        }

        assertThat(times.latency(1.0, 400_000 * MS)).isNull();
        assertThat(times.latency(299.95, 300_100 * MS)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void nothingSentGivesNoFigure() {
        assertThat(new SendTimes(1024).latency(1, 0)).isNull();
    }
}
