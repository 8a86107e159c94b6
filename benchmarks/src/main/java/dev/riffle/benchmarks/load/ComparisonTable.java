package dev.riffle.benchmarks.load;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One workload's figures for both clients, as a Markdown table: each client's mean over its rounds, and the ratio
 * riffle / SDK, with the target where it sets one.
 */
final class ComparisonTable {

    /** A row: a figure, how to show it, and the ratio riffle must reach (0 when none is set). */
    record Row(String label, String figure, String unit, double scale, String target, double maxRatio) {
    }

    /** The rows every workload reports. */
    static final List<Row> ROWS = List.of(
            new Row("audio sent per wall second", "audioSecondsPerWallSecond", "s/s", 1, "", 0),
            new Row("client CPU per audio hour", RunFigures.CPU_PER_AUDIO_HOUR, "CPU s", 1, "≤ 1/3", 1.0 / 3),
            new Row("allocation per audio second", "allocatedBytesPerAudioSecond", "KB", 1 / 1024.0, "≤ 1/20",
                    1.0 / 20),
            new Row("live heap per open stream", "liveHeapPerStreamBytes", "KB", 1 / 1024.0, "≤ 1/5", 1.0 / 5),
            new Row("heap high-water", "heapHighWaterBytes", "MB", 1 / 1048576.0, "", 0),
            new Row("GC time", "gcSeconds", "s", 1, "", 0),
            new Row("final-result latency p50", "finalLatencyMillis.p50", "ms", 1, "", 0),
            new Row("final-result latency p99", "finalLatencyMillis.p99", "ms", 1, "≤ 1", 1.0),
            new Row("first-partial latency p99", "firstPartialLatencyMillis.p99", "ms", 1, "", 0),
            new Row("emulator CPU per audio hour", RunFigures.EMULATOR_CPU_PER_AUDIO_HOUR, "CPU s", 1, "", 0));

    private ComparisonTable() {
    }

    /** The label of the row of CPU net of the harness, present when the harness ran alone. */
    static final String NET_CPU_LABEL = "client CPU per audio hour, net of the harness";

    /**
     * The table for one workload's runs of both clients; with runs of the harness alone ({@code harness} not
     * empty), a row of each client's CPU less the harness's: the client's own cost.
     */
    static String markdown(String workload, List<RunFigures> riffle, List<RunFigures> sdk, List<RunFigures> harness) {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(workload).append("\n\n");
        out.append(String.format(Locale.ROOT, "Rounds: riffle %d, SDK %d (alternating, riffle first). Streams "
                        + "completed: riffle %s, SDK %s.%n%n", riffle.size(), sdk.size(),
                completions(riffle), completions(sdk)));
        out.append("| figure | riffle | AWS SDK v2 | riffle / SDK | target | met |\n");
        out.append("|---|---:|---:|---:|---|---|\n");
        for (Row row : ROWS) {
            double mine = mean(riffle, f -> f.get(row.figure())) * row.scale();
            double theirs = mean(sdk, f -> f.get(row.figure())) * row.scale();
            out.append(line(row, mine, theirs));
            if (row.figure().equals(RunFigures.CPU_PER_AUDIO_HOUR) && !harness.isEmpty()) {
                double alone = mean(harness, f -> f.get(row.figure())) * row.scale();
                out.append(line(new Row(NET_CPU_LABEL, row.figure(), row.unit(), row.scale(), row.target(),
                        row.maxRatio()), mine - alone, theirs - alone));
            }
        }
        if (!harness.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%nThe harness alone (no client: pacing, sampling, bookkeeping; "
                    + "%d run%s): %s CPU s per audio hour.%n", harness.size(), harness.size() == 1 ? "" : "s",
                    number(mean(harness, f -> f.get(RunFigures.CPU_PER_AUDIO_HOUR)))));
        }
        return out.append('\n').toString();
    }

    /** One row of the table: both clients' values, their ratio, and whether it meets the row's target. */
    private static String line(Row row, double mine, double theirs) {
        double ratio = theirs > 0 ? mine / theirs : Double.NaN;
        String met = row.maxRatio() == 0 || Double.isNaN(ratio) ? "" : ratio <= row.maxRatio() ? "yes" : "no";
        return String.format(Locale.ROOT, "| %s (%s) | %s | %s | %s | %s | %s |%n", row.label(), row.unit(),
                number(mine), number(theirs), Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.3f", ratio),
                row.target(), met);
    }

    private static String completions(List<RunFigures> runs) {
        StringBuilder out = new StringBuilder();
        for (RunFigures run : runs) {
            out.append(out.length() == 0 ? "" : ", ").append(Math.round(run.get("completed"))).append('/')
                    .append(run.streams());
        }
        return out.toString();
    }

    static double mean(List<RunFigures> runs, ToDoubleFunction<RunFigures> figure) {
        return runs.stream().mapToDouble(figure).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
