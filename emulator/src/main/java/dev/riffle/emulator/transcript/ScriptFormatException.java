package dev.riffle.emulator.transcript;

/**
 * A script that cannot be used, with where and why: {@code talk.json:14:22: segments[2].words[5].end: the word
 * ends at 1.2 s, before it starts (1.5 s)}.
 */
public final class ScriptFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;

    /**
     * A problem in {@code source}.
     *
     * @param source the file (or other origin) of the script
     * @param line the line, from 1; 0 if the problem is with the whole file
     * @param column the column, from 1; 0 if unknown
     * @param path where in the JSON document ({@code segments[2].words[5].end}); null for a text script or the
     *             whole document
     * @param problem what is wrong, as a sentence without a final period
     */
    public ScriptFormatException(String source, int line, int column, String path, String problem) {
        super(message(source, line, column, path, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.path = path;
        this.problem = problem;
    }

    /** The file (or other origin) of the script. */
    public String source() {
        return source;
    }

    /** The line of the problem, from 1; 0 for the whole file. */
    public int line() {
        return line;
    }

    /** The column of the problem, from 1; 0 if unknown. */
    public int column() {
        return column;
    }

    /** Where in the JSON document; null for a text script or the document as a whole. */
    public String path() {
        return path;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    private static String message(String source, int line, int column, String path, String problem) {
        StringBuilder message = new StringBuilder(source);
        if (line > 0) {
            message.append(':').append(line);
            if (column > 0) {
                message.append(':').append(column);
            }
        }
        message.append(": ");
        if (path != null && !path.isEmpty()) {
            message.append(path).append(": ");
        }
        return message.append(problem).toString();
    }
}
