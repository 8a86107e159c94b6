package dev.riffle.cli.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.cli.CliProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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

    /**
     * A service that accepts the connection and never answers: the stream would open only when the response
     * timeout (10 s) gave up. Ctrl-C abandons the opening at once.
     */
    @Test
    void ctrlCWhileTheStreamIsOpeningExits130AtOnce() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             CliProcess riffle = CliProcess.start(home, "transcribe", Samples.file("briefing.wav").toString(),
                     "--output", "text", "--endpoint", "http://127.0.0.1:" + silent.getLocalPort())) {
            Socket accepted = silent.accept(); // the connection is up; the stream is waiting for its response
            Thread.sleep(1000); // the JVM has installed its signal handlers
            long interruptedAt = System.nanoTime();
            riffle.signal("INT");

            assertThat(riffle.exitStatus(30)).as(riffle.err()).isEqualTo(130);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interruptedAt)).isLessThan(5000);
            assertThat(riffle.remainingLines()).isEmpty();
            assertThat(riffle.err()).doesNotContain("Exception").doesNotContain("\tat ");
            accepted.close();
        }
    }

    /**
     * Audio from a pipe that stays open and goes quiet: the sender is blocked reading it. The second Ctrl-C cancels
     * the stream, and the run must not then wait for that read.
     */
    @Test
    void aSecondCtrlCExitsAtOnceWhileTheAudioPipeIsSilent() throws Exception {
        byte[] wav = Samples.bytes("briefing.wav");
        try (CliProcess riffle = CliProcess.start(home, "transcribe", "-", "--output", "text")) {
            riffle.input().write(wav, 0, 44 + 32_000); // the header and the first second, then nothing more
            riffle.input().flush();
            Thread.sleep(2000); // the stream is open and the sender waits on the pipe
            riffle.signal("INT");
            Thread.sleep(500);
            long secondAt = System.nanoTime();
            riffle.signal("INT");

            assertThat(riffle.exitStatus(30)).as(riffle.err()).isEqualTo(130);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - secondAt)).isLessThan(5000);
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
