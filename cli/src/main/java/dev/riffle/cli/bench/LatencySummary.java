package dev.riffle.cli.bench;

import dev.riffle.cli.metrics.LatencyHistogram;

/**
 * Percentiles of one latency, in milliseconds.
 *
 * @param count how many were measured
 */
public record LatencySummary(long count, double p50, double p90, double p99, double max) {

    static LatencySummary of(LatencyHistogram histogram) {
        return new LatencySummary(histogram.count(), millis(histogram.percentileNanos(50)),
                millis(histogram.percentileNanos(90)), millis(histogram.percentileNanos(99)),
                millis(histogram.maxNanos()));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
