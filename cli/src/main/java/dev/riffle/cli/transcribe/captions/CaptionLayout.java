package dev.riffle.cli.transcribe.captions;

import dev.riffle.cli.PrintableText;
import dev.riffle.transcribe.model.Alternative;
import dev.riffle.transcribe.model.Item;
import dev.riffle.transcribe.model.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays final results out as captions by the usual broadcast rules: at most two lines a cue, lines of at most 42
 * characters (the limit in the BBC's and Netflix's subtitle guidelines), a new cue where a sentence ends, and
 * each cue timed from its own words: it appears when its first word starts and goes when its last word ends.
 *
 * <p>Words come from a result's items, punctuation attached to the word before it. A result without items
 * (a service may send only the transcript) has its words spread evenly over the result's time. A word longer
 * than a line is cut into line-long pieces, so the limit holds for any input.
 */
public final class CaptionLayout {

    /** The longest line. */
    public static final int MAX_LINE_LENGTH = 42;
    /** The most lines a cue shows at once. */
    public static final int MAX_LINES = 2;

    private CaptionLayout() {
    }

    /**
     * The cues of {@code finals}, in order of start time (results of two channels arrive interleaved).
     *
     * @param finals final results, partial ones having been dropped
     */
    public static List<CaptionCue> cues(List<Result> finals) {
        List<CaptionCue> cues = new ArrayList<>();
        for (Result result : finals) {
            lay(words(result), cues);
        }
        cues.sort(Comparator.comparingLong(CaptionCue::startMillis)); // stable: a result's cues stay in order
        return cues;
    }

    /** The words of a result's first alternative, each at most a line long. */
    static List<TimedWord> words(Result result) {
        if (result.alternatives().isEmpty()) {
            return List.of();
        }
        Alternative alternative = result.alternatives().get(0);
        List<TimedWord> words = alternative.items().isEmpty()
                ? spreadEvenly(alternative.transcript(), millis(result.startTime()), millis(result.endTime()))
                : fromItems(alternative.items());
        List<TimedWord> fitting = new ArrayList<>(words.size());
        words.forEach(word -> cutToLines(word, fitting));
        return fitting;
    }

    private static List<TimedWord> fromItems(List<Item> items) {
        List<TimedWord> words = new ArrayList<>(items.size());
        for (Item item : items) {
            if (item.content() == null) {
                continue;
            }
            String content = PrintableText.of(item.content()); // a line break would end the cue early
            if (content.isBlank()) {
                continue;
            }
            if (item.isPunctuation() && !words.isEmpty()) {
                words.set(words.size() - 1, words.get(words.size() - 1).withPunctuation(content.strip()));
            } else {
                words.add(new TimedWord(content.strip(), millis(item.startTime()), millis(item.endTime())));
            }
        }
        return words;
    }

    private static List<TimedWord> spreadEvenly(String transcript, long start, long end) {
        if (transcript == null || transcript.isBlank()) {
            return List.of();
        }
        String[] texts = PrintableText.of(transcript).strip().split("\\s+");
        List<TimedWord> words = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            words.add(new TimedWord(texts[i], share(start, end, i, texts.length),
                    share(start, end, i + 1, texts.length)));
        }
        return words;
    }

    /** Adds {@code word} to {@code out}, cut into pieces of at most a line, each with its share of the time. */
    private static void cutToLines(TimedWord word, List<TimedWord> out) {
        String text = word.text();
        int length = text.codePointCount(0, text.length()); // cut between code points, never inside a pair
        int pieces = (length + MAX_LINE_LENGTH - 1) / MAX_LINE_LENGTH;
        if (pieces <= 1) {
            out.add(word);
            return;
        }
        for (int i = 0; i < pieces; i++) {
            int from = text.offsetByCodePoints(0, i * MAX_LINE_LENGTH);
            String piece = text.substring(from, text.offsetByCodePoints(from,
                    Math.min(MAX_LINE_LENGTH, length - i * MAX_LINE_LENGTH)));
            out.add(new TimedWord(piece, share(word.startMillis(), word.endMillis(), i, pieces),
                    share(word.startMillis(), word.endMillis(), i + 1, pieces)));
        }
    }

    /** Fills cues of up to two lines with {@code words}, greedily, closing a cue after a sentence. */
    private static void lay(List<TimedWord> words, List<CaptionCue> cues) {
        CueDraft draft = new CueDraft();
        for (TimedWord word : words) {
            if (!draft.fits(word)) {
                draft.closeInto(cues);
            }
            draft.add(word);
            if (word.endsSentence()) {
                draft.closeInto(cues);
            }
        }
        draft.closeInto(cues);
    }

    private static long share(long start, long end, int index, int count) {
        return start + (end - start) * index / count;
    }

    private static long millis(double seconds) {
        return Math.max(0, Math.round(seconds * 1000));
    }

    /** The cue being filled. */
    private static final class CueDraft {
        private final List<StringBuilder> lines = new ArrayList<>(MAX_LINES);
        private long start;
        private long end;

        boolean fits(TimedWord word) {
            if (lines.isEmpty()) {
                return true;
            }
            StringBuilder last = lines.get(lines.size() - 1);
            return last.length() + 1 + word.text().length() <= MAX_LINE_LENGTH || lines.size() < MAX_LINES;
        }

        void add(TimedWord word) {
            if (lines.isEmpty()) {
                start = word.startMillis();
                lines.add(new StringBuilder(word.text()));
            } else {
                StringBuilder last = lines.get(lines.size() - 1);
                if (last.length() + 1 + word.text().length() <= MAX_LINE_LENGTH) {
                    last.append(' ').append(word.text());
                } else {
                    lines.add(new StringBuilder(word.text()));
                }
            }
            end = Math.max(end, word.endMillis());
        }

        void closeInto(List<CaptionCue> cues) {
            if (lines.isEmpty()) {
                return;
            }
            // A cue must last; a lone punctuation-timed word can have end == start.
            cues.add(new CaptionCue(start, Math.max(end, start + 1), lines.stream().map(StringBuilder::toString)
                    .toList()));
            lines.clear();
            end = 0;
        }
    }
}
