package dev.riffle.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.transcribe.audio.AudioSource;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The side-by-side harness, tiny: every workload once per client against a real {@code riffle serve} process, each
 * client in its own JVM. Not a benchmark: it checks that every figure comes out, for both clients, and is
 * plausible, so a broken adapter or a figure that stops being measured fails {@code mvn verify}.
 */
@Timeout(300)
class SideBySideSmokeTest {

    private static Path samples() {
        return Path.of(System.getProperty("riffle.samples", "../samples"));
    }

    @Test
    void everyWorkloadProducesEveryFigureForBothClients(@TempDir Path out) throws Exception {
        int exit = new CommandLine(new SideBySide()).setCaseInsensitiveEnumValuesAllowed(true).execute(
                "--audio", twoSecondsOfRecipe(out).toString(), "--out", out.toString(), "--rounds", "1",
                "--throughput-duration", "30", "--cost-streams", "3", "--cost-duration", "2", "--cost-ramp", "1",
                "--cost-warmup", "1", "--scale-steps", "2", "--scale-duration", "2");
        assertThat(exit).isZero();

        List<RunFigures> runs = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("side-by-side.jsonl"))) {
            runs.add(RunFigures.parse(line, 0));
        }
        assertThat(runs).extracting(RunFigures::client).containsExactly("riffle", "aws-sdk-java-v2", "riffle",
                "aws-sdk-java-v2", NullLoadClient.NAME, "riffle", "aws-sdk-java-v2");
        assertThat(runs).extracting(RunFigures::streams).containsExactly(1, 1, 3, 3, 3, 2, 2);
        for (RunFigures run : runs) {
            if (run.client().equals(NullLoadClient.NAME)) {
                assertThat(run.get("completed")).as("harness alone: completed").isEqualTo(run.streams());
                assertThat(run.get("cpuSeconds")).as("harness alone: CPU").isPositive();
            } else {
                assertPlausible(run);
            }
        }

        String report = Files.readString(out.resolve("side-by-side.md"));
        for (ComparisonTable.Row row : ComparisonTable.ROWS) {
            assertThat(report).containsPattern("\\| " + java.util.regex.Pattern.quote(row.label())
                    + " \\([^)]*\\) \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
        }
        assertThat(report).containsPattern("\\| " + ComparisonTable.NET_CPU_LABEL
                + " \\(CPU s\\) \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|").contains("The harness alone");
        assertThat(report).contains("Healthy-stream ceiling: riffle ≥ 2", "AWS SDK v2 ≥ 2", "Machine:");

        BufferedImage plot = ImageIO.read(out.resolve("scale.png").toFile());
        assertThat(plot).isNotNull();
        assertThat(plot.getWidth()).isGreaterThan(plot.getHeight());
    }

    /**
     * The first 2 s of the recipe sample as a WAV, so each real-time run lasts seconds, with a script and the
     * transcript of its first four words (whose times are recipe.json's).
     */
    private static Path twoSecondsOfRecipe(Path directory) throws Exception {
        int pcmBytes = 2 * 16_000 * 2;
        byte[] pcm;
        try (AudioSource recipe = AudioSource.open(samples().resolve("recipe.wav"))) {
            pcm = recipe.audio().readNBytes(pcmBytes);
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcmBytes)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcmBytes);
        Path audio = directory.resolve("recipe-start.wav");
        try (var file = Files.newOutputStream(audio)) {
            file.write(header.array());
            file.write(pcm);
        }
        Files.writeString(directory.resolve("recipe-start.json"), """
                {"segments":[{"start":0.300,"end":1.868,"words":[{"text":"Heat","start":0.300,"end":0.598},
                {"text":"a","start":0.688,"end":0.963},{"text":"heavy","start":1.053,"end":1.458},
                {"text":"pan","start":1.548,"end":1.868}]}]}""");
        Files.writeString(directory.resolve("recipe-start.txt"), "Heat a heavy pan\n");
        return audio;
    }

    /** Every stream done right, and each figure of a size a real run can have. */
    private static void assertPlausible(RunFigures run) {
        String who = run.client() + " with " + run.streams() + " streams";
        assertThat(run.get("completed")).as(who + ": completed").isEqualTo(run.streams());
        assertThat(run.get("failed")).as(who + ": failed").isZero();
        assertThat(run.get("transcriptsCorrect")).as(who + ": transcripts correct").isEqualTo(run.streams());
        assertThat(run.get("audioSeconds")).as(who + ": audio").isGreaterThanOrEqualTo(run.streams() * 2.0);
        assertThat(run.get("cpuSeconds")).as(who + ": CPU").isPositive().isLessThan(
                run.get("wallSeconds") * Runtime.getRuntime().availableProcessors() + 1);
        assertThat(run.get("allocatedBytes")).as(who + ": allocation").isPositive();
        assertThat(run.get("heapHighWaterBytes")).as(who + ": heap").isGreaterThan(1024 * 1024);
        assertThat(run.get("liveHeapPerStreamBytes")).as(who + ": live heap per stream").isGreaterThan(0);
        assertThat(run.get("finalLatencyMillis.count")).as(who + ": finals measured").isPositive();
        assertThat(run.get("finalLatencyMillis.p99")).as(who + ": p99").isPositive()
                .isGreaterThanOrEqualTo(run.get("finalLatencyMillis.p50")).isLessThan(30_000);
        assertThat(run.get("firstPartialLatencyMillis.count")).as(who + ": partials measured").isPositive();
    }
}
