package dev.riffle.transcribe.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The final results of a session, one per {@code ResultId}, in the order they arrived: the transcript so far.
 *
 * <p>Every segment ends with exactly one final result, but a client that reconnects (resuming the session, or
 * replaying buffered audio) can receive a segment's final again; that repeat is dropped, and the first final kept,
 * even if the repeat's text differs. Partial results are ignored. A final without a {@code ResultId} cannot be
 * matched to anything and is always kept.
 *
 * <p>Not thread-safe: feed it from the one thread (or event loop) that reads the stream.
 */
public final class FinalResults {

    private final Set<String> resultIds = new HashSet<>();
    private final List<Result> finals = new ArrayList<>();

    /** Keeps {@code result} if it is a final not seen before; returns whether it was kept. */
    public boolean add(Result result) {
        if (result.isPartial()) {
            return false;
        }
        if (result.resultId() != null && !resultIds.add(result.resultId())) {
            return false;
        }
        finals.add(result);
        return true;
    }

    /** Adds every result of {@code event}; returns the finals that were kept, in order. */
    public List<Result> addAll(TranscriptEvent event) {
        List<Result> kept = new ArrayList<>(1);
        for (Result result : event.transcript().results()) {
            if (add(result)) {
                kept.add(result);
            }
        }
        return kept;
    }

    /** The finals kept so far, in arrival order; a read-only view. */
    public List<Result> results() {
        return Collections.unmodifiableList(finals);
    }
}
