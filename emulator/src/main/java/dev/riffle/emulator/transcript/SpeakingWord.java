package dev.riffle.emulator.transcript;

/**
 * The word being said when a partial result is made: a recognizer has heard only part of it, so the partial
 * shows its first letters, in proportion to how much of it has been said (spec section 5.2: partials are
 * rewritten as more is heard).
 *
 * @param word the word
 * @param start where it started
 * @param end where it has been heard up to
 * @param heard how much of it has been said, from 0 (just started) to below 1
 */
record SpeakingWord(ScriptWord word, double start, double end, double heard) {

    /** The letters heard so far: at least one, and never the whole of a word of several letters. */
    String heardText() {
        int length = word.spokenLength();
        int letters = (int) Math.ceil(heard * length);
        return word.spokenPrefix(Math.min(letters, Math.max(1, length - 1)));
    }
}
