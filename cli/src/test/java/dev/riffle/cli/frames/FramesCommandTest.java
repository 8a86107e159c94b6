package dev.riffle.cli.frames;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riffle.cli.CliRun;
import dev.riffle.eventstream.SharedVectors;
import dev.riffle.eventstream.SharedVectors.Vector;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code riffle frames decode|encode}, run in-process on the shared vectors. */
class FramesCommandTest {

    @TempDir
    Path temp;

    static Stream<Vector> positives() {
        return SharedVectors.positives().stream();
    }

    private static Vector vector(String id) {
        return SharedVectors.all().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void decodePrintsTheVectorsJson(Vector vector) throws Exception {
        CliRun run = CliRun.run("frames", "decode", vector.encoded().toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.outText()).endsWith("\n").doesNotContain("\n\n");
        assertThat(SharedVectors.JSON.readTree(run.outText())).isEqualTo(vector.decodedJson());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void encodeOfDecodeGivesBackTheSameBytes(Vector vector) {
        CliRun decoded = CliRun.run(vector.encodedBytes(), "frames", "decode");
        CliRun encoded = CliRun.run(decoded.out(), "frames", "encode", "-");

        assertThat(encoded.status()).as(encoded.err()).isZero();
        assertThat(encoded.out()).isEqualTo(vector.encodedBytes());
    }

    @Test
    void decodePrintsEveryFrameBeforeTheBadOneThenTheReasonAndOffset() throws Exception {
        byte[] good = vector("official/int32_header").encodedBytes();
        byte[] bad = vector("official/corrupted_payload").encodedBytes();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(good);
        stream.write(good);
        stream.write(bad);
        stream.write(good);

        CliRun run = CliRun.run(stream.toByteArray(), "frames", "decode");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.outText().lines()).hasSize(2);
        assertThat(run.err()).isEqualTo("riffle frames decode: MESSAGE_CHECKSUM_MISMATCH at byte "
                + (2 * good.length + bad.length - 4) + ": " + run.err().split(": ", 3)[2]);
        assertThat(run.err()).contains("expected 0x").contains("computed 0x");
    }

    @Test
    void decodeOfTruncatedInputFailsAtTheEnd() {
        byte[] good = vector("official/all_headers").encodedBytes();
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 1);

        CliRun run = CliRun.run(cut, "frames", "decode", "-");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("riffle frames decode: TRUNCATED_INPUT at byte " + (good.length - 1));
    }

    @Test
    void decodeOfMissingFileIsAUsageError() {
        CliRun run = CliRun.run("frames", "decode", temp.resolve("absent").toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("absent: no such file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"decode", "encode"})
    void aDirectoryIsAUsageErrorNamingIt(String subcommand) {
        CliRun run = CliRun.run("frames", subcommand, temp.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("riffle frames " + subcommand + ": " + temp + ": no such file (is a directory)"
                + System.lineSeparator());
    }

    @Test
    void encodeComputesAbsentLengthsAndChecksums() {
        JsonNode full = vector("official/payload_one_str_header").decodedJson();
        ObjectNode bare = full.deepCopy();
        bare.remove(java.util.List.of("total_length", "headers_length", "prelude_crc", "message_crc"));

        CliRun run = CliRun.run(bare.toString().getBytes(StandardCharsets.UTF_8), "frames", "encode");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(vector("official/payload_one_str_header").encodedBytes());
    }

    @Test
    void encodeRefusesAGivenFieldThatDoesNotMatch() {
        ObjectNode json = vector("official/payload_no_headers").decodedJson().deepCopy();
        json.put("total_length", json.get("total_length").asInt() + 1);

        CliRun run = CliRun.run((json + "\n").getBytes(StandardCharsets.UTF_8), "frames", "encode");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("riffle frames encode: line 1: total_length is 30 but the frame gives 29");
    }

    @Test
    void keepGivenReproducesTheOfficialCorruptedLengthVector() {
        // corrupted_length is payload_one_str_header with total_length incremented after the CRCs were computed.
        ObjectNode json = vector("official/payload_one_str_header").decodedJson().deepCopy();
        json.put("total_length", json.get("total_length").asInt() + 1);

        CliRun run = CliRun.run(json.toString().getBytes(StandardCharsets.UTF_8), "frames", "encode",
                "--keep-given");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(vector("official/corrupted_length").encodedBytes());
    }

    /**
     * aws-c-event-stream's illegal_header_length_relationship: total_length 20 and headers_length 8 under a valid
     * prelude CRC. Without CRCs in the line, --keep-given used to keep the CRCs of the real lengths, so a decoder
     * reported a prelude checksum instead of the lengths the test is about.
     */
    @Test
    void keepGivenComputesAbsentCrcsOverTheGivenLengths() {
        CliRun run = CliRun.run("{\"total_length\":20,\"headers_length\":8,\"headers\":[],\"payload\":\"\"}\n"
                .getBytes(StandardCharsets.UTF_8), "frames", "encode", "--keep-given");

        assertThat(run.status()).as(run.err()).isZero();
        byte[] vector = vector("aws-c-event-stream/illegal_header_length_relationship").encodedBytes();
        assertThat(java.util.Arrays.copyOf(run.out(), 12)).isEqualTo(java.util.Arrays.copyOf(vector, 12));
        CliRun decode = CliRun.run(run.out(), "frames", "decode");
        assertThat(decode.status()).isEqualTo(1);
        assertThat(decode.err()).contains("headers_length 8 exceeds total_length 20 - 16");
    }

    @Test
    void encodeNamesTheLineAndFieldOfABadValue() throws Exception {
        Path file = temp.resolve("frames.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"headers\":[]}",
                "",
                "{\"headers\":[{\"name\":\"ok\",\"type\":0,\"value\":true},{\"name\":\"u\",\"type\":9,\"value\":\"AAE=\"}]}"));

        CliRun run = CliRun.run("frames", "encode", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).hasSize(16); // the first frame was written before the bad line
        assertThat(run.err()).isEqualTo("riffle frames encode: line 3: header 1 (\"u\"): a uuid is 16 bytes, this is 2"
                + System.lineSeparator());
    }

    @Test
    void encodeRefusesMalformedLines() {
        String[][] cases = {
                {"not json", "not JSON"},
                {"{\"payload\":\"***\"}", "\"payload\" is not base64"},
                {"{\"headers\":[{\"name\":\"x\",\"type\":10,\"value\":1}]}", "type 10 is not one of 0..9"},
                {"{\"headers\":[{\"name\":\"x\",\"type\":2,\"value\":128}]}", "type 2 needs an integer from -128"},
                {"{\"headers\":[{\"name\":\"x\",\"type\":0,\"value\":false}]}", "type 0 needs value true"},
                {"{\"headers\":[{\"name\":\"x\",\"type\":7,\"value\":\"/w==\"}]}", "a string value must be UTF-8"},
                {"{\"headers\":[{\"name\":\"\",\"type\":0}]}", "header name must be 1 to 255 bytes"},
                {"{\"headers\":[{\"name\":\"a\",\"type\":0},{\"name\":\"a\",\"type\":1}]}", "already in the block"},
                {"{\"total\":1}", "unknown key \"total\""},
                {"{\"message_crc\":4294967296}", "must be an integer that fits 32 bits"},
        };
        for (String[] c : cases) {
            CliRun run = CliRun.run(c[0].getBytes(StandardCharsets.UTF_8), "frames", "encode");
            assertThat(run.status()).as(c[0]).isEqualTo(1);
            assertThat(run.err()).as(c[0]).startsWith("riffle frames encode: line 1: ").contains(c[1]);
        }
    }

    @Test
    void helpAndVersionWork() {
        assertThat(CliRun.run("frames", "decode", "--help").outText()).contains("Usage: riffle frames decode");
        assertThat(CliRun.run("--version").outText()).startsWith("riffle ");
        assertThat(CliRun.run("frames").status()).isEqualTo(2);
        assertThat(CliRun.run("frames", "nonsense").status()).isEqualTo(2);
    }
}
