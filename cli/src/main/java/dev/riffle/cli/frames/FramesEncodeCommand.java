package dev.riffle.cli.frames;

import dev.riffle.cli.Main;
import dev.riffle.eventstream.MessageEncoder;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code riffle frames encode [FILE]}: JSON Lines in the conformance schema to binary frames. Length and CRC fields
 * may be absent and are computed; when given they must match, unless {@code --keep-given}.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Encode JSON Lines from FILE (or standard input) into binary frames on standard output.",
                "total_length, headers_length, prelude_crc and message_crc may be absent: they are computed. When "
                        + "given they must match what is computed, unless --keep-given."})
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
        try (InputStream in = frames.open(file);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    out.write(FrameJsonReader.read(line).encode(encoder, keepGiven));
                }
            }
            return 0;
        } catch (NoSuchFileException e) {
            frames.streams().err().println("riffle frames encode: " + file + ": no such file");
            return Main.EXIT_USAGE;
        } catch (FrameFormatException | IllegalArgumentException e) {
            out.flush();
            frames.streams().err().println("riffle frames encode: line " + lineNumber + ": " + e.getMessage());
            return Main.EXIT_REJECTED;
        } finally {
            out.flush();
        }
    }
}
