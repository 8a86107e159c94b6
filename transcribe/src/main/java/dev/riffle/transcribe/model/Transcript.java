package dev.riffle.transcribe.model;

import java.util.List;
import java.util.Objects;

/**
 * The {@code Transcript} of a {@link TranscriptEvent}.
 *
 * @param results usually one; none during silence; several with two channels. Never null
 */
public record Transcript(List<Result> results) {

    /** Copies the list; null reads as empty. */
    public Transcript {
        results = List.copyOf(Objects.requireNonNullElse(results, List.of()));
    }
}
