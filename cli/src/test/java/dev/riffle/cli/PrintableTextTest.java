package dev.riffle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrintableTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Good morning, everyone.", "Crème brûlée", "今日は", "안녕하세요", "مرحبا", "👍 ok"})
    void speechIsReturnedAsItIs(String text) {
        assertThat(PrintableText.of(text)).isSameAs(text);
    }

    @Test
    void everyControlCharacterIsReplacedAndNoneIsLeft() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xA0; c++) {
            all.append(c);
        }
        all.append('\u2028').append('\u2029');

        String printable = PrintableText.of(all.toString());

        assertThat(printable).hasSameSizeAs(all);
        assertThat(printable.chars().filter(c -> Character.getType(c) == Character.CONTROL
                || c == '\u2028' || c == '\u2029')).isEmpty();
        assertThat(printable.substring(0x20, 0x7F)).isEqualTo(all.substring(0x20, 0x7F)); // printable ASCII kept
    }

    @Test
    void tabsAndLineBreaksBecomeSpacesAndOtherControlsTheReplacementCharacter() {
        assertThat(PrintableText.of("a\tb\nc\rd\u0085e\u2028f")).isEqualTo("a b c d e f");
        assertThat(PrintableText.of("\u001b]0;title\u0007\u009b2J\u007f")).isEqualTo("\uFFFD]0;title\uFFFD\uFFFD2J\uFFFD");
    }
}
