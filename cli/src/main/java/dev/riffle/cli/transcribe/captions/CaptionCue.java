package dev.riffle.cli.transcribe.captions;

import java.util.List;
import java.util.Objects;

/**
 * One caption: what is on screen, and when.
 *
 * @param startMillis when it appears, in milliseconds of audio
 * @param endMillis   when it goes, after {@code startMillis}
 * @param lines       one or two lines of text
 */
public record CaptionCue(long startMillis, long endMillis, List<String> lines) {

    /** Checks the times and copies the lines. */
    public CaptionCue {
        if (startMillis < 0 || endMillis <= startMillis) {
            throw new IllegalArgumentException("a cue needs 0 <= start < end, not " + startMillis + ".." + endMillis);
        }
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a cue needs a line of text");
        }
    }
}
