package dev.riffle.sigv4.credentials;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ShellCommandTest {

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void runsThroughTheShellOfThePlatform() {
        assertThat(ShellCommand.argv("get-creds --x", false)).containsExactly("sh", "-c", "get-creds --x");
        assertThat(ShellCommand.argv("get-creds --x", true)).containsExactly("cmd.exe", "/C", "get-creds --x");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void capturesStdoutStderrAndTheExitStatus() throws Exception {
        ShellCommand.Result result = ShellCommand.run("echo out; echo err >&2; exit 3", false, GENEROUS);

        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitStatus()).isEqualTo(3);
        assertThat(new String(result.stdout(), UTF_8)).isEqualTo("out\n");
        assertThat(new String(result.stderr(), UTF_8)).isEqualTo("err\n");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theShellInterpretsQuotingAndVariables() throws Exception {
        ShellCommand.Result result = ShellCommand.run("X='a  b'; echo \"$X\"", false, GENEROUS);

        assertThat(new String(result.stdout(), UTF_8)).isEqualTo("a  b\n");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theCommandGetsNoInput() throws Exception {
        ShellCommand.Result result = ShellCommand.run("cat; echo done", false, GENEROUS);

        assertThat(result.timedOut()).isFalse();
        assertThat(new String(result.stdout(), UTF_8)).isEqualTo("done\n");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void keepsOnlyTheStartOfLongOutputButDrainsAllOfIt() throws Exception {
        ShellCommand.Result result = ShellCommand.run(
                "head -c 200000 /dev/zero; head -c 5000 /dev/zero >&2; exit 0", false, GENEROUS);

        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).hasSize(ShellCommand.STDOUT_LIMIT);
        assertThat(result.stdoutOverflowed()).isTrue();
        assertThat(result.stderr()).hasSize(ShellCommand.STDERR_LIMIT);
        assertThat(result.stderrOverflowed()).isTrue();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void stopsTheCommandAndWhatItStartedAtTheTimeout() throws Exception {
        Path pids = folder.resolve("pids");
        String command = "echo $$ > '" + pids + "'; sleep 30 & echo $! >> '" + pids + "'; echo started >&2; wait";

        long start = System.nanoTime();
        ShellCommand.Result result = ShellCommand.run(command, false, Duration.ofMillis(500));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(result.timedOut()).isTrue();
        assertThat(elapsedMillis).isBetween(400L, 5_000L);
        assertThat(new String(result.stderr(), UTF_8)).isEqualTo("started\n");
        for (String pid : Files.readAllLines(pids)) {
            ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(process -> {
                process.onExit().orTimeout(5, TimeUnit.SECONDS).join();
                assertThat(process.isAlive()).as("process %s", pid).isFalse();
            });
        }
    }
}
