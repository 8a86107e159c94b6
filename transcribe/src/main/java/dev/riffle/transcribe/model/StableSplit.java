package dev.riffle.transcribe.model;

import java.util.List;

/**
 * A result's items split into the stable prefix, which will not change any more, and the unstable tail, which
 * may (spec section 5.3). A caption display shows the prefix as settled text and redraws only the tail.
 *
 * <p>The split follows the items' {@code Stable} flags on a partial result: the prefix is the items up to the
 * first one not marked stable. Without stabilization the flags are absent and the whole partial is unstable. A
 * final result is stable throughout, flags or not: the segment is closed.
 *
 * @param stable   the settled items, in order; never null
 * @param unstable the items that may still change, in order; never null
 */
public record StableSplit(List<Item> stable, List<Item> unstable) {

    /** Copies the lists. */
    public StableSplit {
        stable = List.copyOf(stable);
        unstable = List.copyOf(unstable);
    }

    /** The split of {@code result}'s first alternative (the service sends one); empty without alternatives. */
    public static StableSplit of(Result result) {
        if (result.alternatives().isEmpty()) {
            return new StableSplit(List.of(), List.of());
        }
        List<Item> items = result.alternatives().get(0).items();
        int prefix = result.isPartial() ? stablePrefixLength(items) : items.size();
        return new StableSplit(items.subList(0, prefix), items.subList(prefix, items.size()));
    }

    /** The stable items as text: words separated by spaces, punctuation attached to the word before it. */
    public String stableText() {
        return text(stable);
    }

    /** The unstable items as text, joined the same way. */
    public String unstableText() {
        return text(unstable);
    }

    private static int stablePrefixLength(List<Item> items) {
        int length = 0;
        while (length < items.size() && Boolean.TRUE.equals(items.get(length).stable())) {
            length++;
        }
        return length;
    }

    private static String text(List<Item> items) {
        StringBuilder text = new StringBuilder();
        for (Item item : items) {
            if (item.content() == null) {
                continue;
            }
            if (text.length() > 0 && !item.isPunctuation()) {
                text.append(' ');
            }
            text.append(item.content());
        }
        return text.toString();
    }
}
