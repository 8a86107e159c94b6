package dev.riffle.emulator.transcript;

/**
 * The {@code Stable} flag of items (spec section 5.3). Off, the flag is absent. On, the last {@code depth} words of
 * a partial result and their punctuation are unstable and the rest stable; every item of a final result is
 * stable. As only the last words can change (words are added at the end; the word being said is always the last
 * and {@code depth} is at least 1), a word marked stable never changes afterwards in its segment.
 */
final class StabilityPolicy {

    private static final StabilityPolicy OFF = new StabilityPolicy(0);

    private final int depth;

    private StabilityPolicy(int depth) {
        this.depth = depth;
    }

    /** No {@code Stable} flags. */
    static StabilityPolicy off() {
        return OFF;
    }

    /** The last {@code depth} words of a partial stay unstable. */
    static StabilityPolicy keepingUnstable(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("the word being said must stay unstable: depth " + depth);
        }
        return new StabilityPolicy(depth);
    }

    /** The flag of the items of word {@code index} of a partial showing {@code wordCount} words. */
    Boolean partialFlag(int index, int wordCount) {
        return depth == 0 ? null : index < wordCount - depth;
    }

    /** The flag of every item of a final result. */
    Boolean finalFlag() {
        return depth == 0 ? null : Boolean.TRUE;
    }
}
