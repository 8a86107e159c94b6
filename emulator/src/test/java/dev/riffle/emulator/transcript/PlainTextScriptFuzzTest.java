package dev.riffle.emulator.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.riffle.emulator.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Fuzzes the reader of plain-word scripts ({@code .txt}). Properties: any bytes either read into a
 * {@link PlainTextScript} or, if they are not UTF-8, fail with a {@link ScriptFormatException} that names the
 * source and the problem, never another exception and never a hang; and every word read has something to speak
 * (a letter or digit, no white space) with only punctuation marks after it.
 *
 * <p>Half the inputs are the committed samples ({@code samples/*.txt}) with a span replaced by fuzzer text of
 * quotes, brackets, punctuation and white space, the characters the reader treats specially; half are raw bytes.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl emulator test -Dtest=PlainTextScriptFuzzTest -Djazzer.max_duration=30m}.
 */
class PlainTextScriptFuzzTest {

    private static final String SOURCE = "fuzz.txt";

    /** The committed sample scripts, read in place. */
    private static final List<String> SAMPLES = List.of(sample("briefing"), sample("recipe"), sample("support-call"));

    /** The characters the reader gives a meaning: enclosing marks, punctuation, white space, a letter. */
    private static final String SPECIAL = "\"“”‘’«»()[]{}.,?!;: \t\n\r\u00a0\u2028—-'a1\uFEFF";

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void readsOrRefusesCleanly(FuzzedDataProvider data) {
        byte[] text = data.consumeBoolean() ? spliced(data) : data.consumeRemainingAsBytes();
        PlainTextScript script;
        try {
            script = PlainTextScript.parse(SOURCE, text);
        } catch (ScriptFormatException refused) {
            assertThat(refused.source()).isEqualTo(SOURCE);
            assertThat(refused.problem()).contains("is not UTF-8");
            assertThat(refused.getMessage()).startsWith(SOURCE).endsWith(refused.problem());
            return;
        }
        for (ScriptWord word : script.words()) {
            assertThat(word.spoken()).isNotEmpty().doesNotContainAnyWhitespaces();
            assertThat(word.spoken().codePoints().anyMatch(Character::isLetterOrDigit)).isTrue();
            assertThat(word.punctuation().chars().allMatch(c -> ScriptWord.isPunctuationMark((char) c))).isTrue();
        }
    }

    /** A sample with a span replaced by fuzzer-picked special characters. */
    private static byte[] spliced(FuzzedDataProvider data) {
        String original = SAMPLES.get(data.consumeInt(0, SAMPLES.size() - 1));
        int from = data.consumeInt(0, original.length());
        int to = data.consumeInt(from, Math.min(original.length(), from + 64));
        StringBuilder inserted = new StringBuilder();
        for (int n = data.consumeInt(0, 64); n > 0; n--) {
            inserted.append(SPECIAL.charAt(data.consumeInt(0, SPECIAL.length() - 1)));
        }
        String text = original.substring(0, from) + inserted + original.substring(to);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sample(String name) {
        try {
            return Files.readString(Samples.dir().resolve(name + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
