package dev.riffle.cli.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C, for real: {@code riffle transcribe} runs as its own process (signal handling is process-wide, so it
 * cannot be tried in-process), gets SIGINT partway through a sample, and must end the stream cleanly, print the
 * finals the service sends after the end of input, and exit 130.
 */
class TranscribeInterruptTest {

    @TempDir
    Path home;

    @Test
    void ctrlCEndsTheStreamCleanlyPrintsTheLastFinalsAndExits130() throws Exception {
        Process riffle = start("transcribe", Samples.file("briefing.wav").toString(), "--output", "text");
        BufferedReader out = new BufferedReader(new InputStreamReader(riffle.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(riffle));

        String first = out.readLine(); // the first final: about 2.5 s into the audio
        Thread.sleep(1500); // into the second sentence (2.5 s to 7 s), so that some of it has been heard
        long interruptedAt = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(riffle.pid())).inheritIO().start().waitFor();
        List<String> rest = new ArrayList<>();
        for (String line; (line = out.readLine()) != null; ) {
            rest.add(line);
        }

        assertThat(riffle.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(riffle.exitValue()).as(err.get()).isEqualTo(130);
        assertThat(first).isEqualTo("Good morning, everyone.");
        // The input ended within a chunk of the signal, and the service's final for what it had heard of the
        // second sentence still came and was printed (a JVM killed by the signal would print nothing more); the
        // third sentence was never sent.
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0)).startsWith("Today we");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptedAt))
                .isLessThan(TranscriptionRun.DRAIN_BOUND.toMillis());
        assertThat(err.get()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void ctrlCBeforeAnythingWasHeardStillExits130() throws Exception {
        Process riffle = start("transcribe", Samples.file("briefing.wav").toString(), "--output", "json");
        BufferedReader out = new BufferedReader(new InputStreamReader(riffle.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(riffle));
        out.readLine(); // the first event: the stream is open
        new ProcessBuilder("kill", "-INT", Long.toString(riffle.pid())).inheritIO().start().waitFor();
        out.transferTo(java.io.Writer.nullWriter());

        assertThat(riffle.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(riffle.exitValue()).as(err.get()).isEqualTo(130);
    }

    /** Starts the CLI's main class on this test's class path, with no AWS settings, so the emulator is used. */
    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.home=" + home, "-cp", classPath(), "dev.riffle.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("HOME", Files.createDirectories(home).toString());
        return builder.start();
    }

    /** Surefire may run tests from a manifest-only jar; its real class path is in this property then. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
