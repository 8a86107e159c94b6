package dev.riffle.cli.transcribe;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal terminal for tests: plays back what the live printer wrote and keeps the screen it leaves. It knows
 * only what a live display may use (CR, LF, CUU {@code ESC[nA}, ED {@code ESC[J}, SGR {@code ESC[2m}/{@code ESC[22m}),
 * and fails on anything else, so a stray sequence is caught. Dim cells are remembered.
 */
final class TerminalScreen {

    /** Fills the cell to the right of a wide character; not part of the text. */
    private static final char SECOND_CELL = '\0';

    private final List<StringBuilder> rows = new ArrayList<>(List.of(new StringBuilder()));
    private final List<StringBuilder> dimRows = new ArrayList<>(List.of(new StringBuilder()));
    private final int width;
    private int row;
    private int column;
    private boolean dim;

    TerminalScreen(int width) {
        this.width = width;
    }

    /** Plays {@code output}; returns this. */
    TerminalScreen play(String output) {
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                row++;
                column = 0;
                ensureRow(row);
            } else if (c == '\033') {
                i = escape(output, i);
            } else {
                int cells = isWide(c) ? 2 : 1;
                if (column + cells > width) {
                    throw new AssertionError("the printer wrote past the last column: " + rows.get(row));
                }
                put(c);
                if (cells == 2) {
                    put(SECOND_CELL);
                }
            }
        }
        return this;
    }

    /** Kana and CJK ideographs take two columns in every terminal; that is all the tests need of East Asian Width. */
    private static boolean isWide(char c) {
        return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF);
    }

    private int escape(String output, int start) {
        if (output.charAt(start + 1) != '[') {
            throw new AssertionError("unexpected escape at " + start);
        }
        int end = start + 2;
        while (!Character.isLetter(output.charAt(end))) {
            end++;
        }
        String parameter = output.substring(start + 2, end);
        switch (output.charAt(end)) {
            case 'A' -> row = Math.max(0, row - (parameter.isEmpty() ? 1 : Integer.parseInt(parameter)));
            case 'J' -> eraseBelow();
            case 'm' -> dim = switch (parameter) {
                case "2" -> true;
                case "22" -> false;
                default -> throw new AssertionError("unexpected SGR " + parameter);
            };
            default -> throw new AssertionError("unexpected sequence ESC[" + parameter + output.charAt(end));
        }
        return end;
    }

    private void put(char c) {
        StringBuilder line = rows.get(row);
        StringBuilder dims = dimRows.get(row);
        while (line.length() < column) {
            line.append(' ');
            dims.append(' ');
        }
        if (column < line.length()) {
            line.setCharAt(column, c);
            dims.setCharAt(column, dim ? 'd' : ' ');
        } else {
            line.append(c);
            dims.append(dim ? 'd' : ' ');
        }
        column++;
    }

    private void eraseBelow() {
        rows.get(row).setLength(column);
        dimRows.get(row).setLength(column);
        while (rows.size() > row + 1) {
            rows.remove(rows.size() - 1);
            dimRows.remove(dimRows.size() - 1);
        }
    }

    private void ensureRow(int index) {
        while (rows.size() <= index) {
            rows.add(new StringBuilder());
            dimRows.add(new StringBuilder());
        }
    }

    /** The screen's lines, trailing blank lines dropped. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        rows.forEach(r -> lines.add(r.toString().replace(String.valueOf(SECOND_CELL), "").stripTrailing()));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The text of {@code line} drawn dim. */
    String dimText(int line) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.get(line).length(); i++) {
            if (dimRows.get(line).charAt(i) == 'd' && rows.get(line).charAt(i) != SECOND_CELL) {
                text.append(rows.get(line).charAt(i));
            }
        }
        return text.toString().strip();
    }
}
