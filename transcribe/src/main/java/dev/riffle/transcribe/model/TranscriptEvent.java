package dev.riffle.transcribe.model;

import java.util.Objects;

/**
 * One {@code TranscriptEvent} of the result stream: its JSON payload is {@code {"Transcript":{"Results":[...]}}}.
 *
 * <p>Conventions of all the event records ({@link Transcript}, {@link Result}, {@link LanguageWithScore},
 * {@link Alternative}, {@link Item}, {@link Entity}): members the model gives a default ({@code false} booleans,
 * {@code 0} doubles) are primitives, as a missing field means the default. Members without a default (strings,
 * {@code Confidence}, {@code Stable}) are nullable boxed values, and null means the field was absent on the wire
 * and is omitted when written. Nullable components rather than {@code Optional} ones keep the records plain
 * carriers of the JSON; each record says which of its components may be null. Lists are immutable and never null.
 *
 * @param transcript the results; an absent {@code Transcript} reads as one without results
 */
public record TranscriptEvent(Transcript transcript) {

    /** Copies nothing; replaces a null transcript with an empty one. */
    public TranscriptEvent {
        transcript = Objects.requireNonNullElse(transcript, new Transcript(null));
    }
}
