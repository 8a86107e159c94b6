package dev.riffle.cli.transcribe;

import dev.riffle.cli.Companions;
import dev.riffle.transcribe.audio.AudioFormat;
import dev.riffle.transcribe.audio.AudioSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The audio argument of {@code riffle transcribe}: a file, or {@code -} for standard input.
 *
 * @param name  the argument as given, for messages
 * @param file  the file; null for standard input
 */
record AudioInput(String name, Path file) {

    /** The argument that means standard input. */
    static final String STDIN = "-";

    /** The input {@code argument} names. */
    static AudioInput of(String argument) {
        return new AudioInput(argument, STDIN.equals(argument) ? null : Path.of(argument));
    }

    /**
     * Opens the input and reads its header.
     *
     * @param headerless the format of raw PCM, when declared with {@code --sample-rate}; null otherwise
     * @throws NoSuchFileException if the file is missing or a directory
     * @throws dev.riffle.transcribe.audio.UnsupportedAudioException naming what was found, if it is no format
     *                                                               riffle sends
     */
    AudioSource open(InputStream stdin, AudioFormat headerless) throws IOException {
        if (file == null) {
            return AudioSource.open(stdin, headerless);
        }
        return AudioSource.open(file, headerless);
    }

    /**
     * The emulator's script for this audio: {@code NAME.json} (with timings) or else {@code NAME.txt} beside the
     * file; none for standard input.
     */
    Optional<Path> scriptBeside() {
        if (file == null) {
            return Optional.empty();
        }
        for (String extension : new String[] {".json", ".txt"}) {
            Path script = Companions.beside(file, extension);
            if (Files.isRegularFile(script) && !script.equals(file)) {
                return Optional.of(script);
            }
        }
        return Optional.empty();
    }
}
