package dev.riffle.emulator.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading plain-word scripts: words, punctuation, sentence ends, and bytes that are not UTF-8. */
class PlainTextScriptTest {

    @Test
    void wordsAreSeparatedByAnyWhiteSpaceAndKeepTheirTrailingPunctuation() {
        PlainTextScript script = PlainTextScript.parse("talk.txt", "  Hello,\tworld.\n\nHow are\r\nyou?! ");

        assertThat(script.words()).extracting(ScriptWord::spoken)
                .containsExactly("Hello", "world", "How", "are", "you");
        assertThat(script.words()).extracting(ScriptWord::punctuation)
                .containsExactly(",", ".", "", "", "?!");
        assertThat(script.words()).extracting(ScriptWord::endsSentence)
                .containsExactly(false, true, false, false, true);
    }

    @Test
    void quotesAndBracketsAreDroppedAndLonePunctuationJoinsTheWordBefore() {
        PlainTextScript script = PlainTextScript.parse("talk.txt", "\"Stop!\" (she said) — isn't it ?");

        assertThat(script.words()).extracting(word -> word.spoken() + "|" + word.punctuation())
                .containsExactly("Stop|!", "she|", "said|", "isn't|", "it|?");
    }

    @Test
    void unicodeWhiteSpaceSeparatesWordsToo() {
        // Found by PlainTextScriptFuzzTest: "G\u001ck:" was one word with a separator inside it.
        PlainTextScript script = PlainTextScript.parse("talk.txt", "G\u001ck: \u3000one\u2028two\u2003three");

        assertThat(script.words()).extracting(ScriptWord::spoken).containsExactly("G", "k", "one", "two", "three");
    }

    @Test
    void anEmptyScriptHasNoWords() {
        assertThat(PlainTextScript.parse("empty.txt", " \n ").words()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLineAndColumn() {
        byte[] bytes = "one two\nthree \u00e9".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> PlainTextScript.parse("latin1.txt", bytes))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessage("latin1.txt:2:7: byte 14 is not UTF-8: save the script as UTF-8 text");
    }

    @Test
    void aByteOrderMarkIsNotAWord() {
        byte[] bytes = "\uFEFFHi.".getBytes(StandardCharsets.UTF_8);

        assertThat(PlainTextScript.parse("bom.txt", bytes).words()).extracting(ScriptWord::spoken)
                .containsExactly("Hi");
    }

    @Test
    void aFileIsReadByItsExtension(@TempDir Path directory) throws Exception {
        Path text = Files.writeString(directory.resolve("Talk.TXT"), "Hello there.");
        Path other = Files.writeString(directory.resolve("talk.md"), "Hello there.");

        assertThat(TranscriptScript.load(text)).isInstanceOf(PlainTextScript.class);
        assertThatThrownBy(() -> TranscriptScript.load(other))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageContaining("talk.md: unknown kind of script");
    }
}
