package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stable prefix and unstable tail of a result, from the items' Stable flags. */
class StableSplitTest {

    private static Result fromResource(String name) {
        byte[] bytes = TranscriptEventJsonTest.resource(name);
        return TranscriptEventJson.parse(bytes, 0, bytes.length).transcript().results().get(0);
    }

    private static Item word(String content, Boolean stable) {
        return new Item(0, 0, "pronunciation", content, false, null, null, stable);
    }

    private static Item mark(String content, Boolean stable) {
        return new Item(0, 0, "punctuation", content, false, null, null, stable);
    }

    private static Result partial(Item... items) {
        return new Result("r", 0, 1, true, null, null, null, List.of(new Alternative(null, List.of(items), null)));
    }

    @Test
    void aStabilizedPartialSplitsAtTheFirstUnstableItem() {
        StableSplit split = StableSplit.of(fromResource("partial-result.json"));

        assertThat(split.stable()).extracting(Item::content).containsExactly("The", "Amazon");
        assertThat(split.unstable()).extracting(Item::content).containsExactly("is", "the", "law", ".");
        assertThat(split.stableText()).isEqualTo("The Amazon");
        assertThat(split.unstableText()).isEqualTo("is the law.");
    }

    @Test
    void withoutStabilizationAPartialIsAllUnstable() {
        StableSplit split = StableSplit.of(partial(word("Hello", null), word("there", null)));

        assertThat(split.stable()).isEmpty();
        assertThat(split.unstableText()).isEqualTo("Hello there");
    }

    @Test
    void aStableItemAfterAnUnstableOneStaysInTheTail() {
        StableSplit split = StableSplit.of(partial(word("a", true), word("b", false), word("c", true)));

        assertThat(split.stable()).extracting(Item::content).containsExactly("a");
        assertThat(split.unstable()).extracting(Item::content).containsExactly("b", "c");
    }

    @Test
    void aFinalIsStableThroughoutEvenWithoutFlags() {
        assertThat(StableSplit.of(fromResource("final-result.json")).stableText())
                .isEqualTo("The Amazon is the largest.");
        Result finalWithoutFlags = new Result("r", 0, 1, false, null, null, null,
                List.of(new Alternative(null, List.of(word("Done", null), mark(".", false)), null)));

        StableSplit split = StableSplit.of(finalWithoutFlags);
        assertThat(split.stableText()).isEqualTo("Done.");
        assertThat(split.unstable()).isEmpty();
    }

    @Test
    void punctuationAttachesToTheWordBeforeIt() {
        StableSplit split = StableSplit.of(partial(word("Hello", true), mark(",", true), word("world", true),
                mark("?", true), word("Yes", false)));

        assertThat(split.stableText()).isEqualTo("Hello, world?");
        assertThat(split.unstableText()).isEqualTo("Yes");
    }

    @Test
    void itemsWithoutContentAreLeftOutOfTheText() {
        assertThat(StableSplit.of(partial(word(null, true), word("x", true))).stableText()).isEqualTo("x");
    }

    @Test
    void aResultWithoutAlternativesSplitsIntoNothing() {
        StableSplit split = StableSplit.of(new Result("r", 0, 0, true, null, null, null, null));

        assertThat(split.stable()).isEmpty();
        assertThat(split.unstable()).isEmpty();
        assertThat(split.stableText()).isEmpty();
    }

    @Test
    void theListsAreImmutable() {
        StableSplit split = StableSplit.of(partial(word("a", true)));

        assertThatThrownBy(() -> split.stable().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
