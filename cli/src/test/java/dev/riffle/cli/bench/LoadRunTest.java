package dev.riffle.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.transcribe.audio.AudioFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A load run's own failure modes: what a client throws, and workloads too large to hold. */
class LoadRunTest {

    @TempDir
    Path dir;

    @Test // without the fix, the run would end only at its deadline, 60 s past the audio
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aClientThatThrowsOnOpeningFailsThoseStreamsAndTheRunEnds() throws Exception {
        LoadSettings settings = LoadSettings.forRecording(oneSecond(), PreparedAudio.read(oneSecond(), pcm()), null, 3,
                Pace.REALTIME, Duration.ZERO, "en-US");

        BenchReport report = new LoadRun(new ThrowingClient(), settings, "test", false, line -> { }).run();

        assertThat(report.completed()).isZero();
        assertThat(report.failures()).containsEntry("IllegalStateException", 3L);
    }

    @Test
    void anExpectedTranscriptTooLongToHoldIsRefused() throws Exception {
        Path audio = oneSecond();
        Files.writeString(dir.resolve("tone.txt"), "word ".repeat(400)); // 2,000 characters a pass
        PreparedAudio prepared = PreparedAudio.read(audio, pcm());

        assertThat(LoadSettings.forRecording(audio, prepared, 60.0, 1, Pace.REALTIME, Duration.ZERO, "en-US")
                .expectedTranscript()).hasSize(60 * 2000 - 1);
        assertThatThrownBy(() -> LoadSettings.forRecording(audio, prepared, 14_400.0, 1, Pace.REALTIME,
                Duration.ZERO, "en-US")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tone.txt repeated for 14400 passes").hasMessageContaining("--duration");
    }

    private Path oneSecond() throws Exception {
        Path raw = dir.resolve("tone.raw");
        if (!Files.exists(raw)) {
            Files.write(raw, new byte[32_000]);
        }
        return raw;
    }

    private static AudioFormat pcm() {
        return AudioFormat.pcm(16_000, 1);
    }

    /** A client that refuses on the calling thread, as a misconfigured one may, rather than in its future. */
    private static final class ThrowingClient implements LoadClient {
        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public CompletableFuture<LoadStream> open(StreamSpec spec, TranscriptSink sink) {
            throw new IllegalStateException("refused before any future existed");
        }

        @Override
        public String errorType(Throwable error) {
            return error.getClass().getSimpleName();
        }

        @Override
        public void close() {
        }
    }
}
