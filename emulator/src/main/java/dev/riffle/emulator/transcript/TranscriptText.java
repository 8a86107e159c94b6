package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.Item;
import java.util.List;

/** The {@code Transcript} text of items: words separated by spaces, punctuation attached to the word before. */
final class TranscriptText {

    private TranscriptText() {
    }

    /** The text of {@code items}, in order. */
    static String of(List<Item> items) {
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
