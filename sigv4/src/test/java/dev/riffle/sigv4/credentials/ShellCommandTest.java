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
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "its commands are /bin/sh scripts")
    void capturesStdoutStderrAndTheExitStatus() throws Exception {
        ShellCommand.Result result = ShellCommand.run("echo out; echo err >&2; exit 3", false, GENEROUS);

        assertThat(result.timedOut()).isFalse();
        assertThat(result.exitStatus()).isEqualTo(3);
        assertThat(new String(result.stdout(), UTF_8)).isEqualTo("out\n");
        assertThat(new String(result.stderr(), UTF_8)).isEqualTo("err\n");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "its commands are /bin/sh scripts")
    void theShellInterpretsQuotingAndVariables() throws Exception {
        ShellCommand.Result result = ShellCommand.run("X='a  b'; echo \"$X\"", false, GENEROUS);

        assertThat(new String(result.stdout(), UTF_8)).isEqualTo("a  b\n");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "its commands are /bin/sh scripts")
    void theCommandGetsNoInput() throws Exception {
        ShellCommand.Result result = ShellCommand.run("cat; echo done", false, GENEROUS);

        assertThat(result.timedOut()).isFalse();
        assertThat(new String(result.stdout(), UTF_8)).isEqualTo("done\n");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "its commands are /bin/sh scripts")
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
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "its commands are /bin/sh scripts")
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
            ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(process ->
                    assertThat(endsWithinSeconds(process, 5)).as("process %s ended", pid).isTrue());
        }
    }

    /**
     * Polls briefly rather than using {@code onExit()}, which for a process that is not our child backs off to seconds
     * between checks.
     */
    private static boolean endsWithinSeconds(ProcessHandle process, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!hasEnded(process) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return hasEnded(process);
    }

    /**
     * Whether the process is gone or a zombie: a killed orphan stays a zombie until its new parent (not this JVM)
     * collects it, but it runs no more. Linux tells zombies apart in /proc; elsewhere only "gone" counts.
     */
    private static boolean hasEnded(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
