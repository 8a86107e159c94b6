package dev.riffle.cli.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riffle.cli.CliRun;
import dev.riffle.cli.transcribe.captions.CaptionFiles;
import dev.riffle.emulator.Emulator;
import dev.riffle.emulator.EmulatorConfig;
import dev.riffle.emulator.Fault;
import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.credentials.Environment;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code riffle transcribe} end to end, in-process, against real emulators on loopback. Most runs go to an
 * emulator started here with its ahead-of-real-time check off, so that {@code --pace unlimited} can send a
 * sample in milliseconds; one run uses the embedded emulator at {@code --pace max}, as a newcomer's first run does.
 */
class TranscribeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Emulator> EMULATORS = new ConcurrentHashMap<>();

    @TempDir
    Path temp;

    @AfterAll
    static void stopEmulators() {
        EMULATORS.values().forEach(Emulator::close);
    }

    /** An emulator scripted by {@code sample}'s script, with no ahead-of-real-time limit. */
    private static String endpointFor(String sample) {
        return EMULATORS.computeIfAbsent(sample, s -> Emulator.start(EmulatorConfig.builder().host("127.0.0.1")
                .port(0).script(Samples.file(s + ".json")).aheadOfRealTimeAllowance(null).build())).uri().toString();
    }

    private static CliRun transcribe(String... args) {
        return CliRun.run(Stream.concat(Stream.of("transcribe"), Arrays.stream(args)).toArray(String[]::new));
    }

    private static CliRun transcribeStdin(byte[] stdin, String... args) {
        return CliRun.run(stdin, Stream.concat(Stream.of("transcribe"), Arrays.stream(args)).toArray(String[]::new));
    }

    private static String sample(String fileName) {
        return Samples.file(fileName).toString();
    }

    // ---- the main job: the embedded emulator ----

    @Test
    void withNoEndpointOrRegionTheEmbeddedEmulatorTranscribesTheSampleAndAgreesWithAServedOne() throws Exception {
        CliRun embedded = transcribe(sample("support-call.wav"), "--output", "json", "--pace", "max");

        assertThat(embedded.status()).as(embedded.err()).isZero();
        assertThat(embedded.err()).contains("local Transcribe emulator").contains("support-call.json");
        List<JsonNode> events = jsonLines(embedded.outText());
        assertThat(finalLines(events)).containsExactly("ch_0: Thank you for calling. How can I help?",
                "ch_1: My parcel is late.", "ch_0: Sorry. What is the order number?", "ch_1: Four two seven nine.");
        assertThat(events.stream().anyMatch(TranscribeCommandTest::hasPartial)).isTrue();

        CliRun served = transcribe(sample("support-call.wav"), "--output", "json", "--pace", "unlimited",
                "--endpoint", endpointFor("support-call"));
        assertThat(served.status()).as(served.err()).isZero();
        assertThat(served.err()).isEmpty();
        assertThat(withoutResultIds(served.outText())).isEqualTo(withoutResultIds(embedded.outText()));
    }

    /** The embedded emulator kept its real-time check, so unlimited pace failed with "too big" in under a second. */
    @Test
    void unlimitedPaceWorksAgainstTheEmbeddedEmulator() {
        CliRun run = transcribe(sample("briefing.wav"), "--output", "text", "--pace", "unlimited");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outText()).startsWith("Good morning, everyone.");
    }

    /** --identify-language=false used to count as asking for it, so the en-US default was dropped: exit 2. */
    @Test
    void identifyLanguageFalseKeepsTheDefaultLanguage() {
        CliRun run = transcribe(sample("briefing.wav"), "--output", "text", "--pace", "unlimited",
                "--identify-language=false");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outText()).startsWith("Good morning, everyone.");
    }

    @Test
    void standardInputHasNoScriptBesideItSoTheEmbeddedEmulatorSaysResultsWillBeEmpty() {
        byte[] silence = new byte[16_000 * 2]; // 1 s
        CliRun run = transcribeStdin(silence, "-", "--sample-rate", "16000", "--pace", "max");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("local Transcribe emulator").contains("no script beside -");
        assertThat(run.outText()).isEmpty();
    }

    // ---- input formats ----

    static Stream<Arguments> inputFormats() {
        return Stream.of(Arguments.of("recipe.wav"), Arguments.of("recipe.flac"), Arguments.of("recipe.opus"));
    }

    @ParameterizedTest
    @MethodSource("inputFormats")
    void eachFileFormatGivesTheTranscript(String file) {
        CliRun run = transcribe(sample(file), "--endpoint", endpointFor("recipe"), "--pace", "unlimited");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outText().lines()).containsExactlyElementsOf(Samples.transcript("recipe"));
    }

    @Test
    void rawPcmWithItsDeclaredRateGivesTheTranscriptAndFindsTheScriptBesideIt() throws IOException {
        Path raw = temp.resolve("recipe.raw");
        Files.write(raw, Samples.pcmOf("recipe.wav"));
        Files.copy(Samples.file("recipe.json"), temp.resolve("recipe.json"));

        CliRun run = transcribe(raw.toString(), "--sample-rate", "16000", "--pace", "max");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains(temp.resolve("recipe.json").toString());
        assertThat(run.outText().lines()).containsExactlyElementsOf(Samples.transcript("recipe"));
    }

    @Test
    void aWavFileOnStandardInputGivesTheTranscript() {
        CliRun run = transcribeStdin(Samples.bytes("recipe.wav"), "-", "--endpoint", endpointFor("recipe"),
                "--pace", "unlimited");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outText().lines()).containsExactlyElementsOf(Samples.transcript("recipe"));
    }

    @Test
    void rawPcmOnStandardInputGivesTheTranscript() {
        CliRun run = transcribeStdin(Samples.pcmOf("recipe.wav"), "-", "--sample-rate", "16000",
                "--endpoint", endpointFor("recipe"), "--pace", "unlimited");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outText().lines()).containsExactlyElementsOf(Samples.transcript("recipe"));
    }

    @Test
    void stereoAudioIsTranscribedPerChannel() {
        CliRun run = transcribe(sample("support-call.wav"), "--endpoint", endpointFor("support-call"),
                "--pace", "unlimited", "--transport", "websocket");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outText().lines()).containsExactly("ch_0: Thank you for calling. How can I help?",
                "ch_1: My parcel is late.", "ch_0: Sorry. What is the order number?", "ch_1: Four two seven nine.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http2", "websocket", "WebSocket"})
    void bothTransportsGiveTheSameTranscript(String transport) {
        CliRun run = transcribe(sample("recipe.wav"), "--endpoint", endpointFor("recipe"), "--pace", "unlimited",
                "--transport", transport);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outText().lines()).containsExactlyElementsOf(Samples.transcript("recipe"));
    }

    // ---- output formats ----

    @Test
    void jsonIsOneTranscriptEventPerLineWithPartialsAndFinals() throws IOException {
        CliRun run = transcribe(sample("recipe.wav"), "--endpoint", endpointFor("recipe"), "--pace", "unlimited",
                "--output", "json", "--stability", "medium");

        assertThat(run.status()).as(run.err()).isZero();
        List<JsonNode> events = jsonLines(run.outText());
        assertThat(events).hasSizeGreaterThan(3).allSatisfy(e -> assertThat(e.path("Transcript").path("Results")
                .isArray()).isTrue());
        assertThat(finalLines(events)).containsExactlyElementsOf(Samples.transcript("recipe"));
        assertThat(events.stream().anyMatch(TranscribeCommandTest::hasPartial)).isTrue();
        assertThat(run.outText()).contains("\"Stable\":true"); // stabilization was asked for
    }

    @Test
    void srtCaptionsFollowTheFormatAndCarryTheWholeTranscript() {
        CliRun run = transcribe(sample("recipe.wav"), "--endpoint", endpointFor("recipe"), "--pace", "unlimited",
                "--output", "srt");

        assertThat(run.status()).as(run.err()).isZero();
        List<CaptionFiles.Cue> cues = CaptionFiles.readSrt(run.outText());
        CaptionFiles.assertWellFormed(cues);
        assertThat(cues.get(0).start()).isEqualTo(300); // the first word of recipe.json
        assertThat(CaptionFiles.words(cues)).isEqualTo(String.join(" ", Samples.transcript("recipe")));
    }

    @Test
    void vttCaptionsFollowTheFormatAndCarryTheWholeTranscript() {
        CliRun run = transcribe(sample("support-call.wav"), "--endpoint", endpointFor("support-call"),
                "--pace", "unlimited", "--output", "vtt");

        assertThat(run.status()).as(run.err()).isZero();
        List<CaptionFiles.Cue> cues = CaptionFiles.readVtt(run.outText());
        CaptionFiles.assertWellFormed(cues);
        assertThat(CaptionFiles.words(cues)).isEqualTo(String.join(" ", Samples.transcript("support-call")));
    }

    @Test
    void liveOutputDrawsPartialsBeforeTheFinalsAndEndsWithOnlyTheFinalsOnScreen() {
        CliRun run = transcribe(sample("recipe.wav"), "--endpoint", endpointFor("recipe"), "--pace", "unlimited",
                "--output", "live");

        assertThat(run.status()).as(run.err()).isZero();
        String output = run.outText();
        assertThat(new TerminalScreen(80).play(output).lines())
                .containsExactlyElementsOf(Samples.transcript("recipe"));
        int firstFinal = output.indexOf("Heat a heavy pan over a medium flame.\n");
        assertThat(output.substring(0, firstFinal)).contains(StyledLine.DIM + "Heat a heavy");
        // just before the frame that commits the first final: the partial and the status line
        TerminalScreen midway = new TerminalScreen(80).play(output.substring(0, output.lastIndexOf('\r', firstFinal)));
        assertThat(midway.lines()).hasSize(2);
        assertThat(midway.lines().get(0)).startsWith("Heat a heavy pan");
        assertThat(midway.dimText(0)).isEqualTo(midway.lines().get(0)); // unstabilized: all of it may change
        assertThat(midway.lines().get(1)).contains("of audio sent");
    }

    @Test
    void textIsTheDefaultWhenStandardOutputIsNotATerminal() {
        CliRun run = transcribe(sample("recipe.wav"), "--endpoint", endpointFor("recipe"), "--pace", "unlimited");

        assertThat(run.outText()).doesNotContain("\033").isEqualTo(String.join("\n",
                Samples.transcript("recipe")) + "\n");
    }

    // ---- failures: exit 1 ----

    @Test
    void aServiceExceptionMidStreamPrintsItsTypeMessageAndRequestIdAndExits1() {
        try (Emulator failing = Emulator.start(EmulatorConfig.builder().host("127.0.0.1").port(0)
                .script(Samples.file("recipe.json")).aheadOfRealTimeAllowance(null)
                .fault(Fault.parse("exception:LimitExceededException:You have reached your limit@6")).build())) {
            CliRun run = transcribe(sample("recipe.wav"), "--endpoint", failing.uri().toString(),
                    "--pace", "unlimited");

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).containsPattern("riffle transcribe: LimitExceededException: You have reached your "
                    + "limit \\(request id: [0-9a-f-]{36}\\)");
            assertThat(run.outText()).startsWith(Samples.transcript("recipe").get(0)); // finals before it are kept
        }
    }

    @Test
    void aRefusalBeforeTheStreamPrintsTheServiceErrorAndExits1() {
        try (Emulator strict = Emulator.start(EmulatorConfig.builder().host("127.0.0.1").port(0)
                .credentials(Credentials.of("AKIDOTHER", "another-secret-key-that-we-do-not-have")).build())) {
            CliRun run = transcribe(sample("recipe.wav"), "--endpoint", strict.uri().toString());

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).startsWith("riffle transcribe: ").contains("(request id: ")
                    .doesNotContain("wJalrXUtnFEMI").doesNotContain("Exception in thread");
        }
    }

    @Test
    void anEndpointNobodyListensOnExits1WithTheReason() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun run = transcribe(sample("recipe.wav"), "--endpoint", "http://127.0.0.1:" + port);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("riffle transcribe: ").contains("127.0.0.1:" + port);
    }

    // ---- unusable input or arguments: exit 2 ----

    @Test
    void aMissingFileExits2() {
        CliRun run = transcribe(temp.resolve("nothing.wav").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("riffle transcribe: " + temp.resolve("nothing.wav")
                + ": no such file");
    }

    static Stream<Arguments> unsupportedAudio() {
        byte[] wav = Samples.bytes("recipe.wav");
        return Stream.of(
                Arguments.of("mp3", Arrays.copyOf(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0}, 2010), "MP3"),
                Arguments.of("8-bit.wav", wavHeader(16_000, 1, 8), "8-bit"),
                Arguments.of("96k.wav", wavHeader(96_000, 1, 16), "96000"),
                Arguments.of("truncated.wav", Arrays.copyOf(wav, 30), "WAV"),
                Arguments.of("empty.wav", new byte[0], "empty"));
    }

    @ParameterizedTest
    @MethodSource("unsupportedAudio")
    void unsupportedAudioExits2WithOneLineSayingWhatWasFoundAndWhatIsAccepted(String name, byte[] bytes,
                                                                             String found) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, bytes);

        CliRun run = transcribe(file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("riffle transcribe: " + file + ": found ").contains(found)
                .contains("riffle accepts WAV").endsWith("\n");
        assertThat(run.err().strip()).doesNotContain("\n");
        assertThat(run.outText()).isEmpty();
    }

    static Stream<Arguments> unusableArguments() {
        String wav = sample("recipe.wav");
        return Stream.of(
                Arguments.of(List.of(), "Missing required parameter: 'FILE'"),
                Arguments.of(List.of(wav, "--output", "xml"), "--output"),
                Arguments.of(List.of(wav, "--transport", "carrier-pigeon"), "--transport"),
                Arguments.of(List.of(wav, "--pace", "fast"), "--pace"),
                Arguments.of(List.of(wav, "--stability", "rock-solid"), "--stability"),
                Arguments.of(List.of(wav, "--vocabulary-filter-method", "shout"), "vocabularyFilterMethod"),
                Arguments.of(List.of(wav, "--language-code", "xx-XX"), "languageCode"),
                Arguments.of(List.of(wav, "--session-id", "not-a-uuid"), "sessionId"),
                Arguments.of(List.of(wav, "--number-of-channels", "2"), "--sample-rate"),
                Arguments.of(List.of("-", "--sample-rate", "4000"), "4000"),
                Arguments.of(List.of(wav, "--ca-bundle", "/nonexistent/ca.pem"), "--ca-bundle /nonexistent/ca.pem: no "
                        + "such file"),
                Arguments.of(List.of(wav, "--ca-bundle", Path.of(wav).getParent().toString()),
                        "a directory, not a PEM file"),
                Arguments.of(List.of(wav, "--unknown-flag"), "--unknown-flag"),
                Arguments.of(List.of(wav, "--endpoint", "notaurl"), "endpoint must be an absolute http, https, ws"),
                Arguments.of(List.of(wav, "--endpoint", "ftp://127.0.0.1"), "endpoint must be an absolute http"),
                Arguments.of(List.of(wav, "--endpoint", "http://127.0.0.1:99999"), "port must be 1 to 65535"),
                Arguments.of(List.of(wav, "--endpoint", "http://user:hunter2@127.0.0.1:8080"), "user information"),
                Arguments.of(List.of(wav, "--endpoint", "http://127.0.0.1:8080/prefix"), "scheme, host and port only"),
                Arguments.of(List.of(wav, "--region", "us east 1"), "not an AWS region name"));
    }

    @ParameterizedTest
    @MethodSource("unusableArguments")
    void unusableArgumentsExit2AndSayWhy(List<String> args, String why) {
        CliRun run = transcribeStdin(new byte[3200], args.toArray(String[]::new));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains(why).doesNotContain("\tat ").doesNotContain("hunter2");
        assertThat(run.outText()).isEmpty();
    }

    @Test
    void anAwsRegionWithoutCredentialsExits2SayingWhereItLooked() {
        Environment regionOnly = Environment.of(Map.of("AWS_REGION", "eu-west-1"), Map.of(),
                temp.resolve("home"));
        CliRun run = CliRun.run(regionOnly, new byte[0], "transcribe", sample("recipe.wav"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("riffle transcribe: ").contains("AWS_ACCESS_KEY_ID");
        assertThat(run.err()).doesNotContain("local Transcribe emulator");
    }

    @Test
    void helpListsTheServiceParametersByTheirServiceNames() {
        CliRun run = CliRun.run("transcribe", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.outText()).contains("--vocabulary-name=NAME", "--show-speaker-label", "--session-id=UUID",
                "--language-code=CODE", "--pii-entity-types=TYPES", "--output=FORMAT", "--stability");
    }

    // ---- helpers ----

    private static List<JsonNode> jsonLines(String output) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : output.split("\n")) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    private static List<String> finalLines(List<JsonNode> events) {
        List<String> lines = new ArrayList<>();
        for (JsonNode event : events) {
            for (JsonNode result : event.path("Transcript").path("Results")) {
                if (!result.path("IsPartial").asBoolean()) {
                    String channel = result.path("ChannelId").asText("");
                    lines.add((channel.isEmpty() ? "" : channel + ": ")
                            + result.path("Alternatives").get(0).path("Transcript").asText());
                }
            }
        }
        return lines;
    }

    private static boolean hasPartial(JsonNode event) {
        for (JsonNode result : event.path("Transcript").path("Results")) {
            if (result.path("IsPartial").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    private static String withoutResultIds(String json) {
        return json.replaceAll("\"ResultId\":\"[^\"]*\"", "\"ResultId\":\"-\"");
    }

    private static byte[] wavHeader(int rate, int channels, int bits) {
        ByteBuffer header = ByteBuffer.allocate(44 + 3200).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 3200)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8)).putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(3200);
        return header.array();
    }
}
