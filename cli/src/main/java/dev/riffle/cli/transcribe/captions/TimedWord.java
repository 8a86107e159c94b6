package dev.riffle.cli.transcribe.captions;

/**
 * A word as it will be shown, punctuation attached, with the audio it covers.
 *
 * @param text        the word, with any punctuation that follows it
 * @param startMillis where it starts, in milliseconds of audio
 * @param endMillis   where it ends
 */
record TimedWord(String text, long startMillis, long endMillis) {

    /** Whether the word ends a sentence, where a new caption reads best. */
    boolean endsSentence() {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '?' || last == '!';
    }

    /** This word with {@code mark} (a punctuation item) attached. */
    TimedWord withPunctuation(String mark) {
        return new TimedWord(text + mark, startMillis, endMillis);
    }
}
