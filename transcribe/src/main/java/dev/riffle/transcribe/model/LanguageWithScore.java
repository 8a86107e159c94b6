package dev.riffle.transcribe.model;

/**
 * A language that language identification considered, with its score.
 *
 * @param languageCode the language's code (a string, so a code newer than {@link LanguageCode} still reads);
 *                     null if absent
 * @param score from 0 to 1
 */
public record LanguageWithScore(String languageCode, double score) {
}
