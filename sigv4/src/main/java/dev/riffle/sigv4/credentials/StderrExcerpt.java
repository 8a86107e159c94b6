package dev.riffle.sigv4.credentials;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a failed command's stderr that a message may quote: the first {@link ShellCommand#STDERR_LIMIT}
 * bytes, with every JSON string value the command printed on stdout blanked out (also where the cut left only the
 * start of one), in case the command echoed its answer, secret and token included, to stderr as well.
 */
final class StderrExcerpt {

    /** A JSON member's string value: what follows a ':' between double quotes, escapes included. */
    private static final Pattern JSON_STRING_VALUE = Pattern.compile(":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
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
        Matcher values = JSON_STRING_VALUE.matcher(json);
        while (values.find()) {
            String value = values.group(1);
            if (value.length() >= SHORTEST_BLANKED) {
                blanked = withoutCutOffStart(blanked.replace(value, BLANK), value);
            }
        }
        return blanked;
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
