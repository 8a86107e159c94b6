package dev.riffle.benchmarks.load;

import dev.riffle.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code riffle serve} in a process of its own: the one emulator every run of a comparison talks to, so the
 * clients' costs are measured apart from the server's, and the server's come from its own process counters.
 */
final class EmulatorProcess implements AutoCloseable {

    private final Process process;
    private final URI uri;

    private EmulatorProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * Starts the emulator on an ephemeral loopback port and waits for its {@code listening on} line.
     *
     * @param script             the script of the audio every stream sends
     * @param scriptRepeatSeconds how long one pass of that audio lasts (the script repeats with the looped audio)
     */
    static EmulatorProcess start(Path script, double scriptRepeatSeconds) throws IOException {
        // The quota admits every stream of the scale workload; the real-time check is off so the throughput
        // workload can send faster than real time (the real-time workloads are paced by the harness anyway).
        List<String> args = List.of("serve", "--host", "127.0.0.1", "--port", "0", "--script", script.toString(),
                "--script-repeat", String.format(Locale.ROOT, "%.6f", scriptRepeatSeconds), "--max-streams",
                "100000", "--realtime-allowance", "0");
        Process process = JavaProcess.start(JavaProcess.command(Main.class, List.of(), args));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("listening on ")) {
                Thread drain = new Thread(() -> drain(out), "emulator-stdout");
                drain.setDaemon(true);
                drain.start();
                return new EmulatorProcess(process, URI.create(line.substring("listening on ".length()).strip()));
            }
        }
        JavaProcess.stop(process, Duration.ofSeconds(5));
        throw new IOException("riffle serve ended before it was listening (exit status " + process.exitValue()
                + ")");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // the emulator says nothing more on stdout; keep its pipe from filling regardless
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Where it listens. */
    URI uri() {
        return uri;
    }

    /** CPU time the emulator has used so far. */
    Duration cpu() {
        return JavaProcess.cpu(process);
    }

    @Override
    public void close() {
        JavaProcess.stop(process, Duration.ofSeconds(10));
    }
}
