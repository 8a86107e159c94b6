package dev.riffle.cli.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Widths as terminal emulators draw them (UAX #11 East Asian Width, and zero for marks that combine). */
class ColumnWidthTest {

    @ParameterizedTest
    @CsvSource({
        "Good morning,     12",
        "Crème brûlée,     12",
        "今日は,             6",   // kanji and hiragana: Wide
        "カタカナ,           8",   // katakana: Wide
        "ｶﾀｶﾅ,             4",   // halfwidth katakana: Halfwidth
        "ＡＢＣ,             6",   // fullwidth Latin: Fullwidth
        "안녕하세요,         10",  // Hangul syllables: Wide
        "中文，标点。,       12",  // ideographic comma and full stop: Wide
        "Привет,            6",
        "مرحبا,             5",
    })
    void columnsOfText(String text, int columns) {
        assertThat(ColumnWidth.of(text)).isEqualTo(columns);
    }

    @Test
    void combiningMarksAndFormatCharactersTakeNoColumn() {
        assertThat(ColumnWidth.of("e\u0301")).isEqualTo(1);          // e + combining acute
        assertThat(ColumnWidth.of("\u1100\u1161\u11A8")).isEqualTo(2); // a conjoining Hangul syllable: 각
        assertThat(ColumnWidth.of("a\u200Db\u200Bc")).isEqualTo(3);  // zero-width joiner and space
        assertThat(ColumnWidth.of("\uFEFF")).isZero();                // byte order mark
    }

    @Test
    void emojiAndSupplementaryIdeographsTakeTwo() {
        assertThat(ColumnWidth.of("👍")).isEqualTo(2);
        assertThat(ColumnWidth.of("\uD840\uDC0B")).isEqualTo(2); // U+2000B, CJK extension B
    }
}
