package dev.riffle.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one load run.
 *
 * @param client                   which client ran ({@link LoadClient#name()})
 * @param workload                 what ran, in words: streams, audio, transport, pace, peer
 * @param streams                  streams opened
 * @param completed                streams the service ended normally
 * @param failures                 failed streams by error type
 * @param transcriptsChecked       completed streams whose transcript was compared (0 without an expected one)
 * @param transcriptsCorrect       of those, how many matched
 * @param wallSeconds              from the first open to the last stream's end
 * @param audioSeconds             audio sent, all streams
 * @param cpuSeconds               CPU time of this process over the run
 * @param heapHighWaterBytes       the most heap in use, sampled every 100 ms (garbage included)
 * @param liveHeapPerStreamBytes   live heap (after a full GC) with all streams open, less the live heap before the
 *                                 run, per open stream; -1 if the run ended before it could be measured
 * @param gcCount                  collections during the run, the measuring one excluded
 * @param gcSeconds                time in those collections
 * @param allocatedBytes           heap allocated during the run, all threads
 * @param finalLatency             from sending the audio that ends a segment to receiving its final result
 * @param firstPartialLatency      from sending the audio that ends a word to receiving the first result showing it
 * @param emulatorInProcess        whether the emulator shared this process (its costs are then in the figures)
 */
public record BenchReport(String client, String workload, int streams, long completed, Map<String, Long> failures,
                          long transcriptsChecked, long transcriptsCorrect, double wallSeconds, double audioSeconds,
                          double cpuSeconds, long heapHighWaterBytes, long liveHeapPerStreamBytes, long gcCount,
                          double gcSeconds, long allocatedBytes, LatencySummary finalLatency,
                          LatencySummary firstPartialLatency, boolean emulatorInProcess) {

    /** Audio seconds sent per second of wall time: the throughput. */
    public double audioSecondsPerWallSecond() {
        return wallSeconds > 0 ? audioSeconds / wallSeconds : 0;
    }

    /** CPU seconds this process spent per hour of audio sent. */
    public double cpuSecondsPerAudioHour() {
        return audioSeconds > 0 ? cpuSeconds / (audioSeconds / 3600) : 0;
    }

    /** Bytes allocated per second of audio sent. */
    public double allocatedBytesPerAudioSecond() {
        return audioSeconds > 0 ? allocatedBytes / audioSeconds : 0;
    }

    /** Failed streams, all types. */
    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The report for a person: one figure per line. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("riffle bench: ").append(workload).append('\n');
        line(out, "client", client + (emulatorInProcess ? " (with the embedded emulator in the same process: its "
                + "costs are included)" : ""));
        line(out, "streams", completed + " completed, " + failed() + " failed" + (failures.isEmpty() ? ""
                : " " + failures));
        if (transcriptsChecked > 0) {
            line(out, "transcripts", transcriptsCorrect + " of " + transcriptsChecked + " correct");
        }
        line(out, "audio", format("%.0f s sent in %.1f s: %.1f audio seconds per second", audioSeconds, wallSeconds,
                audioSecondsPerWallSecond()));
        line(out, "CPU", format("%.2f s: %.1f CPU seconds per audio hour", cpuSeconds, cpuSecondsPerAudioHour()));
        line(out, "heap", format("high-water %s; %s live per open stream", bytes(heapHighWaterBytes),
                liveHeapPerStreamBytes < 0 ? "(not measured)" : bytes(liveHeapPerStreamBytes)));
        line(out, "GC", format("%d collections, %.3f s", gcCount, gcSeconds));
        line(out, "allocation", format("%s: %s per audio second", bytes(allocatedBytes),
                bytes(Math.round(allocatedBytesPerAudioSecond()))));
        line(out, "final latency", latency(finalLatency));
        line(out, "first partial", latency(firstPartialLatency));
        return out.toString();
    }

    /** The report as one JSON object. */
    public String toJson() {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("client", client);
            json.writeStringField("workload", workload);
            json.writeBooleanField("emulatorInProcess", emulatorInProcess);
            json.writeNumberField("streams", streams);
            json.writeNumberField("completed", completed);
            json.writeNumberField("failed", failed());
            json.writeObjectFieldStart("failures");
            for (Map.Entry<String, Long> failure : failures.entrySet()) {
                json.writeNumberField(failure.getKey(), failure.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("transcriptsChecked", transcriptsChecked);
            json.writeNumberField("transcriptsCorrect", transcriptsCorrect);
            json.writeNumberField("wallSeconds", wallSeconds);
            json.writeNumberField("audioSeconds", audioSeconds);
            json.writeNumberField("audioSecondsPerWallSecond", audioSecondsPerWallSecond());
            json.writeNumberField("cpuSeconds", cpuSeconds);
            json.writeNumberField("cpuSecondsPerAudioHour", cpuSecondsPerAudioHour());
            json.writeNumberField("heapHighWaterBytes", heapHighWaterBytes);
            json.writeNumberField("liveHeapPerStreamBytes", liveHeapPerStreamBytes);
            json.writeNumberField("gcCount", gcCount);
            json.writeNumberField("gcSeconds", gcSeconds);
            json.writeNumberField("allocatedBytes", allocatedBytes);
            json.writeNumberField("allocatedBytesPerAudioSecond", allocatedBytesPerAudioSecond());
            writeLatency(json, "finalLatencyMillis", finalLatency);
            writeLatency(json, "firstPartialLatencyMillis", firstPartialLatency);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeLatency(JsonGenerator json, String name, LatencySummary latency) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("count", latency.count());
        json.writeNumberField("p50", latency.p50());
        json.writeNumberField("p90", latency.p90());
        json.writeNumberField("p99", latency.p99());
        json.writeNumberField("max", latency.max());
        json.writeEndObject();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-14s %s%n", label, value));
    }

    private static String latency(LatencySummary latency) {
        return latency.count() == 0 ? "(none measured)" : format("p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms "
                + "(%d measured)", latency.p50(), latency.p90(), latency.p99(), latency.max(), latency.count());
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    /** A byte count in B, KB, MB or GB (powers of 1024). */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return format("%.1f %s", value, units[unit]);
    }
}
