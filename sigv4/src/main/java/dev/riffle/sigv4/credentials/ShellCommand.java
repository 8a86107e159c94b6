package dev.riffle.sigv4.credentials;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command line through the platform's shell, as the AWS CLI and SDKs run a {@code credential_process}:
 * {@code sh -c COMMAND} on Unix, {@code cmd.exe /C COMMAND} on Windows, so that quoting, {@code ~} and
 * {@code $VARIABLES} mean what they mean in the user's shell.
 *
 * <p>The command gets no input (its stdin is closed at once: a command that prompts fails instead of waiting for
 * the timeout), inherits the JVM's environment and working directory, and is stopped, with every process it
 * started, when the timeout passes.
 */
final class ShellCommand {

    /** Enough for any credentials answer; the AWS SDK for Java v2 caps the output at about this size too. */
    static final int STDOUT_LIMIT = 64 * 1024;
    /** How much of stderr a message may quote. */
    static final int STDERR_LIMIT = 1024;
    /** How long to wait for the rest of stderr once the process has ended or been stopped. */
    private static final Duration STDERR_GRACE = Duration.ofSeconds(1);

    /**
     * What the command did.
     *
     * @param timedOut         whether it was stopped at the timeout (then {@code exitStatus} means nothing)
     * @param stdout           up to {@link #STDOUT_LIMIT} bytes of its standard output
     * @param stdoutOverflowed whether it printed more than that
     * @param stderr           up to {@link #STDERR_LIMIT} bytes of its standard error
     * @param stderrOverflowed whether it printed more than that
     */
    record Result(boolean timedOut, int exitStatus, byte[] stdout, boolean stdoutOverflowed, byte[] stderr,
                  boolean stderrOverflowed) {
    }

    private ShellCommand() {
    }

    /** The program and arguments that run {@code command} through the platform's shell. */
    static List<String> argv(String command, boolean windows) {
        return windows ? List.of("cmd.exe", "/C", command) : List.of("sh", "-c", command);
    }

    /**
     * Runs {@code command} and waits for it and for the end of its output, at most {@code timeout} in all.
     *
     * @throws IOException          if the shell cannot be started
     * @throws InterruptedException if the calling thread is interrupted; the command is stopped first
     */
    static Result run(String command, boolean windows, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv(command, windows)).start();
        process.getOutputStream().close();
        StreamCapture stdout = StreamCapture.start(process.getInputStream(), STDOUT_LIMIT,
                "riffle-credential-process-stdout");
        StreamCapture stderr = StreamCapture.start(process.getErrorStream(), STDERR_LIMIT,
                "riffle-credential-process-stderr");
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            // The reader thread may still be copying the last of stdout when the process ends; that wait counts
            // against the timeout too.
            boolean finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)
                    && stdout.awaitEnd(Duration.ofNanos(deadline - System.nanoTime()));
            if (!finished) {
                stopWithDescendants(process);
            }
            stderr.awaitEnd(STDERR_GRACE);
            return new Result(!finished, finished ? process.exitValue() : -1, stdout.bytes(), stdout.overflowed(),
                    stderr.bytes(), stderr.overflowed());
        } catch (InterruptedException e) {
            stopWithDescendants(process);
            throw e;
        }
    }

    /**
     * Stops the shell and what it started: killing only the shell would leave, say, a sleeping script running. The
     * shell goes first, so that it cannot add "Killed" notices about its children to stderr.
     */
    private static void stopWithDescendants(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
