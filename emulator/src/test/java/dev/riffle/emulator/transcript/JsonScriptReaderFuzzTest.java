package dev.riffle.emulator.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.riffle.emulator.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fuzzes the reader of timed scripts ({@code .json}), which users write by hand or generate. Properties: any
 * bytes either read into a {@link TimedScript} or fail with a {@link ScriptFormatException} that names the source
 * and the problem, never another exception and never a hang or a huge allocation; and a script that was read
 * holds only finite times, every word within its segment.
 *
 * <p>Random bytes are rarely JSON of the script's shape, so half the inputs are given a head start: a quarter are
 * scripts whose members, values and numbers the fuzzer picks ({@link #script}), a quarter are the committed
 * samples ({@code samples/*.json}) with a span replaced by fuzzer bytes. The other half are raw bytes.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl emulator test -Dtest=JsonScriptReaderFuzzTest -Djazzer.max_duration=30m}.
 */
class JsonScriptReaderFuzzTest {

    private static final String SOURCE = "fuzz.json";

    /** The committed sample scripts, read in place. */
    private static final List<byte[]> SAMPLES = List.of(sample("briefing"), sample("recipe"), sample("support-call"));

    /** Values that sit on the reader's edges: huge, tiny, negative, out of range, not numbers at all. */
    private static final List<String> ODD_VALUES = List.of("0", "-0", "1", "-1", "0.5", "1e308", "1e309", "-1e400",
            "4.9e-324", "2147483647", "2147483648", "9223372036854775808", "1E+2", "0.999999999999999999999",
            "null", "true", "\"\"", "\" \"", "\"ch_1\"", "\"en-US\"", "\"NAME\"", "\"ALL\"", "\"a b\"", "\".\"",
            "[]", "{}");

    private static final List<String> SEGMENT_MEMBERS = List.of("start", "end", "speaker", "channel", "language",
            "words", "entities");
    private static final List<String> WORD_MEMBERS = List.of("text", "start", "end", "confidence");
    private static final List<String> ENTITY_MEMBERS = List.of("type", "firstWord", "lastWord", "confidence");

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void readsOrRefusesCleanly(FuzzedDataProvider data) {
        byte[] json = switch (data.consumeInt(0, 3)) {
            case 0 -> script(data);
            case 1 -> spliced(data, SAMPLES.get(data.consumeInt(0, SAMPLES.size() - 1)));
            default -> data.consumeRemainingAsBytes();
        };
        TimedScript script;
        try {
            script = JsonScriptReader.read(SOURCE, json);
        } catch (ScriptFormatException refused) {
            assertThat(refused.source()).isEqualTo(SOURCE);
            assertThat(refused.problem()).isNotBlank();
            assertThat(refused.getMessage()).startsWith(SOURCE).endsWith(refused.problem());
            return;
        }
        assertPlayable(script);
    }

    /** What playback relies on: finite times, each word inside its segment. */
    private static void assertPlayable(TimedScript script) {
        for (ScriptSegment segment : script.segments()) {
            assertThat(segment.start()).isFinite().isNotNegative().isLessThanOrEqualTo(segment.end());
            assertThat(segment.end()).isFinite();
            for (TimedWord word : segment.words()) {
                assertThat(word.start()).isFinite().isGreaterThanOrEqualTo(segment.start());
                assertThat(word.end()).isFinite().isLessThanOrEqualTo(segment.end());
            }
        }
        assertThat(script.segmentsByStart()).hasSameSizeAs(script.segments());
    }

    // ---- structured inputs ----

    /** A script of the format's shape, every member and value the fuzzer's choice. */
    private static byte[] script(FuzzedDataProvider data) {
        StringBuilder out = new StringBuilder("{");
        if (data.consumeBoolean()) {
            out.append("\"version\":").append(value(data, "1")).append(',');
        }
        out.append("\"segments\":[");
        int segments = data.consumeInt(0, 3);
        for (int s = 0; s < segments; s++) {
            out.append(s > 0 ? "," : "");
            out.append(objectText(data, SEGMENT_MEMBERS, member -> switch (member) {
                case "words" -> array(data, 4, () -> objectText(data, WORD_MEMBERS, word -> switch (word) {
                    case "text" -> value(data, "\"word.\"");
                    default -> value(data, "0.5");
                }));
                case "entities" -> array(data, 2, () -> objectText(data, ENTITY_MEMBERS, entity -> switch (entity) {
                    case "type" -> value(data, "\"NAME\"");
                    case "firstWord", "lastWord" -> value(data, "0");
                    default -> value(data, "0.9");
                }));
                case "speaker", "channel", "language" -> value(data, "\"ch_0\"");
                default -> value(data, "1.0");
            }));
        }
        out.append("]}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a value for one member. */
    private interface ValueWriter {
        String write(String member);
    }

    /** An object with a fuzzer-picked subset of {@code members}, sometimes repeated, sometimes an unknown one. */
    private static String objectText(FuzzedDataProvider data, List<String> members, ValueWriter values) {
        StringBuilder out = new StringBuilder("{");
        int count = data.consumeInt(0, members.size() + 1);
        for (int i = 0; i < count; i++) {
            String member = data.consumeInt(0, 15) == 0 ? data.consumeString(8) : data.pickValue(members);
            out.append(i > 0 ? "," : "");
            out.append('"').append(member.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":")
                    .append(values.write(member));
        }
        return out.append('}').toString();
    }

    private static String array(FuzzedDataProvider data, int max, Supplier<String> element) {
        StringBuilder out = new StringBuilder("[");
        int count = data.consumeInt(0, max);
        for (int i = 0; i < count; i++) {
            out.append(i > 0 ? "," : "").append(element.get());
        }
        return out.append(']').toString();
    }

    /** Usually a plausible value, else one of the odd ones, a fuzzer number or a fuzzer string. */
    private static String value(FuzzedDataProvider data, String plausible) {
        return switch (data.consumeInt(0, 5)) {
            case 0, 1 -> plausible;
            case 2 -> data.pickValue(ODD_VALUES);
            case 3 -> Double.toString(data.consumeRegularDouble(0, 100));
            case 4 -> Long.toString(data.consumeLong());
            default -> "\"" + data.consumeString(12).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        };
    }

    /** {@code original} with a span replaced by fuzzer bytes: damage deep inside a real script. */
    private static byte[] spliced(FuzzedDataProvider data, byte[] original) {
        int from = data.consumeInt(0, original.length);
        int to = data.consumeInt(from, Math.min(original.length, from + 64));
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 64);
        out.write(original, 0, from);
        out.writeBytes(data.consumeBytes(64));
        out.write(original, to, original.length - to);
        return out.toByteArray();
    }

    private static byte[] sample(String name) {
        try {
            return Files.readAllBytes(Samples.dir().resolve(name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
