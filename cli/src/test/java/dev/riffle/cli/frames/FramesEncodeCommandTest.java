package dev.riffle.cli.frames;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.cli.CliRun;
import dev.riffle.cli.Main;
import dev.riffle.cli.Streams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@code riffle frames encode} on input that is not lines of JSON: an endless line, bytes that are not UTF-8. */
class FramesEncodeCommandTest {

    private static final String EMPTY_FRAME = "{\"headers\":[]}";

    @Test
    void refusesALineLongerThanTheLimitWithoutReadingItAll() {
        // An endless line (no newline, from a pipe) was buffered by BufferedReader.readLine until the heap ran out.
        EndlessLine endless = new EndlessLine(2L * FrameJsonReader.MAX_LINE_LENGTH);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.execute(new Streams(endless, new ByteArrayOutputStream(),
                new PrintStream(err, true, StandardCharsets.UTF_8)), CliRun.NO_AWS, "frames", "encode");

        assertThat(status).isEqualTo(Main.EXIT_REJECTED);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("riffle frames encode: line 1: longer than "
                + FrameJsonReader.MAX_LINE_LENGTH + " bytes, the limit (the largest frame in base64, with room "
                + "for its JSON)" + System.lineSeparator());
        assertThat(endless.served).isLessThan(FrameJsonReader.MAX_LINE_LENGTH + 1024L * 1024);
    }

    @Test
    void refusesBytesThatAreNotUtf8NamingTheirLine() {
        // They were read as U+FFFD, so a header name in Latin-1 was silently written as a different name.
        byte[] latin1 = "{\"headers\":[{\"name\":\"caf\u00e9\",\"type\":0}]}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] input = concat((EMPTY_FRAME + "\n").getBytes(StandardCharsets.UTF_8), latin1);

        CliRun run = CliRun.run(input, "frames", "encode");

        assertThat(run.status()).isEqualTo(Main.EXIT_REJECTED);
        assertThat(run.out()).hasSize(16); // the frame of line 1
        assertThat(run.err()).isEqualTo("riffle frames encode: line 2: not UTF-8" + System.lineSeparator());
    }

    @Test
    void endsLinesAtLineFeedCarriageReturnOrBoth() {
        String lines = EMPTY_FRAME + "\r\n" + EMPTY_FRAME + "\r" + EMPTY_FRAME + "\n\n" + EMPTY_FRAME;

        CliRun run = CliRun.run(lines.getBytes(StandardCharsets.UTF_8), "frames", "encode");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).hasSize(4 * 16);
    }

    @Test
    void namesTheLineOfABadFrameAfterCarriageReturns() {
        String lines = EMPTY_FRAME + "\r\n\r\n" + EMPTY_FRAME + "\r{}x";

        CliRun run = CliRun.run(lines.getBytes(StandardCharsets.UTF_8), "frames", "encode");

        assertThat(run.err()).startsWith("riffle frames encode: line 4: ");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** One line of 'a' that never ends; reading further than {@code failAfter} bytes fails the read. */
    private static final class EndlessLine extends InputStream {
        private final long failAfter;
        long served;

        EndlessLine(long failAfter) {
            this.failAfter = failAfter;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (served > failAfter) {
                throw new IOException("read " + served + " bytes of one line: it is being buffered whole");
            }
            Arrays.fill(b, off, off + len, (byte) 'a');
            served += len;
            return len;
        }
    }
}
