package dev.riffle.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code riffle} command as a process of its own, for what cannot be tried in-process: signals, and exit
 * statuses set by {@code System.exit}. It runs the CLI's main class on this test's class path, with no AWS
 * settings (variables removed, an empty home), so that nothing reaches an AWS account.
 */
public final class CliProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final CompletableFuture<String> err;

    private CliProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
    }

    /** Starts {@code riffle args...} with {@code home} as its (empty) home directory. */
    public static CliProcess start(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.home=" + home, "-cp", classPath(), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("HOME", Files.createDirectories(home).toString());
        return new CliProcess(builder.start());
    }

    /**
     * Whether SIGINT is ignored in this process, and so in every process it starts: a build started in the
     * background by a non-interactive shell (`mvn verify &`, nohup) inherits SIGINT ignored, the JVMs it starts then
     * install no handler for it, and Ctrl-C cannot be tested (Linux: bit 2 of SigIgn in /proc/self/status).
     */
    public static boolean interruptIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // not Linux: assume signals behave
        }
        return false;
    }

    /** Surefire may run tests from a manifest-only jar; its real class path is in this property then. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The next line of standard output, or null at its end. */
    public String readLine() throws IOException {
        return out.readLine();
    }

    /** The process's standard input; it stays open until closed here (the default: a pipe with no data yet). */
    public java.io.OutputStream input() {
        return process.getOutputStream();
    }

    /** Stops reading standard output, as {@code | head -1} does: the process's next write fails (EPIPE). */
    public void closeOutput() throws IOException {
        out.close();
    }

    /** The rest of standard output, line by line. */
    public List<String> remainingLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
        }
        return lines;
    }

    /** Sends {@code signal} ({@code INT}, {@code TERM}) with kill(1). */
    public void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** Waits up to {@code seconds} for the exit status; fails if the process is still running. */
    public int exitStatus(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("riffle did not exit within " + seconds + " s");
        }
        return process.exitValue();
    }

    /** Everything written to standard error, once the process has ended. */
    public String err() {
        return err.join();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
