package dev.riffle.emulator.transcript;

import java.util.Objects;
import java.util.Optional;

/**
 * One word of a script as its author wrote it: what is spoken, and the punctuation written straight after it.
 *
 * <p>The service sends a word and the punctuation after it as two items, a {@code pronunciation} and a
 * {@code punctuation} one (spec section 3.4), so {@code "world."} is the spoken {@code world} followed by the mark
 * {@code .}. Only a trailing run of the marks in {@link #PUNCTUATION_MARKS} counts as punctuation; anything else
 * (an apostrophe, a hyphen, a dot inside {@code U.S}) belongs to the word.
 *
 * @param spoken the word without its trailing punctuation; never empty
 * @param punctuation the marks written after the word, such as {@code "."} or {@code "?!"}; empty if none
 * @param confidence the confidence its final result reports, from 0 to 1
 */
public record ScriptWord(String spoken, String punctuation, double confidence) {

    /** The marks that become punctuation items when they end a word. */
    public static final String PUNCTUATION_MARKS = ".,?!;:";

    /** The confidence of a word whose script gives none: the service reports high values for clear speech. */
    public static final double DEFAULT_CONFIDENCE = 0.99;

    private static final String SENTENCE_ENDS = ".?!";

    /** Checks the components. */
    public ScriptWord {
        Objects.requireNonNull(spoken, "spoken");
        Objects.requireNonNull(punctuation, "punctuation");
        if (spoken.isEmpty()) {
            throw new IllegalArgumentException("a word must have something spoken");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not between 0 and 1");
        }
    }

    /**
     * The word written as {@code text}, its trailing punctuation split off; empty if {@code text} is punctuation
     * only (or empty), which leaves nothing to speak.
     */
    public static Optional<ScriptWord> split(String text, double confidence) {
        int end = text.length();
        while (end > 0 && isPunctuationMark(text.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return Optional.empty();
        }
        return Optional.of(new ScriptWord(text.substring(0, end), text.substring(end), confidence));
    }

    /** Whether {@code c} is one of the {@link #PUNCTUATION_MARKS}. */
    public static boolean isPunctuationMark(char c) {
        return PUNCTUATION_MARKS.indexOf(c) >= 0;
    }

    /** Whether punctuation follows the word. */
    public boolean hasPunctuation() {
        return !punctuation.isEmpty();
    }

    /** Whether the word ends a sentence ({@code .}, {@code ?} or {@code !} among its marks). */
    public boolean endsSentence() {
        return punctuation.chars().anyMatch(mark -> SENTENCE_ENDS.indexOf(mark) >= 0);
    }

    /** This word with more marks after it (a lone {@code "?"} after a word in a text script). */
    ScriptWord withMorePunctuation(String marks) {
        return new ScriptWord(spoken, punctuation + marks, confidence);
    }

    /** How many characters are spoken (code points, so that a letter outside the BMP counts once). */
    public int spokenLength() {
        return spoken.codePointCount(0, spoken.length());
    }

    /**
     * The first {@code characters} characters of the spoken word: what a recognizer has heard of a word still
     * being said. At least one character, at most the whole word.
     */
    String spokenPrefix(int characters) {
        int count = Math.max(1, Math.min(characters, spokenLength()));
        return spoken.substring(0, spoken.offsetByCodePoints(0, count));
    }
}
