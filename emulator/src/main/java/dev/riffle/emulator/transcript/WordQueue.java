package dev.riffle.emulator.transcript;

import java.util.List;

/**
 * The words of a plain-word script not yet said, shared by the channels of a stream: whichever channel speaks
 * next says the next word. Holds a position in the script's (immutable, shared) list, not a copy of it.
 */
final class WordQueue {

    private final List<ScriptWord> words;
    private int next;

    WordQueue(List<ScriptWord> words) {
        this.words = words;
    }

    boolean isEmpty() {
        return next == words.size();
    }

    /** The next word; the queue must not be empty. */
    ScriptWord take() {
        return words.get(next++);
    }

    /** Every word left, which leaves the queue empty. */
    List<ScriptWord> takeAll() {
        List<ScriptWord> rest = words.subList(next, words.size());
        next = words.size();
        return rest;
    }
}
