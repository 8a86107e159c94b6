package dev.riffle.cli.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.cli.CliProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code riffle transcribe talk.wav | head -1}: once nobody reads the output, the stream stops and the command
 * says why. The process's standard output used to be a PrintStream, which hides write errors: the run went on
 * to the end of the audio (and of its bill, against AWS) and exited 0.
 */
class ClosedOutputTest {

    @TempDir
    Path home;

    @Test
    void aReaderThatGoesAwayEndsTheRunWithAnErrorInsteadOfStreamingOn() throws Exception {
        try (CliProcess riffle = CliProcess.start(home, "transcribe", Samples.file("briefing.wav").toString(),
                "--output", "json")) { // a line per event, partials included: writes come often
            assertThat(riffle.readLine()).isNotNull();
            riffle.closeOutput();

            assertThat(riffle.exitStatus(10)).as(riffle.err()).isEqualTo(1); // the audio lasts 15.7 s
            assertThat(riffle.err()).contains("cannot write the output").doesNotContain("\tat ");
        }
    }
}
