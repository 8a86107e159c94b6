package dev.riffle.emulator.transcript;

/**
 * How long a word of a plain-word script takes to say: a fixed part plus a part per letter, so that long words
 * take longer. The defaults (0.1 s + 0.06 s a letter) give about 0.38 s for an average English word of 4.7
 * letters, some 160 words a minute: an ordinary conversational pace.
 *
 * @param baseSeconds the time of any word
 * @param secondsPerLetter the time added by each spoken letter
 */
public record SpeakingRate(double baseSeconds, double secondsPerLetter) {

    /** Checks the values. */
    public SpeakingRate {
        if (!(baseSeconds >= 0 && secondsPerLetter >= 0 && baseSeconds + secondsPerLetter > 0)) {
            throw new IllegalArgumentException("a speaking rate needs time per word: " + baseSeconds + ", "
                    + secondsPerLetter);
        }
    }

    /** About 160 words a minute. */
    public static SpeakingRate conversational() {
        return new SpeakingRate(0.1, 0.06);
    }

    /** How many seconds of speech {@code word} takes. */
    public double secondsFor(ScriptWord word) {
        return baseSeconds + secondsPerLetter * word.spokenLength();
    }
}
