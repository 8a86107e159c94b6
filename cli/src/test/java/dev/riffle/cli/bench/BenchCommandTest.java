package dev.riffle.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riffle.cli.CliRun;
import dev.riffle.emulator.Emulator;
import dev.riffle.emulator.EmulatorConfig;
import dev.riffle.sigv4.Credentials;
import dev.riffle.transcribe.audio.AudioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The smoke test of {@code riffle bench}: a few streams for a few seconds against real emulators on loopback,
 * checking that every figure is produced and plausible. Not a benchmark: the figures' values are not judged.
 */
class BenchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private static Path samples() {
        return Path.of(System.getProperty("riffle.samples", "../samples"));
    }

    private static CliRun bench(String... args) {
        return CliRun.run(Stream.concat(Stream.of("bench"), Arrays.stream(args)).toArray(String[]::new));
    }

    @Test
    void unlimitedPaceLoopedTwiceAgainstTheEmbeddedEmulatorProducesEveryFigure() throws Exception {
        CliRun run = bench("--audio", samples().resolve("recipe.wav").toString(), "--streams", "3", "--pace",
                "unlimited", "--duration", "20", "--json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.outText());
        assertThat(report.path("client").asText()).isEqualTo("riffle");
        assertThat(report.path("emulatorInProcess").asBoolean()).isTrue();
        assertThat(report.path("completed").asLong()).isEqualTo(3);
        assertThat(report.path("failed").asLong()).isZero();
        // the file is 15.53 s, sent as 156 events of 100 ms (the last padded): 20 s means two passes of 15.6 s,
        // each transcribed, thanks to the repeated script
        assertThat(report.path("transcriptsChecked").asLong()).isEqualTo(3);
        assertThat(report.path("transcriptsCorrect").asLong()).isEqualTo(3);
        assertThat(report.path("audioSeconds").asDouble()).isCloseTo(3 * 2 * 15.6, org.assertj.core.data.Offset
                .offset(0.01));
        assertPlausible(report);
    }

    @Test
    void realtimePaceTakesAboutTheAudiosDurationAndReportsLatencies() throws Exception {
        Path audio = twoSecondsOfRecipe();

        CliRun run = bench("--audio", audio.toString(), "--sample-rate", "16000", "--streams", "4", "--json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.outText());
        assertThat(report.path("completed").asLong()).isEqualTo(4);
        assertThat(report.path("transcriptsCorrect").asLong()).isEqualTo(4);
        assertThat(report.path("wallSeconds").asDouble()).isBetween(1.8, 10.0);
        assertThat(report.path("audioSecondsPerWallSecond").asDouble()).isBetween(0.5, 4.5);
        assertThat(report.path("audioSeconds").asDouble()).isCloseTo(8.0, org.assertj.core.data.Offset.offset(0.2));
        assertPlausible(report);
    }

    @Test
    void anEndpointThatRefusesEveryStreamCountsTheFailuresByTypeAndExits1() throws Exception {
        try (Emulator strict = Emulator.start(EmulatorConfig.builder().host("127.0.0.1").port(0)
                .credentials(Credentials.of("AKIDOTHER", "a-secret-the-bench-does-not-have")).build())) {
            CliRun run = bench("--audio", samples().resolve("recipe.wav").toString(), "--streams", "2",
                    "--endpoint", strict.uri().toString(), "--json");

            assertThat(run.status()).isEqualTo(1);
            JsonNode report = JSON.readTree(run.outText());
            assertThat(report.path("failed").asLong()).isEqualTo(2);
            assertThat(report.path("failures").fieldNames()).toIterable().hasSize(1)
                    .allSatisfy(type -> assertThat(type).endsWith("Exception"));
            assertThat(run.err()).doesNotContain("wJalrXUtnFEMI");
        }
    }

    @Test
    void theTextReportNamesEachFigure() {
        CliRun run = bench("--audio", samples().resolve("recipe.wav").toString(), "--pace", "unlimited");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outText()).contains("streams", "transcripts", "1 of 1 correct", "audio seconds per second",
                "CPU seconds per audio hour", "high-water", "live per open stream", "collections",
                "per audio second", "final latency", "first partial", "p99");
        assertThat(run.err()).contains("embedded emulator");
    }

    static List<Arguments> unusableArguments() {
        return List.of(
                Arguments.of(List.of(), "--audio"),
                Arguments.of(List.of("--audio", samples().resolve("recipe.flac").toString()), "cannot be looped"),
                Arguments.of(List.of("--audio", "/nonexistent.wav"), "no such file"),
                Arguments.of(List.of("--audio", samples().resolve("recipe.wav").toString(), "--streams", "0"),
                        "--streams"),
                Arguments.of(List.of("--audio", samples().resolve("recipe.wav").toString(), "--pace", "warp"),
                        "--pace"),
                Arguments.of(withRecipe("--streams", "100000000"), "--streams must be 1 to 65535"),
                Arguments.of(withRecipe("--duration", "-1"), "--duration must be more than 0"),
                Arguments.of(withRecipe("--duration", "NaN"), "--duration must be more than 0"),
                Arguments.of(withRecipe("--duration", "1e12"), "at most 14400 seconds"),
                Arguments.of(withRecipe("--ramp", "-1"), "--ramp must be 0 to 14400 seconds"),
                Arguments.of(withRecipe("--ramp", "NaN"), "--ramp must be 0 to 14400 seconds"),
                Arguments.of(withRecipe("--ramp", "1e300"), "--ramp must be 0 to 14400 seconds"),
                Arguments.of(List.of("--audio", samples().toString()), samples() + ": no such file (is a directory"),
                Arguments.of(withRecipe("--ca-bundle", samples().toString()), "a directory, not a PEM file"),
                Arguments.of(withRecipe("--ca-bundle", "/nonexistent/ca.pem"), "--ca-bundle /nonexistent/ca.pem: no "
                        + "such file"),
                Arguments.of(withRecipe("--endpoint", "notaurl"), "endpoint must be an absolute http"),
                Arguments.of(withRecipe("--endpoint", "http://127.0.0.1:99999"), "port must be 1 to 65535"));
    }

    private static List<String> withRecipe(String... args) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("--audio",
                samples().resolve("recipe.wav").toString()), java.util.Arrays.stream(args)).toList();
    }

    @ParameterizedTest
    @MethodSource("unusableArguments")
    void unusableArgumentsExit2(List<String> args, String why) {
        CliRun run = bench(args.toArray(String[]::new));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(why).doesNotContain("\tat ");
    }

    /** A malformed script beside the audio used to escape as an exception with its stack trace. */
    @Test
    void aMalformedScriptBesideTheAudioIsAUsageErrorNamingIt() throws Exception {
        java.nio.file.Files.copy(samples().resolve("recipe.wav"), temp.resolve("talk.wav"));
        java.nio.file.Files.writeString(temp.resolve("talk.json"), "{ not a script");

        CliRun run = CliRun.run("bench", "--audio", temp.resolve("talk.wav").toString(), "--streams", "1",
                "--duration", "1");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("talk.json").doesNotContain("\tat ");
    }

    /** Every figure is there, and consistent with the others, whatever its value. */
    private static void assertPlausible(JsonNode report) {
        double wall = report.path("wallSeconds").asDouble();
        double audio = report.path("audioSeconds").asDouble();
        assertThat(wall).isPositive();
        assertThat(report.path("audioSecondsPerWallSecond").asDouble()).isCloseTo(audio / wall,
                org.assertj.core.data.Percentage.withPercentage(1));
        double cpu = report.path("cpuSeconds").asDouble();
        assertThat(cpu).isPositive().isLessThan(wall * Runtime.getRuntime().availableProcessors() + 1);
        assertThat(report.path("cpuSecondsPerAudioHour").asDouble()).isCloseTo(cpu / (audio / 3600),
                org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(report.path("heapHighWaterBytes").asLong()).isPositive()
                .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(report.path("liveHeapPerStreamBytes").asLong()).isBetween(0L, 64L << 20);
        assertThat(report.path("gcCount").asLong()).isNotNegative();
        assertThat(report.path("gcSeconds").asDouble()).isBetween(0.0, wall);
        assertThat(report.path("allocatedBytes").asLong()).isPositive();
        assertThat(report.path("allocatedBytesPerAudioSecond").asDouble()).isCloseTo(
                report.path("allocatedBytes").asDouble() / audio, org.assertj.core.data.Percentage.withPercentage(1));
        for (String latency : new String[] {"finalLatencyMillis", "firstPartialLatencyMillis"}) {
            JsonNode figures = report.path(latency);
            assertThat(figures.path("count").asLong()).as(latency).isPositive();
            assertThat(figures.path("p50").asDouble()).as(latency).isNotNegative()
                    .isLessThanOrEqualTo(figures.path("p90").asDouble());
            assertThat(figures.path("p90").asDouble()).isLessThanOrEqualTo(figures.path("p99").asDouble());
            assertThat(figures.path("p99").asDouble()).isLessThanOrEqualTo(figures.path("max").asDouble());
            assertThat(figures.path("max").asDouble()).isLessThan(wall * 1000);
        }
    }

    /**
     * The first 2 s of the recipe sample as raw PCM, with a script and a transcript of its first four words (whose
     * times are recipe.json's).
     */
    private Path twoSecondsOfRecipe() throws Exception {
        Path raw = temp.resolve("recipe-start.raw");
        try (AudioSource recipe = AudioSource.open(samples().resolve("recipe.wav"))) {
            Files.write(raw, recipe.audio().readNBytes(2 * 16_000 * 2));
        }
        Files.writeString(temp.resolve("recipe-start.json"), """
                {"segments":[{"start":0.300,"end":1.868,"words":[{"text":"Heat","start":0.300,"end":0.598},
                {"text":"a","start":0.688,"end":0.963},{"text":"heavy","start":1.053,"end":1.458},
                {"text":"pan","start":1.548,"end":1.868}]}]}""");
        Files.writeString(temp.resolve("recipe-start.txt"), "Heat a heavy pan\n");
        return raw;
    }
}
