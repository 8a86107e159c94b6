package dev.riffle.sigv4.credentials;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict reader of one flat JSON object (RFC 8259) whose values are strings, numbers, {@code true}, {@code false}
 * or {@code null}: the shape of a {@code credential_process} answer. riffle needs no more, and the sigv4 module
 * takes no third-party dependency for it.
 *
 * <p>Strict means: exactly one object and nothing after it but white space, no duplicate names, no trailing commas,
 * no comments, no unescaped control characters, numbers in JSON's own grammar. Nested objects and arrays are
 * rejected rather than skipped.
 *
 * <p>The input holds secrets, so an error says only where (the character offset) and what was expected; it never
 * quotes the input.
 */
final class FlatJsonReader {

    private final String text;
    private int position;

    private FlatJsonReader(String text) {
        this.text = text;
    }

    /**
     * The object's members in input order; a JSON {@code null} is a null value, a number a {@link BigDecimal}, a
     * boolean a {@link Boolean}.
     *
     * @throws IllegalArgumentException if {@code text} is not one flat JSON object; the message quotes nothing
     */
    static Map<String, Object> read(String text) {
        FlatJsonReader reader = new FlatJsonReader(text);
        Map<String, Object> members = reader.object();
        reader.skipWhiteSpace();
        if (reader.position != text.length()) {
            throw reader.error("unexpected content after the object");
        }
        return members;
    }

    private Map<String, Object> object() {
        skipWhiteSpace();
        expect('{', "'{' (the output must be one JSON object)");
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhiteSpace();
        if (consume('}')) {
            return members;
        }
        do {
            skipWhiteSpace();
            int nameOffset = position;
            String name = string();
            if (members.containsKey(name)) {
                throw error(nameOffset, "a member name that appears twice");
            }
            skipWhiteSpace();
            expect(':', "':'");
            skipWhiteSpace();
            members.put(name, value());
            skipWhiteSpace();
        } while (consume(','));
        expect('}', "',' or '}'");
        return members;
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '-' || isDigit(c)) {
            return number();
        }
        if (c == '{' || c == '[') {
            throw error("a nested object or array, which a credential_process answer does not have");
        }
        if (literal("true")) {
            return Boolean.TRUE;
        }
        if (literal("false")) {
            return Boolean.FALSE;
        }
        if (literal("null")) {
            return null;
        }
        throw error("expected a string, a number, true, false or null");
    }

    private String string() {
        expect('"', "'\"' starting a string");
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next("a string without its closing '\"'");
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                value.append(escape());
            } else if (c < 0x20) {
                throw error(position - 1, "a control character inside a string (it must be escaped)");
            } else {
                value.append(c);
            }
        }
    }

    private char escape() {
        char c = next("an escape sequence cut short");
        switch (c) {
            case '"', '\\', '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                return unicodeEscape();
            default:
                throw error(position - 1, "an unknown escape sequence");
        }
    }

    private char unicodeEscape() {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            char c = next("a \\u escape cut short");
            // RFC 8259 section 7: four HEXDIGs, ASCII only. Character.digit would also take other scripts' digits.
            if (!HexFormat.isHexDigit(c)) {
                throw error(position - 1, "a \\u escape with a character that is not a hexadecimal digit");
            }
            code = code * 16 + HexFormat.fromHexDigit(c);
        }
        return (char) code;
    }

    /** JSON's number grammar: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private BigDecimal number() {
        int start = position;
        consume('-');
        if (!consume('0')) {
            digits("a digit");
        }
        if (consume('.')) {
            digits("a digit after '.'");
        }
        if (consume('e') || consume('E')) {
            if (!consume('+')) {
                consume('-');
            }
            digits("a digit in the exponent");
        }
        try {
            return new BigDecimal(text.substring(start, position));
        } catch (NumberFormatException e) {
            // JSON allows any exponent, BigDecimal's scale is an int: 1e99999999999 is valid JSON but no BigDecimal.
            throw error(start, "a number whose exponent is out of range");
        }
    }

    private void digits(String expected) {
        if (position >= text.length() || !isDigit(text.charAt(position))) {
            throw error("expected " + expected);
        }
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
    }

    private boolean literal(String word) {
        if (text.startsWith(word, position)) {
            position += word.length();
            return true;
        }
        return false;
    }

    private void skipWhiteSpace() {
        while (position < text.length() && " \t\n\r".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(position);
    }

    private char next(String whatIfEnded) {
        if (position >= text.length()) {
            throw error(whatIfEnded);
        }
        return text.charAt(position++);
    }

    private boolean consume(char expected) {
        if (position < text.length() && text.charAt(position) == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char expected, String description) {
        if (!consume(expected)) {
            throw error(position >= text.length() ? "unexpected end of input, expected " + description
                    : "expected " + description);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private IllegalArgumentException error(String problem) {
        return error(position, problem);
    }

    private static IllegalArgumentException error(int offset, String problem) {
        return new IllegalArgumentException("invalid JSON at character " + offset + ": " + problem);
    }
}
