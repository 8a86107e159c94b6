package dev.riffle.cli.transcribe;

import dev.riffle.cli.EndpointConverter;
import dev.riffle.cli.FileErrors;
import dev.riffle.cli.Main;
import dev.riffle.cli.PrintableText;
import dev.riffle.cli.Signals;
import dev.riffle.cli.Terminals;
import dev.riffle.cli.TransportChoice;
import dev.riffle.cli.transcribe.captions.CaptionFormat;
import dev.riffle.sigv4.CredentialsException;
import dev.riffle.transcribe.RetryPolicy;
import dev.riffle.transcribe.TranscribeStreamingClient;
import dev.riffle.transcribe.audio.AudioChunker;
import dev.riffle.transcribe.audio.AudioFormat;
import dev.riffle.transcribe.audio.AudioSource;
import dev.riffle.transcribe.audio.Pacer;
import dev.riffle.transcribe.audio.UnsupportedAudioException;
import dev.riffle.transcribe.model.InvalidRequestException;
import dev.riffle.transcribe.model.RequestParameter;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code riffle transcribe FILE}: streams an audio file (or standard input) to Amazon Transcribe Streaming, an
 * endpoint, or the embedded emulator, and prints the transcript as it comes.
 *
 * <p>Exit statuses: 0 the whole transcript came; 1 the service or the connection failed (the exception's type,
 * message and request id are printed); 2 the arguments, the audio or the local configuration are unusable; 130
 * interrupted by Ctrl-C (after the input was ended cleanly and the last finals printed).
 */
@Command(name = "transcribe", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Transcribe an audio file with Amazon Transcribe Streaming, live.",
                "Without --endpoint or a region, the local emulator runs in-process, scripted by NAME.json or "
                        + "NAME.txt beside the audio: no AWS account needed.",
                "Request parameters not listed first are named as the service names them."},
        footer = {"", "Exit status: 0 complete, 1 service or connection error, 2 unusable arguments or audio, "
                + "130 interrupted."})
public final class TranscribeCommand implements Callable<Integer> {

    /** Exit status after Ctrl-C, by the shell convention 128 + SIGINT. */
    public static final int EXIT_INTERRUPTED = 130;

    enum Pace { REALTIME, MAX, UNLIMITED }

    enum Stability { LOW, MEDIUM, HIGH }

    @CommandLine.ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "WAV (16-bit PCM, 8-48 kHz, mono or stereo), FLAC, Ogg Opus, or raw PCM with "
                    + "--sample-rate; - reads standard input.")
    private String file;

    @Option(names = "--output", paramLabel = "FORMAT", description = "live, text, json, srt or vtt (default: live on "
            + "a terminal, text otherwise).")
    private OutputFormat output;

    @Option(names = "--endpoint", converter = EndpointConverter.class, paramLabel = "URL",
            description = "Send to this endpoint, e.g. a 'riffle serve' "
            + "at http://127.0.0.1:8080.")
    private URI endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "Send to Amazon Transcribe in REGION (default: "
            + "from AWS_REGION or the AWS config; none: the local emulator).")
    private String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile for credentials and region.")
    private String profile;

    @Option(names = "--transport", paramLabel = "PROTOCOL", defaultValue = "http2",
            description = "http2 or websocket (default: ${DEFAULT-VALUE}).")
    private TransportChoice transport;

    @Option(names = "--pace", paramLabel = "PACE", defaultValue = "realtime", description = "realtime; max: as "
            + "fast as the endpoint accepts, staying within its ahead-of-real-time limit; unlimited: no pacing, for "
            + "an emulator without that limit ('riffle serve --realtime-allowance 0') (default: ${DEFAULT-VALUE}).")
    private Pace pace;

    @Option(names = {"--stability", "--partial-results-stability"}, paramLabel = "LEVEL",
            description = "low, medium or high: turns on partial-results stabilization at that level.")
    private Stability stability;

    @Option(names = "--sample-rate", paramLabel = "HZ", description = "Sample rate of raw PCM input (16-bit "
            + "little-endian); files with a header say their own.")
    private Integer sampleRate;

    @Option(names = "--number-of-channels", paramLabel = "N", description = "Channels of raw PCM input: 1 or 2 "
            + "(default: 1).")
    private Integer channels;

    @Option(names = "--ca-bundle", paramLabel = "FILE", description = "PEM certificates to trust for an https "
            + "endpoint, such as the one 'riffle serve --tls' prints.")
    private Path caBundle;

    /** Values of the options generated from the service's parameters; see {@link ServiceParameterOptions}. */
    private final Map<RequestParameter, String> serviceParameters = new EnumMap<>(RequestParameter.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Adds the options named after the service's request parameters to the {@code transcribe} command. */
    public static void addServiceParameterOptions(CommandLine transcribe) {
        TranscribeCommand command = transcribe.getCommand();
        ServiceParameterOptions.addTo(transcribe, command.serviceParameters);
    }

    @Override
    public Integer call() {
        PrintStream err = main.streams().err();
        AudioInput input;
        try {
            input = AudioInput.of(file);
        } catch (InvalidPathException e) { // a name the platform's charset cannot hold (LANG=C)
            return usageError(file + ": not a usable file name (" + e.getReason() + "; is the locale UTF-8?)");
        }
        AudioSource source;
        try {
            source = input.open(main.streams().in(), headerlessFormat());
        } catch (NoSuchFileException e) {
            return usageError(FileErrors.cannotOpen(file, e));
        } catch (UnsupportedAudioException e) {
            return usageError(file + ": " + e.getMessage());
        } catch (IOException e) {
            return usageError(file + ": cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return usageError(e.getMessage());
        }
        try (source) {
            return transcribe(input, source, err);
        } catch (IOException e) {
            return Main.EXIT_USAGE; // closing the input failed; nothing useful to add
        }
    }

    private int transcribe(AudioInput input, AudioSource source, PrintStream err) {
        warnIfDeclaredFormatIgnored(source, err);
        StartStreamTranscriptionRequest request;
        try {
            request = request(source.format()).validate();
        } catch (InvalidRequestException e) {
            return usageError("the service would refuse this request: " + String.join("; ", e.violations()));
        }
        List<X509Certificate> trusted;
        try {
            trusted = trustedCertificates();
        } catch (IOException | CertificateException e) {
            return usageError("--ca-bundle " + caBundle + ": " + e.getMessage());
        }
        Destination destination;
        try {
            destination = Destination.resolve(endpoint, region, profile, main.environment(), input.scriptBeside(),
                    file, pace == Pace.UNLIMITED);
        } catch (CredentialsException | IllegalArgumentException e) {
            return usageError(e.getMessage());
        } catch (IllegalStateException e) {
            return failure("cannot start the local emulator: " + e.getMessage());
        }
        try (destination) {
            destination.notice().ifPresent(err::println);
            return run(source, request, destination, trusted, err);
        }
    }

    private int run(AudioSource source, StartStreamTranscriptionRequest request, Destination destination,
                    List<X509Certificate> trusted, PrintStream err) {
        TranscriptionRun run = new TranscriptionRun(AudioChunker.of(source), pacer(), printer());
        if (main.handlesSignals()) {
            Signals.onEachTerminate(run::interrupt);
        }
        try (TranscribeStreamingClient client = client(destination, trusted)) {
            TranscriptionRun.Outcome outcome = run.run(client, request);
            return exitStatus(outcome, err);
        }
    }

    private int exitStatus(TranscriptionRun.Outcome outcome, PrintStream err) {
        if (outcome instanceof TranscriptionRun.Outcome.Completed) {
            return 0;
        }
        if (outcome instanceof TranscriptionRun.Outcome.Interrupted) {
            return EXIT_INTERRUPTED;
        }
        if (outcome instanceof TranscriptionRun.Outcome.Failed failed) {
            // the message may quote the service's own words: shown, never obeyed by the terminal
            err.println("riffle transcribe: " + PrintableText.of(String.valueOf(failed.error().getMessage())));
            return Main.EXIT_REJECTED;
        }
        if (outcome instanceof TranscriptionRun.Outcome.InputFailed input) {
            return usageError(file + ": " + input.error().getMessage());
        }
        TranscriptionRun.Outcome.OutputFailed output = (TranscriptionRun.Outcome.OutputFailed) outcome;
        return failure("cannot write the output: " + output.error().getMessage());
    }

    /** The request: the audio's format, the flags, and the service-named options. */
    private StartStreamTranscriptionRequest request(AudioFormat format) {
        StartStreamTranscriptionRequest.Builder builder = StartStreamTranscriptionRequest.builder()
                .mediaEncoding(format.encoding()).mediaSampleRateHertz(format.sampleRate());
        if (format.channels() == 2) {
            // Two channels are only transcribed apart when asked to; the service needs both parameters (spec 2.3).
            builder.enableChannelIdentification(true).numberOfChannels(2);
        }
        if (!identifiesLanguage()) {
            builder.parameter(RequestParameter.LANGUAGE_CODE, "en-US");
        }
        if (stability != null) {
            builder.enablePartialResultsStabilization(true)
                    .parameter(RequestParameter.PARTIAL_RESULTS_STABILITY, stability.name().toLowerCase(Locale.ROOT));
        }
        serviceParameters.forEach(builder::parameter);
        if (format.channels() == 2 && "false".equalsIgnoreCase(serviceParameters.get(
                RequestParameter.ENABLE_CHANNEL_IDENTIFICATION))) {
            builder.numberOfChannels(null);
        }
        return builder.build();
    }

    /** Whether a flag turns language identification on: {@code --identify-language=false} leaves it off. */
    private boolean identifiesLanguage() {
        return "true".equalsIgnoreCase(serviceParameters.get(RequestParameter.IDENTIFY_LANGUAGE))
                || "true".equalsIgnoreCase(serviceParameters.get(RequestParameter.IDENTIFY_MULTIPLE_LANGUAGES));
    }

    /** The format of headerless input, if the user declared one. */
    private AudioFormat headerlessFormat() {
        if (sampleRate == null) {
            if (channels != null) {
                throw new IllegalArgumentException("--number-of-channels describes raw PCM and needs --sample-rate");
            }
            return null;
        }
        return AudioFormat.pcm(sampleRate, channels == null ? 1 : channels);
    }

    private void warnIfDeclaredFormatIgnored(AudioSource source, PrintStream err) {
        if (sampleRate != null && source.container() != AudioSource.Container.RAW_PCM
                && (source.format().sampleRate() != sampleRate
                || channels != null && source.format().channels() != channels)) {
            err.println("riffle transcribe: " + file + " says it is " + source.format() + " in its header; "
                    + "--sample-rate and --number-of-channels are for raw PCM and were ignored");
        }
    }

    private Pacer pacer() {
        return switch (pace) {
            case REALTIME -> Pacer.realtime();
            case MAX -> Pacer.max();
            case UNLIMITED -> Pacer.unlimited();
        };
    }

    private TranscriptPrinter printer() {
        OutputStream out = main.streams().out();
        OutputFormat format = output != null ? output
                : main.stdoutIsTerminal() ? OutputFormat.LIVE : OutputFormat.TEXT;
        return switch (format) {
            case LIVE -> new LivePrinter(out, Terminals.columns(System.getenv()), Terminals.stylingWanted(System.getenv()));
            case TEXT -> new TextPrinter(out);
            case JSON -> new JsonPrinter(out);
            case SRT -> new CaptionPrinter(out, CaptionFormat.SRT);
            case VTT -> new CaptionPrinter(out, CaptionFormat.VTT);
        };
    }

    private TranscribeStreamingClient client(Destination destination, List<X509Certificate> trusted) {
        TranscribeStreamingClient.Builder builder = TranscribeStreamingClient.builder().transport(transport.create(trusted))
                .region(destination.region()).credentialsProvider(destination.credentials());
        destination.endpoint().ifPresent(builder::endpoint);
        if (destination.notice().isPresent()) {
            builder.retryPolicy(RetryPolicy.NONE); // the emulator in this process never throttles
        }
        return builder.build();
    }

    private List<X509Certificate> trustedCertificates() throws IOException, CertificateException {
        return TransportChoice.readCertificates(caBundle);
    }

    private int usageError(String message) {
        main.streams().err().println("riffle transcribe: " + message);
        return Main.EXIT_USAGE;
    }

    private int failure(String message) {
        main.streams().err().println("riffle transcribe: " + message);
        return Main.EXIT_REJECTED;
    }
}
