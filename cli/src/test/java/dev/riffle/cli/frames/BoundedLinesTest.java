package dev.riffle.cli.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line ends that fall between two reads of the stream: a CR at the end of one read, its LF at the start of the next. */
class BoundedLinesTest {

    @Test
    void crLfSplitBetweenOneByteReadsEndsOneLine() throws IOException {
        byte[] text = "a\r\nb\r\n\r\nc".getBytes(StandardCharsets.US_ASCII);

        assertThat(lines(new OneByteAtATime(new ByteArrayInputStream(text)))).containsExactly("a", "b", "", "c");
    }

    @Test
    void crLfSplitAtTheEndOfTheReadBufferEndsOneLine() throws IOException {
        String longLine = "x".repeat(64 * 1024 - 1); // with its CR, exactly one buffer: the LF comes in the next read
        byte[] text = (longLine + "\r\ny\r").getBytes(StandardCharsets.US_ASCII);

        assertThat(lines(new ByteArrayInputStream(text))).containsExactly(longLine, "y");
    }

    private static List<String> lines(InputStream in) throws IOException {
        BoundedLines lines = new BoundedLines(in, 1 << 20, "a test's limit");
        List<String> out = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            out.add(line);
        }
        return out;
    }

    /** Hands out one byte per read, as a slow pipe may. */
    private static final class OneByteAtATime extends FilterInputStream {
        OneByteAtATime(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
