package dev.riffle.transcribe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One final per ResultId, in arrival order; partials and repeats dropped. */
class FinalResultsTest {

    private final FinalResults finals = new FinalResults();

    private static Result result(String id, boolean partial, String text) {
        return new Result(id, 0, 1, partial, null, null, null, List.of(new Alternative(text, null, null)));
    }

    @Test
    void keepsFinalsInArrivalOrderAndIgnoresPartials() {
        assertThat(finals.add(result("a", true, "Hel"))).isFalse();
        assertThat(finals.add(result("a", false, "Hello."))).isTrue();
        assertThat(finals.add(result("b", true, "Wor"))).isFalse();
        assertThat(finals.add(result("b", false, "World."))).isTrue();

        assertThat(finals.results()).extracting(Result::resultId).containsExactly("a", "b");
    }

    @Test
    void aFinalRepeatedAfterAReconnectIsDroppedAndTheFirstKept() {
        finals.add(result("a", false, "Hello."));
        finals.add(result("b", false, "World."));

        assertThat(finals.add(result("a", false, "Hello!"))).isFalse();
        assertThat(finals.results()).extracting(r -> r.alternatives().get(0).transcript())
                .containsExactly("Hello.", "World.");
    }

    @Test
    void aPartialOfAnAlreadyFinalSegmentDoesNotDisturbIt() {
        finals.add(result("a", false, "Hello."));

        assertThat(finals.add(result("a", true, "Hel"))).isFalse();
        assertThat(finals.results()).hasSize(1);
    }

    @Test
    void addAllReturnsTheNewFinalsOfAnEvent() {
        finals.add(result("ch0-1", false, "old"));
        TranscriptEvent event = new TranscriptEvent(new Transcript(List.of(result("ch0-1", false, "old"),
                result("ch1-1", false, "new"), result("ch0-2", true, "partial"), result("ch0-3", false, "newer"))));

        assertThat(finals.addAll(event)).extracting(Result::resultId).containsExactly("ch1-1", "ch0-3");
        assertThat(finals.results()).extracting(Result::resultId).containsExactly("ch0-1", "ch1-1", "ch0-3");
    }

    @Test
    void finalsWithoutResultIdAreAlwaysKept() {
        finals.add(result(null, false, "x"));
        finals.add(result(null, false, "x"));

        assertThat(finals.results()).hasSize(2);
    }

    @Test
    void theResultsAreReadOnly() {
        finals.add(result("a", false, "x"));

        assertThatThrownBy(() -> finals.results().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
