package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.LanguageCode;
import java.util.List;
import java.util.Objects;

/**
 * One segment of a timed script: what one result of the stream says, from its first partial to its final (spec
 * section 5.2), with its words at their times and the traits its results carry when the request asks for them.
 *
 * @param start when the segment starts, in seconds; not after its first word
 * @param end when it ends; not before its last word
 * @param speaker the speaker label its items carry with speaker labels on; null for the default {@code "0"}
 * @param channel the channel it is heard on with channel identification
 * @param language the language reported with language identification; null for the request's preferred one
 * @param words the words, in order, not overlapping; at least one
 * @param entities the PII among the words, in order, not overlapping; may be empty
 */
public record ScriptSegment(double start, double end, String speaker, ChannelLabel channel, LanguageCode language,
                            List<TimedWord> words, List<ScriptEntity> entities) {

    /** Copies the lists and checks that the words fit the segment and the entities fit the words. */
    public ScriptSegment {
        Objects.requireNonNull(channel, "channel");
        words = List.copyOf(words);
        entities = List.copyOf(entities);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a segment needs at least one word");
        }
        if (start > words.get(0).start() || end < words.get(words.size() - 1).end()) {
            throw new IllegalArgumentException("the segment " + start + " to " + end + " s does not hold its words");
        }
        int coveredUpTo = -1;
        for (ScriptEntity entity : entities) {
            if (entity.lastWord() >= words.size() || entity.firstWord() <= coveredUpTo) {
                throw new IllegalArgumentException("entities must cover words of the segment (0 to "
                        + (words.size() - 1) + ") in order without overlapping; words " + entity.firstWord()
                        + " to " + entity.lastWord() + " do not");
            }
            coveredUpTo = entity.lastWord();
        }
    }

    /** This segment {@code seconds} later, its words with it. */
    public ScriptSegment shiftedBy(double seconds) {
        List<TimedWord> moved = words.stream().map(w -> new TimedWord(w.word(), w.start() + seconds,
                w.end() + seconds)).toList();
        return new ScriptSegment(start + seconds, end + seconds, speaker, channel, language, moved, entities);
    }
}
