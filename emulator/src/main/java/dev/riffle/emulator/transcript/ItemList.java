package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.Item;
import dev.riffle.transcribe.model.ItemType;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of one result as they are written (spec section 3.4): a {@code pronunciation} item a word and a
 * {@code punctuation} item for the marks after it, zero-length at the word's end, all with the segment's speaker
 * label (or none) and {@code VocabularyFilterMatch} false, as the emulator has no vocabulary filters.
 */
final class ItemList {

    private static final String PRONUNCIATION = ItemType.PRONUNCIATION.wireValue();
    private static final String PUNCTUATION = ItemType.PUNCTUATION.wireValue();

    private final String speaker;
    private final List<Item> items = new ArrayList<>();

    /** @param speaker the {@code Speaker} of every item; null for none */
    ItemList(String speaker) {
        this.speaker = speaker;
    }

    /** A word said in full and its punctuation. */
    void addWord(TimedWord word, Double confidence, Boolean stable) {
        addPronunciation(word.start(), word.end(), word.word().spoken(), confidence, stable);
        addPunctuationOf(word, stable);
    }

    /** A word without the punctuation after it. */
    void addSpokenOnly(TimedWord word) {
        addPronunciation(word.start(), word.end(), word.word().spoken(), null, null);
    }

    /** A pronunciation item that is not a script's word as written: a word being said, a redacted entity. */
    void addPronunciation(double start, double end, String content, Double confidence, Boolean stable) {
        items.add(new Item(start, end, PRONUNCIATION, content, false, speaker, confidence, stable));
    }

    /** The punctuation after {@code word}, if it has any. */
    void addPunctuationOf(TimedWord word, Boolean stable) {
        if (word.word().hasPunctuation()) {
            items.add(new Item(word.end(), word.end(), PUNCTUATION, word.word().punctuation(), false, speaker,
                    null, stable));
        }
    }

    List<Item> items() {
        return items;
    }

    /** The {@code Transcript} text: words separated by spaces, punctuation attached to the word before. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (Item item : items) {
            if (text.length() > 0 && !item.isPunctuation()) {
                text.append(' ');
            }
            text.append(item.content());
        }
        return text.toString();
    }
}
