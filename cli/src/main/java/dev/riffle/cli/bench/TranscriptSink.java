package dev.riffle.cli.bench;

/**
 * What a {@link LoadClient} reports of each TranscriptEvent, in calls that need no objects: the harness measures
 * the client's allocation, so it must not add its own per event. For each result of an event, in order:
 * {@link #beginResult}, then {@link #word} for each pronunciation item in order, then {@link #endResult}. Calls
 * for one stream come from one thread at a time.
 */
public interface TranscriptSink {

    /**
     * A result of the latest event begins.
     *
     * @param resultId   the segment's id
     * @param partial    whether the result is partial
     * @param channel    {@code ch_0}/{@code ch_1} with channel identification, else null
     * @param startSeconds where the segment starts in the audio
     * @param endSeconds where the result ends in the audio
     */
    void beginResult(String resultId, boolean partial, String channel, double startSeconds, double endSeconds);

    /** The next pronunciation item (a word) of the result begun last; {@code endSeconds} is where it ends. */
    void word(double endSeconds);

    /** The result begun last ends; {@code transcript} is its text (read only for final results). */
    void endResult(CharSequence transcript);
}
