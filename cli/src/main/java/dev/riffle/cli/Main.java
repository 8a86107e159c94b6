package dev.riffle.cli;

import dev.riffle.cli.bench.BenchCommand;
import dev.riffle.cli.frames.FramesCommand;
import dev.riffle.cli.serve.ServeCommand;
import dev.riffle.cli.transcribe.TranscribeCommand;
import dev.riffle.sigv4.credentials.Environment;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code riffle} command: the root of the picocli command tree.
 *
 * <p>Exit statuses follow one rule across subcommands: 0 success, 1 the input or the service said no (a bad frame,
 * a service error), 2 the command line or the input file is unusable, 130 interrupted.
 */
@Command(name = "riffle", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An event-stream engine for Amazon Transcribe Streaming.",
        subcommands = {TranscribeCommand.class, ServeCommand.class, BenchCommand.class, FramesCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status: the input or the peer was rejected. */
    public static final int EXIT_REJECTED = 1;
    /** Exit status: unusable arguments or input file (as picocli uses for usage errors). */
    public static final int EXIT_USAGE = 2;

    private final Streams streams;
    private final Environment environment;
    private final boolean process;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private Main(Streams streams, Environment environment, boolean process) {
        this.streams = streams;
        this.environment = environment;
        this.process = process;
    }

    /** The process entry point. */
    public static void main(String[] args) {
        System.exit(execute(new Main(Streams.system(), Environment.system(), true), args));
    }

    /**
     * Runs {@code args} in-process against {@code streams} and returns the exit status: no signal handlers are
     * installed, and standard output is never taken for a terminal.
     */
    public static int execute(Streams streams, String... args) {
        return execute(streams, Environment.system(), args);
    }

    /** As {@link #execute(Streams, String...)}, reading AWS settings (region, credentials) from {@code environment}. */
    public static int execute(Streams streams, Environment environment, String... args) {
        return execute(new Main(streams, environment, false), args);
    }

    private static int execute(Main main, String... args) {
        CommandLine commandLine = new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true);
        TranscribeCommand.addServiceParameterOptions(commandLine.getSubcommands().get("transcribe"));
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(main.streams.out(), StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(main.streams.err(), true));
        return commandLine.execute(args);
    }

    /** The streams commands read and write. */
    public Streams streams() {
        return streams;
    }

    /** Where AWS settings come from: the process's variables, properties and home directory, unless a test's. */
    public Environment environment() {
        return environment;
    }

    /** Whether this is the real process, whose Ctrl-C a command may take over. */
    public boolean handlesSignals() {
        return process;
    }

    /** Whether standard output is a terminal (only ever in the real process). */
    public boolean stdoutIsTerminal() {
        return process && Terminals.stdoutIsTerminal();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"riffle " + (version == null ? "(development build)" : version),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
