package dev.riffle.cli;

/**
 * Text from the service, made safe to print. On a terminal a control character acts rather than shows: an escape
 * sequence can move the cursor, rewrite the screen or set the window's title. In a line-based format a line break
 * inside a transcript ends the line, or a caption cue, early. The service's transcripts contain neither, so this
 * matters only with a faulty or hostile endpoint, but the printers must not pass its bytes to the terminal as
 * commands.
 *
 * <p>Rule: a tab or a line break (LF, VT, FF, CR, NEL, U+2028, U+2029) becomes a space; every other C0 or C1 control
 * character, and DEL, becomes U+FFFD, the replacement character, so that the reader sees that something was there.
 */
public final class PrintableText {

    private static final char REPLACEMENT = '\uFFFD';

    private PrintableText() {
    }

    /** {@code text} with its control characters replaced; the same instance if it has none (the usual case). */
    public static String of(String text) {
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(!isControl(c) ? c : isBreakOrTab(c) ? ' ' : REPLACEMENT);
        }
        return out.toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** C0, DEL and C1 (Unicode general category Cc), and the two Unicode line separators. */
    private static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    private static boolean isBreakOrTab(char c) {
        return (c >= '\t' && c <= '\r') || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
