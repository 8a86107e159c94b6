package dev.riffle.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the {@code riffle} command: what it was given on standard input, and what it printed.
 *
 * @param status the exit status
 * @param out    standard output, as bytes
 * @param err    standard error, as text
 */
public record CliRun(int status, byte[] out, String err) {

    /** Runs {@code args} with {@code stdin} as standard input. */
    public static CliRun run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(new Streams(new ByteArrayInputStream(stdin), out,
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
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
