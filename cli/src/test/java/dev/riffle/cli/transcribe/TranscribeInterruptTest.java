package dev.riffle.cli.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.cli.CliProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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

    @BeforeAll
    static void interruptCanBeDelivered() {
        Assumptions.assumeFalse(CliProcess.interruptIgnored(), "SIGINT is ignored in this build's process (started "
                + "in the background?), so the JVMs it starts cannot receive Ctrl-C; run mvn verify in the foreground");
    }

    @Test
    void ctrlCEndsTheStreamCleanlyPrintsTheLastFinalsAndExits130() throws Exception {
        try (CliProcess riffle = CliProcess.start(home, "transcribe", Samples.file("briefing.wav").toString(),
                "--output", "text")) {
            String first = riffle.readLine(); // the first final: about 2.5 s into the audio
            Thread.sleep(1500); // into the second sentence (2.5 s to 7 s), so that some of it has been heard
            long interruptedAt = System.nanoTime();
            riffle.signal("INT");
            List<String> rest = riffle.remainingLines();

            assertThat(riffle.exitStatus(30)).as(riffle.err()).isEqualTo(130);
            assertThat(first).isEqualTo("Good morning, everyone.");
            // The input ended within a chunk of the signal, and the service's final for what it had heard of the
            // second sentence still came and was printed (a JVM killed by the signal would print nothing more);
            // the third sentence was never sent.
            assertThat(rest).hasSize(1);
            assertThat(rest.get(0)).startsWith("Today we");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptedAt))
                    .isLessThan(TranscriptionRun.DRAIN_BOUND.toMillis());
            assertThat(riffle.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void ctrlCJustAfterTheStreamOpenedStillExits130() throws Exception {
        try (CliProcess riffle = CliProcess.start(home, "transcribe", Samples.file("briefing.wav").toString(),
                "--output", "json")) {
            riffle.readLine(); // the first event: the stream is open
            riffle.signal("INT");
            riffle.remainingLines();

            assertThat(riffle.exitStatus(30)).as(riffle.err()).isEqualTo(130);
        }
    }
}
