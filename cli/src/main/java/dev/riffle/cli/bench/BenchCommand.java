package dev.riffle.cli.bench;

import dev.riffle.cli.EndpointConverter;
import dev.riffle.cli.FileErrors;
import dev.riffle.cli.Companions;
import dev.riffle.cli.Main;
import dev.riffle.cli.Terminals;
import dev.riffle.cli.TransportChoice;
import dev.riffle.emulator.Emulator;
import dev.riffle.emulator.EmulatorConfig;
import dev.riffle.transcribe.audio.AudioFormat;
import dev.riffle.transcribe.audio.UnsupportedAudioException;
import dev.riffle.transport.StreamRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riffle bench}: N concurrent transcription streams, each sending one recording (looped), against the
 * embedded emulator or an endpoint, and what they cost: throughput, CPU, heap, GC, allocation and latency.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Load-test a Transcribe Streaming endpoint (by default the embedded emulator) with N "
                + "concurrent streams, and report what the client spent.",
                "With the embedded emulator, its costs are in the figures too; for the client's alone, run "
                        + "'riffle serve' in another process and pass --endpoint."},
        footer = {"", "Exit status: 0 every stream completed (with the right transcript, where one is known), "
                + "1 some failed, 2 unusable arguments or audio."})
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private Main main;

    @Option(names = "--streams", paramLabel = "N", defaultValue = "1", description = "Concurrent streams, 1 to "
            + "65535 (default: ${DEFAULT-VALUE}).")
    private int streams;

    @Option(names = "--audio", paramLabel = "FILE", required = true, description = "WAV (16-bit PCM) or raw PCM "
            + "with --sample-rate, sent by every stream; NAME.txt beside it is the transcript to check.")
    private Path audio;

    @Option(names = "--sample-rate", paramLabel = "HZ", description = "Sample rate of raw PCM audio.")
    private Integer sampleRate;

    @Option(names = "--transport", paramLabel = "PROTOCOL", defaultValue = "http2",
            description = "http2 or websocket (default: ${DEFAULT-VALUE}).")
    private TransportChoice transport;

    @Option(names = "--pace", paramLabel = "PACE", defaultValue = "realtime", description = "realtime, max (4 s "
            + "ahead of real time) or unlimited (default: ${DEFAULT-VALUE}).")
    private Pace pace;

    @Option(names = "--endpoint", converter = EndpointConverter.class, paramLabel = "URL",
            description = "Where to send (for example a 'riffle serve'); "
            + "default: an emulator in this process.")
    private URI endpoint;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Audio per stream: the file is looped a "
            + "whole number of times to last at least this long, at most 14400 (default: once).")
    private Double duration;

    @Option(names = "--ramp", paramLabel = "SECONDS", defaultValue = "0", description = "Start the streams evenly "
            + "over this long, at most 14400 (default: ${DEFAULT-VALUE}).")
    private double ramp;

    @Option(names = "--language-code", paramLabel = "CODE", defaultValue = "en-US",
            description = "Language (default: ${DEFAULT-VALUE}).")
    private String languageCode;

    @Option(names = "--ca-bundle", paramLabel = "FILE", description = "PEM certificates to trust for an https "
            + "endpoint.")
    private Path caBundle;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    private boolean json;

    @Override
    public Integer call() {
        PrintStream err = main.streams().err();
        PreparedAudio prepared;
        List<java.security.cert.X509Certificate> trusted;
        try {
            prepared = PreparedAudio.read(audio, sampleRate == null ? null : AudioFormat.pcm(sampleRate, 1));
        } catch (NoSuchFileException e) {
            return usage(FileErrors.cannotOpen(e.getFile(), e));
        } catch (UnsupportedAudioException e) {
            return usage(audio + ": " + e.getMessage());
        } catch (IOException e) {
            return usage(audio + ": cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        try {
            trusted = TransportChoice.readCertificates(caBundle);
        } catch (IOException | CertificateException e) {
            return usage("--ca-bundle " + caBundle + ": " + e.getMessage());
        }
        LoadSettings settings;
        try {
            settings = LoadSettings.forRecording(audio, prepared, duration, streams, pace, LoadSettings.ramp(ramp),
                    languageCode);
            if (endpoint != null) {
                StreamRequest.requireUsableEndpoint(endpoint);
            }
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        Emulator emulator;
        try {
            emulator = endpoint == null ? startEmulator(prepared, settings.passes(), err) : null;
        } catch (IllegalArgumentException | IllegalStateException e) { // the script beside the audio, say
            return usage(e.getMessage());
        }
        try (RiffleLoadClient client = RiffleLoadClient.forEndpoint(emulator != null ? emulator.uri() : endpoint,
                transport, trusted)) {
            BenchReport report = new LoadRun(client, settings, workload(settings, emulator), emulator != null,
                    progress(err)).run();
            clearProgress(err);
            PrintStream out = new PrintStream(main.streams().out(), true, StandardCharsets.UTF_8);
            out.print(json ? report.toJson() + "\n" : report.toText());
            out.flush();
            return report.failed() == 0 && report.transcriptsCorrect() == report.transcriptsChecked() ? 0
                    : Main.EXIT_REJECTED;
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    /**
     * The emulator for a run without --endpoint: the script beside the audio, repeated with it, a quota that
     * admits every stream, and the real-time check off only when the pace asks for no limit.
     */
    private Emulator startEmulator(PreparedAudio prepared, int passes, PrintStream err) {
        EmulatorConfig.Builder config = EmulatorConfig.builder().host("127.0.0.1").port(0)
                .maxConcurrentStreams(Math.max(25, streams));
        Path script = Companions.beside(audio, ".json");
        if (Files.isRegularFile(script)) {
            config.script(script);
            if (passes > 1) {
                config.scriptRepeat(Duration.ofNanos(prepared.passNanos()));
            }
        }
        if (pace == Pace.UNLIMITED) {
            config.aheadOfRealTimeAllowance(null);
        }
        err.println("riffle bench: using the embedded emulator" + (Files.isRegularFile(script) ? ", scripted by "
                + script : ", without a script (no " + script.getFileName() + " beside the audio)"));
        return Emulator.start(config.build());
    }

    private String workload(LoadSettings settings, Emulator emulator) {
        return String.format(Locale.ROOT, "%d stream%s x %.1f s of %s (%s), %s, %s pace%s, against %s",
                settings.streams(), settings.streams() == 1 ? "" : "s", settings.audioSecondsPerStream(),
                audio.getFileName(), settings.audio().format(), transport.name().toLowerCase(Locale.ROOT),
                pace.name().toLowerCase(Locale.ROOT), ramp > 0 ? ", ramp " + ramp + " s" : "",
                emulator != null ? "the embedded emulator" : endpoint);
    }

    private static Consumer<String> progress(PrintStream err) {
        if (Terminals.stderrIsTerminal()) {
            return line -> {
                err.print("\r" + line + "\033[K");
                err.flush();
            };
        }
        long[] printed = {0};
        return line -> {
            if (++printed[0] % 10 == 0) { // a line every 10 s in a log
                err.println(line);
            }
        };
    }

    private static void clearProgress(PrintStream err) {
        if (Terminals.stderrIsTerminal()) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private int usage(String message) {
        main.streams().err().println("riffle bench: " + message);
        return Main.EXIT_USAGE;
    }
}
