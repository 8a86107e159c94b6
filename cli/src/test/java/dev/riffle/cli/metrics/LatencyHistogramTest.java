package dev.riffle.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @RepeatedTest(10)
    void percentilesAreWithinOneSixteenthOfTheExactOnes() {
        Random random = new Random();
        long[] latencies = new long[1 + random.nextInt(5000)];
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = (long) Math.exp(random.nextDouble() * 25) + 1000; // 1 µs to about 70 s, log-spread
            histogram.record(latencies[i]);
        }
        Arrays.sort(latencies);

        for (double p : new double[] {1, 50, 90, 99, 99.9, 100}) {
            long exact = latencies[(int) Math.max(0, Math.ceil(p / 100 * latencies.length) - 1)];
            assertThat(histogram.percentileNanos(p)).as("p%s", p)
                    .isBetween(exact - exact / 16 - 1000, exact + exact / 16 + 1000);
        }
        assertThat(histogram.maxNanos()).isEqualTo(latencies[latencies.length - 1]);
        assertThat(histogram.count()).isEqualTo(latencies.length);
    }

    @Test
    void bucketsKeepOrderAndHoldValuesWithinOneSixteenth() {
        int previous = -1;
        for (long micros = 1; micros < 1_000_000; micros++) {
            int bucket = LatencyHistogram.bucket(micros);
            assertThat(bucket).isGreaterThanOrEqualTo(previous);
            assertThat(LatencyHistogram.upperEdgeMicros(bucket) - micros).as("%d µs", micros)
                    .isBetween(0L, micros / 16);
            previous = bucket;
        }
    }

    @Test
    void recordsFromManyThreadsAreAllCounted() {
        LatencyHistogram histogram = new LatencyHistogram();
        IntStream.range(0, 100_000).parallel().forEach(i -> histogram.record(1_000_000));

        assertThat(histogram.count()).isEqualTo(100_000);
        assertThat(histogram.percentileNanos(50)).isEqualTo(1_000_000);
    }

    @Test
    void anEmptyHistogramSaysZero() {
        assertThat(new LatencyHistogram().percentileNanos(99)).isZero();
    }
}
