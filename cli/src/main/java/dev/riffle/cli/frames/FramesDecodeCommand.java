package dev.riffle.cli.frames;

import dev.riffle.cli.FileErrors;
import dev.riffle.cli.Main;
import dev.riffle.eventstream.EventStreamException;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code riffle frames decode [FILE]}: concatenated frames to one JSON object per line. On a bad frame every frame
 * before it has been printed; the reason and byte offset go to standard error and the status is 1.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode concatenated frames from FILE (or standard input) into JSON Lines.",
                "On a bad frame, the frames before it are printed, then the reason and byte offset go to standard "
                        + "error and the exit status is 1."})
final class FramesDecodeCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    private FramesCommand frames;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Frames to read; '-' or none for standard input.")
    private String file;

    @Override
    public Integer call() throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(frames.streams().out(), StandardCharsets.UTF_8));
        try (InputStream in = frames.open(file)) {
            decode(in, out);
            return 0;
        } catch (FileSystemException e) {
            frames.streams().err().println("riffle frames decode: " + FileErrors.cannotOpen(file, e));
            return Main.EXIT_USAGE;
        } catch (EventStreamException e) {
            out.flush();
            frames.streams().err().println("riffle frames decode: " + e.getMessage());
            return Main.EXIT_REJECTED;
        } finally {
            out.flush();
        }
    }

    private static void decode(InputStream in, Writer out) throws IOException {
        MessageDecoder decoder = new MessageDecoder();
        byte[] buffer = new byte[64 * 1024];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                decoder.feed(ByteBuffer.wrap(buffer, 0, n), message -> {
                    try {
                        out.write(MessageJson.toJson(message));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        decoder.endOfInput();
    }
}
