package dev.riffle.benchmarks.load;

import dev.riffle.cli.bench.Pace;
import dev.riffle.cli.bench.PreparedAudio;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * riffle's client and the AWS SDK for Java v2's {@code TranscribeStreamingAsyncClient}, side by side: the same
 * workloads, the same audio, the same emulator process ({@code riffle serve}, started once), each client run in a
 * JVM of its own ({@link LoadWorker}), alternating riffle, SDK, riffle, SDK. Writes a Markdown table of each
 * workload with the ratio riffle / SDK per figure, the raw figures (one JSON line per run), and a PNG of the scale
 * workload.
 *
 * <p>Workloads: throughput (1 stream sent as fast as the client goes, the emulator's real-time check off), cost
 * (N streams at real-time pace), scale (real-time streams in growing steps while each client stays healthy: every
 * stream completes with the right transcript and final results arrive within the p99 bound).
 */
@Command(name = "side-by-side", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run riffle's client and the AWS SDK for Java v2 through the same load workloads.")
public final class SideBySide implements Callable<Integer> {

    /** The workloads, in the order they run. */
    enum Workload { THROUGHPUT, COST, SCALE }

    @Option(names = "--audio", defaultValue = "samples/recipe.wav", description = "16-bit PCM WAV every stream "
            + "sends, with NAME.json (the emulator's script) and NAME.txt (the transcript) beside it.")
    private Path audio;

    @Option(names = "--out", defaultValue = "benchmarks/results", description = "Where to write the results.")
    private Path out;

    @Option(names = "--workloads", split = ",", defaultValue = "throughput,cost,scale")
    private Set<Workload> workloads = new LinkedHashSet<>();

    @Option(names = "--rounds", defaultValue = "2", description = "A B rounds of throughput and cost.")
    private int rounds;

    @Option(names = "--throughput-duration", defaultValue = "1800", description = "Audio seconds of the one stream.")
    private double throughputDuration;

    @Option(names = "--cost-streams", defaultValue = "200")
    private int costStreams;

    @Option(names = "--cost-duration", defaultValue = "60", description = "Audio seconds per stream.")
    private double costDuration;

    @Option(names = "--cost-ramp", defaultValue = "10", description = "Seconds over which the streams start.")
    private double costRamp;

    @Option(names = "--scale-steps", split = ",", defaultValue = "100,200,400,600,800,1000,1200,1600,2000,2500,3000")
    private List<Integer> scaleSteps = new ArrayList<>();

    @Option(names = "--scale-duration", defaultValue = "30", description = "Audio seconds per stream per step.")
    private double scaleDuration;

    @Option(names = "--streams-started-per-second", defaultValue = "100", description = "Ramp of a scale step.")
    private double startRate;

    @Option(names = "--warmup", defaultValue = "0", description = "Audio seconds each throughput worker runs "
            + "unmeasured first (default: ${DEFAULT-VALUE}, none).")
    private double warmup;

    @Option(names = "--cost-warmup", defaultValue = "30", description = "Audio seconds per stream each cost worker "
            + "runs unmeasured first, so its figures are the steady state an audio hour is made of, not the JIT "
            + "compilation of a cold start (default: ${DEFAULT-VALUE}).")
    private double costWarmup;

    @Option(names = "--harness-baseline", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also run the cost workload with no client at all (the harness alone), once per round, "
                    + "and report each client's CPU net of it (default: on).")
    private boolean harnessBaseline;

    @Option(names = "--healthy-p99", defaultValue = "1000", description = "The p99 final-result latency, in ms, "
            + "above which a scale step is unhealthy.")
    private double healthyP99;

    /** Runs the comparison; exit status 0 once the results are written. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SideBySide()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        double passSeconds = PreparedAudio.read(audio, null).passNanos() / 1e9;
        Path script = dev.riffle.cli.Companions.beside(audio, ".json");
        StringBuilder report = new StringBuilder(MachineDescription.markdown());
        List<RunFigures> all = new ArrayList<>();
        try (EmulatorProcess emulator = EmulatorProcess.start(script, passSeconds)) {
            Runner runner = new Runner(emulator, all);
            if (workloads.contains(Workload.THROUGHPUT)) {
                report.append(alternate(runner, String.format(Locale.ROOT, "Throughput: 1 stream, %.0f s of audio "
                        + "sent as fast as the client goes", throughputDuration), 1, Pace.UNLIMITED,
                        throughputDuration, 0, warmup, false));
            }
            if (workloads.contains(Workload.COST)) {
                report.append(alternate(runner, String.format(Locale.ROOT, "Cost per stream: %d streams at "
                        + "real-time pace, %.0f s of audio each, started over %.0f s", costStreams, costDuration,
                        costRamp), costStreams, Pace.REALTIME, costDuration, costRamp, costWarmup,
                        harnessBaseline));
            }
            if (workloads.contains(Workload.SCALE)) {
                report.append(scale(runner));
            }
        }
        Files.writeString(out.resolve("side-by-side.md"), report);
        Files.write(out.resolve("side-by-side.jsonl"), all.stream().map(RunFigures::json).toList());
        System.out.println(report);
        System.out.println("results in " + out.toAbsolutePath());
        return 0;
    }

    /**
     * Rounds of riffle, then the SDK, then (with {@code harnessAlone}) no client: the harness's own cost, which
     * both clients' figures include, measured in the same run so it can be taken out of them.
     */
    private String alternate(Runner runner, String title, int streams, Pace pace, double duration, double ramp,
                             double warmupSeconds, boolean harnessAlone) throws IOException, InterruptedException {
        List<RunFigures> riffle = new ArrayList<>();
        List<RunFigures> sdk = new ArrayList<>();
        List<RunFigures> harness = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            riffle.add(runner.run(LoadWorker.Client.RIFFLE, streams, pace, duration, ramp, warmupSeconds));
            sdk.add(runner.run(LoadWorker.Client.SDK, streams, pace, duration, ramp, warmupSeconds));
            if (harnessAlone) {
                harness.add(runner.run(LoadWorker.Client.NONE, streams, pace, duration, ramp, warmupSeconds));
            }
        }
        String warmed = warmupSeconds > 0 ? String.format(Locale.ROOT, "; each worker first ran the same streams "
                + "for %.0f s of audio, unmeasured", warmupSeconds) : "";
        return ComparisonTable.markdown(title + warmed, riffle, sdk, harness);
    }

    /** Steps up the streams, both clients at each step, until neither is healthy; the ceiling is the last healthy. */
    private String scale(Runner runner) throws IOException, InterruptedException {
        List<RunFigures> riffle = new ArrayList<>();
        List<RunFigures> sdk = new ArrayList<>();
        int riffleCeiling = 0;
        int sdkCeiling = 0;
        boolean riffleHealthy = true;
        boolean sdkHealthy = true;
        StringBuilder steps = new StringBuilder("| streams | client | completed | p50 / p99 final (ms) | CPU per "
                + "stream (% core) | live heap per stream (KB) | healthy |\n|---:|---|---:|---|---:|---:|---|\n");
        for (int streams : scaleSteps) {
            if (!riffleHealthy && !sdkHealthy) {
                break;
            }
            double ramp = Math.max(2, streams / startRate);
            if (riffleHealthy) {
                RunFigures run = runner.run(LoadWorker.Client.RIFFLE, streams, Pace.REALTIME, scaleDuration, ramp, 0);
                riffle.add(run);
                riffleHealthy = run.healthy(healthyP99);
                riffleCeiling = riffleHealthy ? streams : riffleCeiling;
                steps.append(step(run));
            }
            if (sdkHealthy) {
                RunFigures run = runner.run(LoadWorker.Client.SDK, streams, Pace.REALTIME, scaleDuration, ramp, 0);
                sdk.add(run);
                sdkHealthy = run.healthy(healthyP99);
                sdkCeiling = sdkHealthy ? streams : sdkCeiling;
                steps.append(step(run));
            }
        }
        ScalePlot.write(riffle, sdk, out.resolve("scale.png"));
        int largest = scaleSteps.get(scaleSteps.size() - 1);
        return String.format(Locale.ROOT, "### Scale: real-time streams, %.0f s of audio each, started at %.0f per "
                        + "second; healthy = all complete with the right transcript and p99 final latency ≤ %.0f "
                        + "ms%n%n%s%nHealthy-stream ceiling: riffle %s, AWS SDK v2 %s; ratio %s (target ≥ 3).%n%n"
                        + "![scale](scale.png)%n%n", scaleDuration, startRate, healthyP99, steps,
                ceiling(riffleCeiling, riffleHealthy, largest), ceiling(sdkCeiling, sdkHealthy, largest),
                sdkCeiling > 0 ? String.format(Locale.ROOT, "%s%.2f", riffleHealthy ? "≥ " : "",
                        (double) riffleCeiling / sdkCeiling) : "– (the SDK was healthy at no step)");
    }

    private static String ceiling(int ceiling, boolean stillHealthy, int largest) {
        return stillHealthy && ceiling == largest ? "≥ " + ceiling + " (healthy at the largest step)"
                : String.valueOf(ceiling);
    }

    private String step(RunFigures run) {
        return String.format(Locale.ROOT, "| %d | %s | %d/%d | %.0f / %.0f | %.2f | %.1f | %s |%n", run.streams(),
                run.client(), Math.round(run.get("completed")), run.streams(), run.get("finalLatencyMillis.p50"),
                run.get("finalLatencyMillis.p99"), ScalePlot.cpuPercentPerStream(run),
                run.get("liveHeapPerStreamBytes") / 1024, run.healthy(healthyP99) ? "yes" : "no");
    }

    /** Starts one worker per run, and measures the emulator's CPU around it. */
    private final class Runner {
        private final EmulatorProcess emulator;
        private final List<RunFigures> all;

        Runner(EmulatorProcess emulator, List<RunFigures> all) {
            this.emulator = emulator;
            this.all = all;
        }

        RunFigures run(LoadWorker.Client client, int streams, Pace pace, double duration, double ramp,
                       double warmupSeconds) throws IOException, InterruptedException {
            System.err.printf(Locale.ROOT, "side-by-side: %s, %d streams, %s, %.0f s of audio%n",
                    client.name().toLowerCase(Locale.ROOT), streams, pace.name().toLowerCase(Locale.ROOT), duration);
            List<String> args = List.of("--client", client.name(), "--endpoint", emulator.uri().toString(),
                    "--streams", String.valueOf(streams), "--audio", audio.toString(), "--pace", pace.name(),
                    "--duration", String.valueOf(duration), "--ramp", String.valueOf(ramp), "--warmup",
                    String.valueOf(warmupSeconds));
            Process worker = JavaProcess.start(JavaProcess.command(LoadWorker.class, List.of(), args));
            Duration[] emulatorBefore = {emulator.cpu()};
            String json = lastJsonLine(worker, () -> emulatorBefore[0] = emulator.cpu());
            // The worker's own deadline is ramp + audio + 60 s (twice with a warm-up); this only catches a hang.
            long bound = Math.round(2 * ramp + warmupSeconds + duration + 240);
            if (!worker.waitFor(bound, TimeUnit.SECONDS)) {
                JavaProcess.stop(worker, Duration.ofSeconds(5));
            }
            double emulatorCpu = (emulator.cpu().toNanos() - emulatorBefore[0].toNanos()) / 1e9;
            RunFigures figures = json != null ? RunFigures.parse(json, emulatorCpu)
                    : RunFigures.parse(String.format(Locale.ROOT, "{\"client\":\"%s\",\"streams\":%d,\"completed\":0,"
                            + "\"failed\":%d}", client.name().toLowerCase(Locale.ROOT), streams, streams), emulatorCpu);
            all.add(figures);
            return figures;
        }

        /** The worker's figures; {@code measuring} runs when the worker says its measured run starts. */
        private String lastJsonLine(Process worker, Runnable measuring) throws IOException {
            String json = null;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.equals(LoadWorker.MEASURING)) {
                        measuring.run();
                    } else if (line.startsWith("{")) {
                        json = line;
                    }
                }
            }
            return json;
        }
    }
}
