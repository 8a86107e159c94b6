package dev.riffle.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The standard streams a command reads and writes, passed in rather than taken from {@link System} so that tests
 * can run commands in-process and look at exactly what they printed.
 *
 * @param in  standard input (binary)
 * @param out standard output (binary: frames are bytes, JSON is written as UTF-8)
 * @param err standard error, for diagnostics
 */
public record Streams(InputStream in, OutputStream out, PrintStream err) {

    /** The process's own streams. */
    public static Streams system() {
        return new Streams(System.in, System.out, System.err);
    }
}
