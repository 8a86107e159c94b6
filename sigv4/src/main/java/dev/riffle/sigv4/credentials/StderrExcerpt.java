package dev.riffle.sigv4.credentials;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The part of a failed command's stderr that a message may quote: the first {@link ShellCommand#STDERR_LIMIT}
 * bytes, with every JSON string value the command printed on stdout blanked out (also where the cut left only the
 * start of one), in case the command echoed its answer, secret and token included, to stderr as well.
 *
 * <p>Each value is blanked in every form stderr may show it in: as stdout printed it, decoded (a debug line that
 * prints the secret itself), and escaped the usual ways (a JSON library that writes {@code /} where stdout had
 * {@code \/}, or {@code \"} where stdout had {@code \u0022}).
 */
final class StderrExcerpt {

    /** What may stand between a member's ':' and its value: JSON's white space, and vertical tab and form feed. */
    private static final String WHITE_SPACE = " \t\n\u000B\f\r";
    /** Shorter values are too short to be secrets and blanking them would garble the text. */
    private static final int SHORTEST_BLANKED = 4;
    private static final String BLANK = "***";
    /** The letters of JSON's two-character escapes, and the character each stands for, in the same order. */
    private static final String ESCAPE_LETTERS = "\"\\/bfnrt";
    private static final String ESCAPED_CHARACTERS = "\"\\/\b\f\n\r\t";

    private StderrExcerpt() {
    }

    /** "; stderr: ..." or "; stderr was empty", ready to append to a message. */
    static String of(ShellCommand.Result result) {
        String stderr = new String(result.stderr(), StandardCharsets.UTF_8).strip();
        if (stderr.isEmpty()) {
            return "; stderr was empty";
        }
        String stdout = new String(result.stdout(), StandardCharsets.UTF_8);
        return "; stderr: " + withoutStringValuesOf(stdout, stderr)
                + (result.stderrOverflowed() ? " [cut at " + ShellCommand.STDERR_LIMIT + " bytes]" : "");
    }

    private static String withoutStringValuesOf(String json, String text) {
        String blanked = text;
        for (String printed : stringValues(json)) {
            for (String form : formsOf(printed)) {
                if (form.length() >= SHORTEST_BLANKED) {
                    blanked = withoutCutOffStart(blanked.replace(form, BLANK), form);
                }
            }
        }
        return blanked;
    }

    /**
     * The forms of a value to blank, longest first so that no form is blanked inside a longer one and leaves the
     * rest of that one quoted.
     */
    private static List<String> formsOf(String printed) {
        String decoded = decoded(printed);
        Set<String> forms = new LinkedHashSet<>(List.of(printed, decoded, escaped(decoded, false),
                escaped(decoded, true)));
        List<String> longestFirst = new ArrayList<>(forms);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        return longestFirst;
    }

    /**
     * {@code printed} with its JSON escapes decoded. Stdout need not be valid JSON here (the command failed), so what
     * is not an escape stays as printed rather than failing.
     */
    private static String decoded(String printed) {
        StringBuilder out = new StringBuilder(printed.length());
        int i = 0;
        while (i < printed.length()) {
            int letter = escapeLetter(printed, i);
            int unicode = letter < 0 ? unicodeEscape(printed, i) : -1;
            if (letter >= 0) {
                out.append(ESCAPED_CHARACTERS.charAt(letter));
                i += 2;
            } else if (unicode >= 0) {
                out.append((char) unicode);
                i += 6;
            } else {
                out.append(printed.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** The index in {@link #ESCAPE_LETTERS} of the two-character escape at {@code text[at]}, or -1 if there is none. */
    private static int escapeLetter(String text, int at) {
        if (at + 2 > text.length() || text.charAt(at) != '\\') {
            return -1;
        }
        return ESCAPE_LETTERS.indexOf(text.charAt(at + 1));
    }

    /** The code unit of the {@code \}{@code uXXXX} escape at {@code text[at]}, or -1 if there is none. */
    private static int unicodeEscape(String text, int at) {
        if (at + 6 > text.length() || text.charAt(at) != '\\' || text.charAt(at + 1) != 'u') {
            return -1;
        }
        int code = 0;
        for (int i = at + 2; i < at + 6; i++) {
            char c = text.charAt(i);
            if (!HexFormat.isHexDigit(c)) { // ASCII only: Character.digit would take other scripts' digits too
                return -1;
            }
            code = code * 16 + HexFormat.fromHexDigit(c);
        }
        return code;
    }

    /** {@code value} as a JSON writer prints it: quote, backslash and control characters escaped, maybe '/' too. */
    private static String escaped(String value, boolean slash) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int escape = ESCAPED_CHARACTERS.indexOf(c);
            if (escape >= 0 && (c != '/' || slash)) {
                out.append('\\').append(ESCAPE_LETTERS.charAt(escape));
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Each JSON member's string value in {@code json} as printed, escapes included: what follows a ':' and white
     * space between double quotes; a backslash escapes whatever follows it.
     *
     * <p>Every ':' starts a candidate, even one inside a value already taken: in output whose quotes do not pair up
     * (a value that lost its closing quote swallows the {@code ": "} of the next member) the values after the break
     * are still blanked. Each candidate ends at the latest at the next one's opening quote, so the scan stays linear.
     * A scan rather than a regular expression: {@code "((?:[^"\\]|\\.)*)"} recursed once per character and
     * overflowed the stack on a session token a few KiB long.
     */
    private static List<String> stringValues(String json) {
        List<String> values = new ArrayList<>();
        for (int colon = json.indexOf(':'); colon >= 0; colon = json.indexOf(':', colon + 1)) {
            int open = skipWhiteSpace(json, colon + 1);
            int close = open < json.length() && json.charAt(open) == '"' ? closingQuote(json, open + 1) : -1;
            if (close >= 0) {
                values.add(json.substring(open + 1, close));
            }
        }
        return values;
    }

    private static int skipWhiteSpace(String text, int from) {
        int i = from;
        while (i < text.length() && WHITE_SPACE.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** The index of the unescaped '"' that ends a string whose content starts at {@code from}, or -1. */
    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                i++; // the escaped character is part of the value, even a quote
            }
        }
        return -1;
    }

    /** The cut at the byte limit may leave the start of a value at the very end of the excerpt: blank that too. */
    private static String withoutCutOffStart(String text, String value) {
        for (int length = Math.min(value.length() - 1, text.length()); length >= SHORTEST_BLANKED; length--) {
            if (text.endsWith(value.substring(0, length))) {
                return text.substring(0, text.length() - length) + BLANK;
            }
        }
        return text;
    }
}
