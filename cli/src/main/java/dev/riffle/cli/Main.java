package dev.riffle.cli;

import dev.riffle.cli.frames.FramesCommand;
import dev.riffle.cli.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code riffle} command: the root of the picocli command tree.
 *
 * <p>Exit statuses follow one rule across subcommands: 0 success, 1 the input or the service said no (a bad frame,
 * a service error), 2 the command line or the input file is unusable.
 */
@Command(name = "riffle", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An event-stream engine for Amazon Transcribe Streaming.",
        subcommands = {FramesCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status: the input or the peer was rejected. */
    public static final int EXIT_REJECTED = 1;
    /** Exit status: unusable arguments or input file (as picocli uses for usage errors). */
    public static final int EXIT_USAGE = 2;

    private final Streams streams;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    Main(Streams streams) {
        this.streams = streams;
    }

    /** The process entry point. */
    public static void main(String[] args) {
        System.exit(execute(Streams.system(), args));
    }

    /** Runs {@code args} against {@code streams} and returns the exit status. */
    public static int execute(Streams streams, String... args) {
        CommandLine commandLine = new CommandLine(new Main(streams));
        commandLine.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(streams.out(),
                java.nio.charset.StandardCharsets.UTF_8), true));
        commandLine.setErr(new java.io.PrintWriter(streams.err(), true));
        return commandLine.execute(args);
    }

    /** The streams commands read and write. */
    public Streams streams() {
        return streams;
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
