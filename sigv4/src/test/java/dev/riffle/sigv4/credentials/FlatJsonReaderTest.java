package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FlatJsonReaderTest {

    @Test
    void readsEveryKindOfFlatValueInOrder() {
        Map<String, Object> members = FlatJsonReader.read(
                " {\"s\": \"text\", \"i\": 1, \"n\": -2.5e3, \"t\": true, \"f\": false, \"z\": null}\n");

        assertThat(members).containsExactly(entry("s", "text"), entry("i", new BigDecimal("1")),
                entry("n", new BigDecimal("-2.5e3")), entry("t", true), entry("f", false), entry("z", null));
    }

    @Test
    void readsAnEmptyObject() {
        assertThat(FlatJsonReader.read("{}")).isEmpty();
        assertThat(FlatJsonReader.read(" \t\r\n{ \n } \n")).isEmpty();
    }

    @Test
    void decodesEscapes() {
        Map<String, Object> members = FlatJsonReader.read(
                "{\"e\": \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC\"}");

        assertThat(members.get("e")).isEqualTo("q\" b\\ s/ \b\f\n\r\t é€");
    }

    @Test
    void keepsNonAsciiText() {
        assertThat(FlatJsonReader.read("{\"k\": \"grüße\"}").get("k")).isEqualTo("grüße");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                          | 0: unexpected end of input, expected '{'",
        "[1]                         | 0: expected '{'",
        "'\"just a string\"'         | 0: expected '{'",
        "{\"a\": 1,}                 | 8: expected '\"' starting a string",
        "{\"a\": 1} {}               | 9: unexpected content after the object",
        "{\"a\": 1, \"a\": 2}        | 9: a member name that appears twice",
        "{\"a\": {\"b\": 1}}         | 6: a nested object or array",
        "{\"a\": [1]}                | 6: a nested object or array",
        "{'a': 1}                    | 1: expected '\"' starting a string",
        "{a: 1}                      | 1: expected '\"' starting a string",
        "{\"a\" 1}                   | 5: expected ':'",
        "{\"a\": 1 \"b\": 2}         | 8: expected ',' or '}'",
        "{\"a\": 01}                 | 7: expected ',' or '}'",
        "{\"a\": 1.}                 | 8: expected a digit after '.'",
        "{\"a\": -}                  | 7: expected a digit",
        "{\"a\": 1e}                 | 8: expected a digit in the exponent",
        "{\"a\": +1}                 | 6: expected a string, a number, true, false or null",
        "{\"a\": tru}                | 6: expected a string, a number, true, false or null",
        "{\"a\": \"x\\q\"}           | 9: an unknown escape sequence",
        "{\"a\": \"\\u12G4\"}        | 11: a \\u escape with a character that is not a hexadecimal digit",
        "{\"a\": \"open              | 11: a string without its closing '\"'",
        "{\"a\": 1 // comment}       | 8: expected ',' or '}'",
    })
    void rejectsAnythingButOneFlatObject(String json, String expected) {
        assertThatThrownBy(() -> FlatJsonReader.read(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON at character " + expected);
    }

    @Test
    void rejectsANumberBigDecimalCannotHoldWithItsOwnException() {
        // Found by CredentialProcessOutputFuzzTest: valid JSON, but BigDecimal's scale is an int, and its
        // NumberFormatException ("Too many nonzero exponent digits.") escaped instead of the reader's own error.
        assertThatThrownBy(() -> FlatJsonReader.read("{\"Version\": 11e33333333333333333333}"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid JSON at character 12: a number whose exponent is out of range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uFF10\uFF10\uFF14\uFF11", "\u0660\u0660\u0664\u0661", "00\u0664\u0661"})
    void aUnicodeEscapeTakesOnlyAsciiHexDigits(String digits) {
        // RFC 8259 section 7: HEXDIG is 0-9, A-F, a-f. Full-width or Arabic-Indic digits are digits to
        // Character.digit, and would have read these as "A".
        assertThatThrownBy(() -> FlatJsonReader.read("{\"a\": \"\\u" + digits + "\"}"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a \\u escape with a character that is not a hexadecimal digit");
    }

    @Test
    void rejectsAnUnescapedControlCharacter() {
        assertThatThrownBy(() -> FlatJsonReader.read("{\"a\": \"line\nbreak\"}"))
                .hasMessage("invalid JSON at character 11: a control character inside a string (it must be escaped)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"SecretAccessKey\": \"" + FakeSecrets.SECRET + "\"",
        "{\"SecretAccessKey\": " + FakeSecrets.SECRET + "}",
        "{\"SecretAccessKey\": \"" + FakeSecrets.SECRET + "\", \"SecretAccessKey\": \"x\"}",
        "{\"" + FakeSecrets.SECRET + "\" 1}",
        "{\"SessionToken\": \"" + FakeSecrets.TOKEN + "\"} " + FakeSecrets.TOKEN,
    })
    void errorsNeverQuoteTheInput(String json) {
        assertThatThrownBy(() -> FlatJsonReader.read(json)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }
}
