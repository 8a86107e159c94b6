package dev.riffle.cli.frames;

import dev.riffle.cli.FileErrors;
import dev.riffle.cli.Main;
import dev.riffle.eventstream.MessageEncoder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code riffle frames encode [FILE]}: JSON Lines in the conformance schema to binary frames. Length and CRC fields
 * may be absent and are computed; when given they must match, unless {@code --keep-given}.
 *
 * <p>Limits, so that what is written is what a decoder at its default limits reads back, and an endless line from a
 * pipe cannot fill the heap: a line is at most {@link FrameJsonReader#MAX_LINE_LENGTH} bytes of UTF-8 (40 MiB: the
 * largest frame in base64, with room for its JSON), a frame at most 24 MiB, with at most 1,024 headers. A line past a
 * limit, or not UTF-8, stops the command with its line number; the frames of the lines before it have been written.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Encode JSON Lines from FILE (or standard input) into binary frames on standard output.",
                "total_length, headers_length, prelude_crc and message_crc may be absent: they are computed. When "
                        + "given they must match what is computed, unless --keep-given.",
                "Input is UTF-8; a line is at most 40 MiB, a frame at most 24 MiB with at most 1024 headers (the "
                        + "limits of decoders). On a bad line, the frames before it are written, then the line number "
                        + "and reason go to standard error and the exit status is 1."})
final class FramesEncodeCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private FramesCommand frames;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON Lines to read; '-' or none for stdin.")
    private String file;

    @Option(names = "--keep-given", description = "Write given length and CRC fields as given, even when wrong "
            + "(to craft malformed frames for negative tests).")
    private boolean keepGiven;

    @Override
    public Integer call() throws IOException {
        OutputStream out = new BufferedOutputStream(frames.streams().out(), 64 * 1024);
        MessageEncoder encoder = new MessageEncoder();
        int lineNumber = 0;
        try (InputStream in = frames.open(file)) {
            BoundedLines lines = new BoundedLines(in, FrameJsonReader.MAX_LINE_LENGTH,
                    "the largest frame in base64, with room for its JSON");
            while (true) {
                lineNumber++; // before reading: a line that is too long or not UTF-8 is refused with its number
                String line = lines.next();
                if (line == null) {
                    return 0;
                }
                if (!line.isBlank()) {
                    out.write(FrameJsonReader.read(line).encode(encoder, keepGiven));
                }
            }
        } catch (FileSystemException e) {
            frames.streams().err().println("riffle frames encode: " + FileErrors.cannotOpen(file, e));
            return Main.EXIT_USAGE;
        } catch (FrameFormatException e) {
            out.flush();
            frames.streams().err().println("riffle frames encode: line " + lineNumber + ": " + e.getMessage());
            return Main.EXIT_REJECTED;
        } finally {
            out.flush();
        }
    }
}
