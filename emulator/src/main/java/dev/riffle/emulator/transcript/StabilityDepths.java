package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.PartialResultsStability;

/**
 * How many of the last words of a partial result stay unstable at each stabilization level (spec section 5.3:
 * a higher level marks words stable sooner). The service does not publish its numbers; the defaults keep one
 * word open at {@code high}, two at {@code medium} and three at {@code low}.
 *
 * @param high unstable words at {@code high}
 * @param medium unstable words at {@code medium}
 * @param low unstable words at {@code low}
 */
public record StabilityDepths(int high, int medium, int low) {

    /** Checks the depths: at least one, as the word being said may still change. */
    public StabilityDepths {
        if (high < 1 || medium < 1 || low < 1) {
            throw new IllegalArgumentException("the word being said must stay unstable: at least 1 at each level");
        }
    }

    /** 1 at high, 2 at medium, 3 at low. */
    public static StabilityDepths defaults() {
        return new StabilityDepths(1, 2, 3);
    }

    /** The depth at {@code level}. */
    public int at(PartialResultsStability level) {
        return switch (level) {
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
        };
    }
}
