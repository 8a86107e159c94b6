package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.LanguageWithScore;
import java.util.List;

/**
 * What results say about their language (spec section 3.4): nothing when the request names the language;
 * with language identification, the segment's language as {@code LanguageCode} and a score for each of the
 * request's options in {@code LanguageIdentification}, on partial and final results alike.
 *
 * <p>The identified language is the one the script gives the segment if it is among the options, since the
 * service can only choose among them; otherwise the preferred language, or the first option. It scores
 * {@value #IDENTIFIED_SCORE}; the other options share the rest equally, to four decimals, so that a score reads
 * {@code 0.05} rather than the {@code 0.050000000000000044} that {@code 1 - 0.95} is in binary.
 */
final class LanguagePolicy {

    /** The score of the identified language: sure, as a script is. */
    static final double IDENTIFIED_SCORE = 0.95;

    private static final LanguagePolicy NOT_IDENTIFYING = new LanguagePolicy(List.of(), null);

    private final List<LanguageCode> options;
    private final LanguageCode fallback;

    private LanguagePolicy(List<LanguageCode> options, LanguageCode fallback) {
        this.options = List.copyOf(options);
        this.fallback = fallback;
    }

    /** The request names the language: results say nothing of it. */
    static LanguagePolicy notIdentifying() {
        return NOT_IDENTIFYING;
    }

    /**
     * The request identifies the language among {@code options}.
     *
     * @param preferred the preferred option; null for none
     */
    static LanguagePolicy identifying(List<LanguageCode> options, LanguageCode preferred) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("language identification needs language options");
        }
        return new LanguagePolicy(options, preferred != null ? preferred : options.get(0));
    }

    /** The {@code LanguageCode} of a segment the script says is in {@code scripted} (null: unsaid). */
    String languageCode(LanguageCode scripted) {
        return fallback == null ? null : identified(scripted).wireValue();
    }

    /** The {@code LanguageIdentification} scores of such a segment; empty without identification. */
    List<LanguageWithScore> scores(LanguageCode scripted) {
        if (fallback == null) {
            return List.of();
        }
        LanguageCode identified = identified(scripted);
        double others = options.size() == 1 ? 0 : toFourDecimals((1 - IDENTIFIED_SCORE) / (options.size() - 1));
        return options.stream()
                .map(option -> new LanguageWithScore(option.wireValue(), option == identified ? IDENTIFIED_SCORE
                        : others))
                .toList();
    }

    private static double toFourDecimals(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    private LanguageCode identified(LanguageCode scripted) {
        return scripted != null && options.contains(scripted) ? scripted : fallback;
    }
}
