package dev.riffle.cli.frames;

import dev.riffle.cli.FileErrors;
import dev.riffle.cli.Main;
import dev.riffle.cli.Streams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code riffle frames}: event-stream frames to JSON Lines and back, for conformance work. */
@Command(name = "frames", mixinStandardHelpOptions = true,
        description = {"Encode and decode event-stream frames (application/vnd.amazon.eventstream).",
                "The JSON is the schema of the shared conformance vectors: one object per frame, CRCs as signed "
                        + "int32, string, byte-array and uuid values and the payload in base64."},
        subcommands = {FramesDecodeCommand.class, FramesEncodeCommand.class})
public final class FramesCommand implements Runnable {

    @CommandLine.ParentCommand
    private Main main;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    Streams streams() {
        return main.streams();
    }

    /**
     * Opens FILE, or standard input for {@code null} or {@code -}. The caller closes the stream.
     *
     * @throws FileSystemException if FILE is missing, a directory, or not readable; see
     *     {@link FileErrors#cannotOpen}
     */
    InputStream open(String file) throws IOException {
        if (file == null || file.equals("-")) {
            return new java.io.FilterInputStream(streams().in()) {
                @Override
                public void close() {
                    // standard input is not ours to close
                }
            };
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) { // reading one fails only at the first read, with a bare "Is a directory"
            throw new NoSuchFileException(file, null, "is a directory");
        }
        return Files.newInputStream(path);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: decode or encode");
    }
}
