package dev.riffle.emulator.transcript;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What the emulator "recognizes" in a stream: it cannot recognize speech, so a script says what was said (spec
 * section 5.8). Two kinds:
 * <ul>
 *   <li>{@link PlainTextScript} ({@code .txt}): plain words, laid over the speech found in the audio as it
 *       arrives;</li>
 *   <li>{@link TimedScript} ({@code .json}): segments with word timings, played back in step with audio time.</li>
 * </ul>
 * The formats are described in {@code emulator/SCRIPTS.md}. A script is immutable and may serve many streams.
 */
public sealed interface TranscriptScript permits PlainTextScript, TimedScript {

    /** Where the script came from (a file name), for messages. */
    String source();

    /** No script: every stream gets events without results. */
    static TranscriptScript none() {
        return new TimedScript("(no script)", List.of());
    }

    /**
     * The script in {@code file}, by its extension: {@code .txt} or {@code .json} (in any letter case).
     *
     * @throws IOException if the file cannot be read
     * @throws ScriptFormatException if its content is malformed, or its extension is neither
     */
    static TranscriptScript load(Path file) throws IOException {
        String source = file.toString();
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return PlainTextScript.parse(source, Files.readAllBytes(file));
        }
        if (name.endsWith(".json")) {
            return JsonScriptReader.read(source, Files.readAllBytes(file));
        }
        throw new ScriptFormatException(source, 0, 0, null,
                "unknown kind of script: its name must end with .txt (plain words) or .json (timed segments)");
    }
}
