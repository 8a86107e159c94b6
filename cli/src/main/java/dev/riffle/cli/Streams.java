package dev.riffle.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
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

    /**
     * The process's own streams. Standard output is the file descriptor itself, not {@link System#out}: a
     * {@link PrintStream} swallows write errors, so a closed pipe ({@code | head -1}) or a full disk would go
     * unnoticed and a transcription would stream on to the end of its audio; here the write throws, and the
     * command stops and says so.
     */
    public static Streams system() {
        return new Streams(System.in, new FileOutputStream(FileDescriptor.out), System.err);
    }
}
