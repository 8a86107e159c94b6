package dev.riffle.cli.serve;

import dev.riffle.cli.Main;
import dev.riffle.cli.Signals;
import dev.riffle.emulator.Emulator;
import dev.riffle.emulator.EmulatorConfig;
import dev.riffle.emulator.Fault;
import dev.riffle.emulator.tls.ServerCertificate;
import dev.riffle.sigv4.Credentials;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riffle serve}: the local Transcribe Streaming emulator, until stopped. Prints one line
 * {@code listening on URL} once bound (and with TLS, where the certificate's PEM is), then serves; SIGINT or
 * SIGTERM end open streams with an error, close the port, and exit 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a local Amazon Transcribe Streaming emulator until stopped (Ctrl-C).",
                "HTTP/2 with prior knowledge on plain TCP; with --tls, HTTP/2 with or without ALPN. Requests and "
                        + "every event are SigV4-verified; transcripts come from --script."})
public final class ServeCommand implements Callable<Integer> {

    /** An allowance as long as the service's longest stream can never be used up. */
    private static final double MAX_REALTIME_ALLOWANCE_SECONDS = EmulatorConfig.SERVICE_MAX_STREAM_DURATION
            .toSeconds();

    @CommandLine.ParentCommand
    private Main main;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--tls", description = "Serve TLS; without --cert, with a generated self-signed certificate.")
    private boolean tls;

    @Option(names = "--cert", paramLabel = "FILE", description = "PEM certificate chain (with --key).")
    private Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "PEM private key (with --cert).")
    private Path key;

    @Option(names = "--script", paramLabel = "FILE", description = "Transcript script (.txt or .json) for every stream.")
    private Path script;

    @Option(names = "--script-repeat", paramLabel = "SECONDS", description = "Play a .json script again every "
            + "SECONDS of audio, for clients that loop a recording (riffle bench).")
    private Double scriptRepeat;

    @Option(names = "--access-key", paramLabel = "AK", defaultValue = EmulatorConfig.EXAMPLE_ACCESS_KEY_ID,
            description = "Access key id to accept (default: ${DEFAULT-VALUE}).")
    private String accessKey;

    @Option(names = "--secret-key", paramLabel = "SK", defaultValue = EmulatorConfig.EXAMPLE_SECRET_ACCESS_KEY,
            description = "Secret key to accept (default: the AWS documentation's example key).", showDefaultValue =
            CommandLine.Help.Visibility.NEVER)
    private String secretKey;

    @Option(names = "--region", description = "Refuse requests signed for another region, as a regional endpoint "
            + "does (default: any region).")
    private String region;

    @Option(names = "--max-streams", defaultValue = "25", description = "Concurrent-stream quota (default: ${DEFAULT-VALUE}).")
    private int maxStreams;

    @Option(names = "--realtime-allowance", paramLabel = "SECONDS", defaultValue = "10",
            description = "How far ahead of real time audio may run before 'Your stream is too big'; 0 turns the "
                    + "check off, for throughput benchmarks (default: ${DEFAULT-VALUE}).")
    private double realtimeAllowance;

    @Option(names = "--fault", paramLabel = "FAULT", description = "Inject into every stream: exception:TYPE[:MSG]@S, "
            + "error:CODE[:MSG]@S, reset@S, goaway@S, drop@S, delay-headers@S, stall@S (S: seconds of audio). "
            + "Repeatable.")
    private List<String> faults = new ArrayList<>();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(main.streams().out(), true, java.nio.charset.StandardCharsets.UTF_8);
        EmulatorConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            main.streams().err().println("riffle serve: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(config);
        } catch (IllegalArgumentException e) { // the script: unreadable, malformed, or longer than its repeat
            main.streams().err().println("riffle serve: " + e.getMessage());
            return Main.EXIT_USAGE;
        } catch (IllegalStateException e) {
            main.streams().err().println("riffle serve: " + e.getMessage());
            return Main.EXIT_REJECTED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            emulator.close();
            stopped.countDown();
        };
        Signals.onTerminate(stop);
        out.println("listening on " + emulator.uri());
        emulator.certificate().ifPresent(c -> out.println("certificate " + writePem(c)));
        stopped.await();
        return 0;
    }

    private EmulatorConfig config() {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("--max-streams must be at least 1, was " + maxStreams);
        }
        if (!(realtimeAllowance >= 0 && realtimeAllowance <= MAX_REALTIME_ALLOWANCE_SECONDS)) { // NaN too
            throw new IllegalArgumentException("--realtime-allowance must be 0 (off) to "
                    + (long) MAX_REALTIME_ALLOWANCE_SECONDS + " seconds, was " + realtimeAllowance);
        }
        EmulatorConfig.Builder builder = EmulatorConfig.builder().host(host).port(port).tls(tls)
                .credentials(Credentials.of(accessKey, secretKey)).maxConcurrentStreams(maxStreams)
                .aheadOfRealTimeAllowance(realtimeAllowance == 0 ? null
                        : Duration.ofMillis(Math.round(realtimeAllowance * 1000)));
        if (region != null) {
            builder.region(region);
        }
        if (cert != null || key != null) {
            if (cert == null || key == null) {
                throw new IllegalArgumentException("--cert and --key go together");
            }
            builder.certificate(ServerCertificate.fromPem(cert, key));
        }
        if (script != null) {
            if (!Files.isReadable(script)) {
                throw new IllegalArgumentException(script + ": no such file");
            }
            builder.script(script);
        }
        if (scriptRepeat != null) {
            if (script == null || !(scriptRepeat > 0)) {
                throw new IllegalArgumentException("--script-repeat needs --script and a positive number of seconds");
            }
            builder.scriptRepeat(Duration.ofNanos(Math.round(scriptRepeat * 1e9)));
        }
        for (String fault : faults) {
            builder.fault(Fault.parse(fault));
        }
        return builder.build();
    }

    private static Path writePem(ServerCertificate certificate) {
        try {
            Path file = Files.createTempFile("riffle-emulator-", ".pem");
            file.toFile().deleteOnExit();
            return certificate.writeCertificatePem(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the certificate's PEM", e);
        }
    }
}
