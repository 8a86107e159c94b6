package dev.riffle.emulator.transcript;

import java.util.List;

/**
 * A segment as heard at one moment, for a partial result, or as closed, for its final result.
 *
 * @param resultId the segment's id, shared by all its results
 * @param start where the segment starts
 * @param end where it ends (a closed segment) or has been heard up to (an open one)
 * @param words the words said in full, in order
 * @param speaking the word being said; null if none, and always null in a closed segment
 * @param traits speaker, channel, language and PII
 */
record SegmentDraft(String resultId, double start, double end, List<TimedWord> words, SpeakingWord speaking,
                    SegmentTraits traits) {

    /** Copies the list. */
    SegmentDraft {
        words = List.copyOf(words);
    }

    /** How many words the segment shows: those said and the one being said. */
    int wordCount() {
        return words.size() + (speaking == null ? 0 : 1);
    }
}
