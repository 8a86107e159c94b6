package dev.riffle.cli.frames;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a stream of UTF-8 text, ended as {@link java.io.BufferedReader#readLine} ends them (a line feed, a
 * carriage return, or both), with two differences that matter for input from a pipe: a line longer than a limit is
 * refused as soon as the limit is passed, instead of being buffered whole (an endless line would fill the heap), and
 * bytes that are not UTF-8 are refused on their own line, instead of being read as U+FFFD (which would silently
 * change a header name).
 *
 * <p>Lines are split on bytes: a line feed or carriage return byte is never part of a multi-byte UTF-8 sequence.
 * Not thread-safe.
 */
final class BoundedLines {

    private static final int RETAINED_LINE_CAPACITY = 1024 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final String whyThatLimit;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    /** The last line ended with a carriage return: a line feed right after it ends nothing more. */
    private boolean skipLineFeed;
    private byte[] line = new byte[1024];
    private int lineLength;

    /**
     * @param in           the stream; not closed here
     * @param maxLineBytes the longest line accepted, in bytes, line terminator excluded
     * @param whyThatLimit what the limit stands for, for the message that refuses a longer line
     */
    BoundedLines(InputStream in, int maxLineBytes, String whyThatLimit) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.whyThatLimit = whyThatLimit;
    }

    /**
     * The next line, without its terminator, or null at the end of the stream.
     *
     * @throws FrameFormatException if the line is longer than the limit (nothing past the limit is read), or is not
     *                              UTF-8
     */
    String next() throws IOException {
        if (line.length > RETAINED_LINE_CAPACITY) {
            line = new byte[1024]; // one huge line should not pin its buffer for the rest of the stream
        }
        lineLength = 0;
        boolean started = false;
        while (true) {
            if (position == limit && !fill()) {
                return started ? decode() : null;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            started = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                skipLineFeed = buffer[position++] == '\r';
                return decode();
            }
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer);
        } while (n == 0);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private void append(int from, int to) {
        int count = to - from;
        if (count > maxLineBytes - lineLength) {
            throw new FrameFormatException("longer than " + maxLineBytes + " bytes, the limit (" + whyThatLimit + ")");
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(lineLength + count, 2 * line.length)));
        }
        System.arraycopy(buffer, from, line, lineLength, count);
        lineLength += count;
    }

    private String decode() {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, lineLength))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FrameFormatException("not UTF-8");
        }
    }
}
