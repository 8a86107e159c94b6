package dev.riffle.emulator.transcript;

import java.util.Objects;

/**
 * A word placed in the audio: spoken from {@code start} to {@code end}, in seconds since the stream started (spec
 * section 5.4).
 *
 * @param word the word and its punctuation
 * @param start when it starts
 * @param end when it ends; not before {@code start}
 */
public record TimedWord(ScriptWord word, double start, double end) {

    /** Checks the components. */
    public TimedWord {
        Objects.requireNonNull(word, "word");
        if (!(start >= 0 && end >= start)) {
            throw new IllegalArgumentException("a word cannot span " + start + " to " + end + " s");
        }
    }
}
