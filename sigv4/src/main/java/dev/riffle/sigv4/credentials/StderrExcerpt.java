package dev.riffle.sigv4.credentials;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a failed command's stderr that a message may quote: the first {@link ShellCommand#STDERR_LIMIT}
 * bytes, with every JSON string value the command printed on stdout blanked out (also where the cut left only the
 * start of one), in case the command echoed its answer, secret and token included, to stderr as well.
 */
final class StderrExcerpt {

    /** What may stand between a member's ':' and its value: JSON's white space, and vertical tab and form feed. */
    private static final String WHITE_SPACE = " \t\n\u000B\f\r";
    /** Shorter values are too short to be secrets and blanking them would garble the text. */
    private static final int SHORTEST_BLANKED = 4;
    private static final String BLANK = "***";

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
        for (String value : stringValues(json)) {
            if (value.length() >= SHORTEST_BLANKED) {
                blanked = withoutCutOffStart(blanked.replace(value, BLANK), value);
            }
        }
        return blanked;
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
