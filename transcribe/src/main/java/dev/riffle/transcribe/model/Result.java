package dev.riffle.transcribe.model;

import java.util.List;
import java.util.Objects;

/**
 * One segment's transcription so far (partial) or for good (final). All partials of a segment and its one final
 * share a {@code ResultId}; times are seconds of audio since the stream started (the model's documentation says
 * milliseconds, wrongly).
 *
 * @param resultId the segment's id; null only if the service omitted it
 * @param startTime where the segment starts, in seconds
 * @param endTime where the segment ends so far, in seconds
 * @param isPartial whether the segment may still change
 * @param channelId {@code ch_0} or {@code ch_1} with channel identification; null otherwise
 * @param languageCode the language identified; null without language identification
 * @param languageIdentification the candidate languages with their scores; empty without language identification
 * @param alternatives the transcriptions; one in practice
 */
public record Result(String resultId, double startTime, double endTime, boolean isPartial, String channelId,
                     String languageCode, List<LanguageWithScore> languageIdentification,
                     List<Alternative> alternatives) {

    /** Copies the lists; null reads as empty. */
    public Result {
        languageIdentification = List.copyOf(Objects.requireNonNullElse(languageIdentification, List.of()));
        alternatives = List.copyOf(Objects.requireNonNullElse(alternatives, List.of()));
    }
}
