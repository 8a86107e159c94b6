package dev.riffle.emulator.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Lays plain words over the speech of one channel, frame by frame (spec section 5.2: segments split at natural
 * pauses).
 *
 * <ul>
 *   <li>While the channel speaks, the next word is said at the {@link SpeakingRate}: it takes that much
 *       <em>speech</em>, so a short gap inside a word stretches it rather than ending it.</li>
 *   <li>A word that ends a sentence closes the segment; the next speech opens a new one.</li>
 *   <li>Silence of {@code pauseSeconds} closes the segment too, the word being said ending where the speech
 *       stopped.</li>
 *   <li>Speech once the words have run out opens nothing: there is nothing left to say.</li>
 * </ul>
 * Memory is the open segment's words; the lane never keeps audio.
 */
final class PacedLane {

    /** Lets a pause computed in floating point from frame times count when it falls a hair short. */
    private static final double TOLERANCE = 1e-9;

    private final ChannelLabel channel;
    private final WordQueue words;
    private final SpeakingRate rate;
    private final double pauseSeconds;
    private final ResultIdGenerator ids;

    private OpenSegment segment;
    private double silenceSince = Double.NaN;
    private double lastSegmentEnd;

    /** The segment being said: the words said in full, and the word being said. */
    private static final class OpenSegment {
        final String resultId;
        final double start;
        final List<TimedWord> said = new ArrayList<>();
        ScriptWord speaking;
        double speakingStart;
        double speakingEnd;
        double speechSpent;

        OpenSegment(String resultId, double start) {
            this.resultId = resultId;
            this.start = start;
        }

        double lastWordEnd() {
            return said.isEmpty() ? start : said.get(said.size() - 1).end();
        }

        void startWord(ScriptWord word, double at) {
            speaking = word;
            speakingStart = at;
            speakingEnd = at;
            speechSpent = 0;
        }

        /** The word being said is over at {@code end}; returns it. */
        ScriptWord completeWord(double end) {
            ScriptWord word = speaking;
            said.add(new TimedWord(word, speakingStart, end));
            speaking = null;
            return word;
        }
    }

    /**
     * @param channel the channel whose speech this lane follows
     * @param words the words not yet said, shared with the stream's other lane
     * @param rate how long each word takes
     * @param pauseSeconds how much silence ends a segment
     * @param ids gives each segment its id as it opens
     */
    PacedLane(ChannelLabel channel, WordQueue words, SpeakingRate rate, double pauseSeconds, ResultIdGenerator ids) {
        this.channel = channel;
        this.words = words;
        this.rate = rate;
        this.pauseSeconds = pauseSeconds;
        this.ids = ids;
    }

    /**
     * One frame of audio, from {@code start} to {@code end}, with or without speech.
     *
     * @param mayOpen whether speech may open a segment in this frame: false while another channel has the floor
     */
    void advance(double start, double end, boolean speech, boolean mayOpen, Consumer<SegmentDraft> closed) {
        if (speech) {
            speak(start, end, mayOpen, closed);
        } else {
            keepSilent(start, end, closed);
        }
    }

    private void speak(double start, double end, boolean mayOpen, Consumer<SegmentDraft> closed) {
        silenceSince = Double.NaN;
        if (segment == null || segment.speaking == null) {
            if (words.isEmpty() || (segment == null && !mayOpen)) {
                return;
            }
            if (segment == null) {
                segment = new OpenSegment(ids.next(), start);
            }
            segment.startWord(words.take(), start);
        }
        segment.speechSpent += end - start;
        segment.speakingEnd = end;
        if (segment.speechSpent >= rate.secondsFor(segment.speaking) - TOLERANCE) {
            ScriptWord said = segment.completeWord(end);
            if (said.endsSentence()) {
                close(closed);
            }
        }
    }

    private void keepSilent(double start, double end, Consumer<SegmentDraft> closed) {
        if (Double.isNaN(silenceSince)) {
            silenceSince = start;
        }
        if (segment != null && end - silenceSince >= pauseSeconds - TOLERANCE) {
            close(closed);
        }
    }

    /** The open segment as heard at {@code now}, if a segment is open. */
    Optional<SegmentDraft> openSegment(double now) {
        if (segment == null) {
            return Optional.empty();
        }
        SpeakingWord speaking = null;
        if (segment.speaking != null) {
            double heard = segment.speechSpent / rate.secondsFor(segment.speaking);
            speaking = new SpeakingWord(segment.speaking, segment.speakingStart, segment.speakingEnd, heard);
        }
        return Optional.of(new SegmentDraft(segment.resultId, segment.start, now, segment.said, speaking,
                SegmentTraits.plain(channel)));
    }

    /** Whether a segment is open. */
    boolean isOpen() {
        return segment != null;
    }

    /** When the open segment started, or the last closed one ended (0 before any): how recently it spoke. */
    double lastActivity() {
        return segment != null ? segment.start : lastSegmentEnd;
    }

    /**
     * The audio ends at {@code audioEnd}: the open segment closes. With {@code takeRemainingWords}, the words
     * never said go into this lane's last segment, spread evenly up to the end of the audio (opening a segment
     * after the last one if none is open), so that a final result holds the whole script.
     */
    void finish(double audioEnd, boolean takeRemainingWords, Consumer<SegmentDraft> closed) {
        if (takeRemainingWords && !words.isEmpty()) {
            if (segment == null) {
                segment = new OpenSegment(ids.next(), Math.min(lastSegmentEnd, audioEnd));
            }
            completeSpeakingWord();
            spreadUntil(words.takeAll(), audioEnd);
        }
        if (segment != null) {
            close(closed);
        }
    }

    private void spreadUntil(List<ScriptWord> rest, double audioEnd) {
        double cursor = segment.lastWordEnd();
        double each = Math.max(0, audioEnd - cursor) / rest.size();
        for (ScriptWord word : rest) {
            segment.said.add(new TimedWord(word, cursor, cursor + each));
            cursor += each;
        }
    }

    private void completeSpeakingWord() {
        if (segment.speaking != null) {
            segment.completeWord(segment.speakingEnd);
        }
    }

    private void close(Consumer<SegmentDraft> closed) {
        completeSpeakingWord();
        lastSegmentEnd = segment.lastWordEnd();
        closed.accept(new SegmentDraft(segment.resultId, segment.start, lastSegmentEnd, segment.said, null,
                SegmentTraits.plain(channel)));
        segment = null;
    }
}
