package dev.riffle.cli.bench;

import dev.riffle.cli.PrintableText;
import dev.riffle.cli.metrics.LatencyHistogram;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the streams of one load run count, from every thread, without allocating per event. */
final class LoadFigures {

    final LongAdder audioNanosSent = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder transcriptsChecked = new LongAdder();
    final LongAdder transcriptsCorrect = new LongAdder();
    final LatencyHistogram finalLatency = new LatencyHistogram();
    final LatencyHistogram firstPartialLatency = new LatencyHistogram();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    void failed(String errorType) {
        // the type may be the service's (its :exception-type): it is printed in the report, so made printable
        failures.computeIfAbsent(PrintableText.of(errorType), t -> new LongAdder()).increment();
    }

    long failedCount() {
        return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Failures by error type, sorted by name. */
    Map<String, Long> failuresByType() {
        Map<String, Long> byType = new TreeMap<>();
        failures.forEach((type, count) -> byType.put(type, count.sum()));
        return byType;
    }
}
