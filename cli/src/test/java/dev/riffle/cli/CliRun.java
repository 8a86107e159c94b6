package dev.riffle.cli;

import dev.riffle.sigv4.credentials.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * One in-process run of the {@code riffle} command: what it was given on standard input, and what it printed.
 *
 * @param status the exit status
 * @param out    standard output, as bytes
 * @param err    standard error, as text
 */
public record CliRun(int status, byte[] out, String err) {

    /**
     * An environment with no AWS settings at all: no variables, no properties, a home without {@code .aws}, so that
     * no test depends on (or sends to) the AWS account of the machine it runs on.
     */
    public static final Environment NO_AWS = Environment.of(Map.of(), Map.of(), Path.of("/nonexistent-riffle-home"));

    /** Runs {@code args} with {@code stdin} as standard input, in an environment without AWS settings. */
    public static CliRun run(byte[] stdin, String... args) {
        return run(NO_AWS, stdin, args);
    }

    /** Runs {@code args} with {@code stdin} as standard input, reading AWS settings from {@code environment}. */
    public static CliRun run(Environment environment, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(new Streams(new ByteArrayInputStream(stdin), out,
                new PrintStream(err, true, StandardCharsets.UTF_8)), environment, args);
        return new CliRun(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code args} with empty standard input. */
    public static CliRun run(String... args) {
        return run(new byte[0], args);
    }

    /** Standard output as UTF-8 text. */
    public String outText() {
        return new String(out, StandardCharsets.UTF_8);
    }
}
