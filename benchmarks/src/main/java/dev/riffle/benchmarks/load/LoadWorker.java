package dev.riffle.benchmarks.load;

import dev.riffle.cli.TransportChoice;
import dev.riffle.cli.bench.BenchReport;
import dev.riffle.cli.bench.LoadClient;
import dev.riffle.cli.bench.LoadRun;
import dev.riffle.cli.bench.LoadSettings;
import dev.riffle.cli.bench.Pace;
import dev.riffle.cli.bench.PreparedAudio;
import dev.riffle.cli.bench.RiffleLoadClient;
import dev.riffle.emulator.EmulatorConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One client's load run, in a JVM of its own, so that each client's CPU, allocation, heap and GC are its own and
 * neither inherits the other's JIT or heap. {@link SideBySide} starts it; it prints the run's figures as one JSON
 * line ({@link BenchReport#toJson()}) on stdout, and progress on stderr.
 */
@Command(name = "load-worker", mixinStandardHelpOptions = true,
        description = "Run one load workload with one client and print its figures as JSON.")
public final class LoadWorker implements Callable<Integer> {

    /** The line a worker prints on stdout when the measured run starts (after any warm-up). */
    static final String MEASURING = "measuring";

    /** The clients a worker can drive. */
    public enum Client {
        /** riffle's TranscribeStreamingClient over its HTTP/2 transport. */
        RIFFLE,
        /** The AWS SDK for Java v2 TranscribeStreamingAsyncClient over its Netty HTTP/2 client. */
        SDK,
        /** No client at all: what the harness costs by itself. */
        NONE
    }

    @Option(names = "--client", required = true, description = "riffle, sdk, or none (the harness alone).")
    private Client client;

    @Option(names = "--endpoint", required = true, description = "The emulator's URL.")
    private URI endpoint;

    @Option(names = "--streams", required = true)
    private int streams;

    @Option(names = "--audio", required = true)
    private Path audio;

    @Option(names = "--pace", defaultValue = "realtime")
    private Pace pace;

    @Option(names = "--duration", description = "Audio seconds per stream (the file looped).")
    private Double duration;

    @Option(names = "--ramp", defaultValue = "0")
    private double ramp;

    @Option(names = "--warmup", defaultValue = "0", description = "Seconds of audio per stream to run first, "
            + "unmeasured, with the same client and workload (JIT compilation and pool growth happen there).")
    private double warmup;

    /** Runs the worker; exit status 0 once the figures are printed, whatever the streams did. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadWorker()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PreparedAudio prepared = PreparedAudio.read(audio, null);
        Duration rampDuration = LoadSettings.ramp(ramp);
        LoadSettings settings = LoadSettings.forRecording(audio, prepared, duration, streams, pace, rampDuration,
                "en-US");
        String workload = String.format(Locale.ROOT, "%d streams x %.0f s of %s, %s pace", streams,
                settings.audioSecondsPerStream(), audio.getFileName(), pace.name().toLowerCase(Locale.ROOT));
        try (LoadClient load = create()) {
            if (warmup > 0) {
                LoadSettings warm = LoadSettings.forRecording(audio, prepared, warmup, streams, pace, rampDuration,
                        "en-US");
                new LoadRun(load, warm, "warm-up", false, line -> { }).run();
            }
            System.out.println(MEASURING); // the parent reads the emulator's CPU from here
            System.out.flush();
            BenchReport report = new LoadRun(load, settings, workload, false, System.err::println).run();
            System.out.println(report.toJson());
        }
        return 0;
    }

    private LoadClient create() {
        return switch (client) {
            case RIFFLE -> RiffleLoadClient.forEndpoint(endpoint, TransportChoice.HTTP2, List.of());
            case SDK -> new SdkLoadClient(endpoint, streams, EmulatorConfig.EXAMPLE_ACCESS_KEY_ID,
                    EmulatorConfig.EXAMPLE_SECRET_ACCESS_KEY);
            case NONE -> new NullLoadClient();
        };
    }
}
