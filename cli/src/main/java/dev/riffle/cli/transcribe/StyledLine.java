package dev.riffle.cli.transcribe;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the live display: runs of plain and dimmed text, fitted to the terminal's width so that it never
 * wraps (a wrapped line would break the cursor arithmetic of the redraw). Width is counted in terminal columns,
 * see {@link ColumnWidth}.
 */
final class StyledLine {

    /** SGR "faint" and back to normal intensity (ECMA-48). */
    static final String DIM = "\033[2m";
    static final String NORMAL = "\033[22m";
    private static final String ELLIPSIS = "…";

    private record Run(String text, boolean dim) {
    }

    private final List<Run> runs = new ArrayList<>(4);
    private int keptHead;

    /** Appends plain text. */
    StyledLine plain(String text) {
        return add(text, false);
    }

    /** Appends dimmed text. */
    StyledLine dim(String text) {
        return add(text, true);
    }

    /** Marks what has been appended so far as the head, kept whole when the line is cut to fit (a label). */
    StyledLine keepHead() {
        keptHead = runs.size();
        return this;
    }

    private StyledLine add(String text, boolean dim) {
        if (!text.isEmpty()) {
            runs.add(new Run(text, dim));
        }
        return this;
    }

    /** The columns the line takes on a terminal ({@link ColumnWidth}: a Chinese or Japanese character takes two). */
    int columns() {
        return runs.stream().mapToInt(r -> ColumnWidth.of(r.text)).sum();
    }

    /**
     * The line rendered within {@code width} columns: the head, then the tail of the rest after an ellipsis if it
     * does not fit (the newest words of a partial are at its end). Dim runs are wrapped in SGR codes only if
     * {@code styled}.
     */
    String render(int width, boolean styled) {
        int excess = columns() - width;
        StringBuilder out = new StringBuilder(width + 16);
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            String text = run.text;
            if (excess > 0 && i >= keptHead) {
                if (i == keptHead) {
                    excess += 1; // room for the ellipsis
                    out.append(ELLIPSIS);
                }
                int cut = 0;
                while (cut < text.length() && excess > 0) { // whole code points, until enough columns are dropped
                    int codePoint = text.codePointAt(cut);
                    excess -= ColumnWidth.of(codePoint);
                    cut += Character.charCount(codePoint);
                }
                text = text.substring(skipMarks(text, cut));
            }
            if (text.isEmpty()) {
                continue;
            }
            out.append(run.dim && styled ? DIM + text + NORMAL : text);
        }
        return out.toString();
    }

    /**
     * The index after the combining marks at {@code from}, so that the marks of the last character dropped go with
     * it and none is left to draw on the ellipsis.
     */
    private static int skipMarks(String text, int from) {
        int i = from;
        while (i < text.length() && ColumnWidth.of(text.codePointAt(i)) == 0) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }
}
