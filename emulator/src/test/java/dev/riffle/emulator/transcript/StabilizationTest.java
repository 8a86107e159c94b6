package dev.riffle.emulator.transcript;

import static dev.riffle.emulator.transcript.TestStreams.MONO_BYTES_PER_SECOND;
import static dev.riffle.emulator.transcript.TestStreams.pcmRequest;
import static dev.riffle.emulator.transcript.TestStreams.text;
import static dev.riffle.emulator.transcript.TestStreams.transcriber;
import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.transcribe.model.Item;
import dev.riffle.transcribe.model.PartialResultsStability;
import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.StableSplit;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Partial-result stabilization (spec section 5.3): once an item is marked stable it never changes in its
 * segment, whatever the chunking; only the last words of a partial stay unstable; finals are stable throughout.
 */
class StabilizationTest {

    private static final byte[] SPEECH = new SyntheticPcm(TestStreams.RATE, 1)
            .tone(2.3).silence(0.7).tone(0.45).silence(0.2).tone(1.6).silence(0.9).toBytes();

    private static final PlainTextScript SCRIPT = text("""
            The quick brown fox jumps over the lazy dog, again and again. Then it rests;
            a long, slow afternoon passes without incident. Evening comes.""");

    private static final TimedScript TIMED = TestStreams.json("""
            {'segments': [{'words': [
              {'text': 'Stable', 'start': 0.0, 'end': 0.45}, {'text': 'words', 'start': 0.5, 'end': 0.8},
              {'text': 'never', 'start': 0.8, 'end': 1.1}, {'text': 'change,', 'start': 1.15, 'end': 1.6},
              {'text': 'do', 'start': 1.7, 'end': 1.8}, {'text': 'they?', 'start': 1.8, 'end': 2.3}]}]}""");

    private static List<TranscriptEvent> stream(TranscriptScript script, PartialResultsStability level, int seed) {
        StreamTranscriber transcriber = transcriber(script, pcmRequest().enablePartialResultsStabilization(true)
                .partialResultsStability(level).build(), 1);
        return StreamFeeder.feedPcm(transcriber, SPEECH, MONO_BYTES_PER_SECOND, new Random(seed), 1 + seed * 397);
    }

    @ParameterizedTest
    @EnumSource(PartialResultsStability.class)
    void aStableItemNeverChangesAfterwardsInItsSegment(PartialResultsStability level) {
        for (int seed = 0; seed < 12; seed++) {
            for (TranscriptScript script : List.of(SCRIPT, TIMED)) {
                List<TranscriptEvent> events = stream(script, level, seed);
                StreamFeeder.bySegment(events).values().forEach(StabilizationTest::assertStablePrefixesHold);
                SegmentSequences.assertWellFormed(events);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PartialResultsStability.class)
    void theLastWordsOfAPartialStayUnstableByLevel(PartialResultsStability level) {
        int depth = StabilityDepths.defaults().at(level);
        List<Result> partials = StreamFeeder.results(stream(SCRIPT, level, 1)).stream()
                .filter(Result::isPartial).toList();

        assertThat(partials).isNotEmpty().allSatisfy(partial -> {
            List<Item> items = partial.alternatives().get(0).items();
            long words = items.stream().filter(item -> !item.isPunctuation()).count();
            long unstableWords = StableSplit.of(partial).unstable().stream().filter(item -> !item.isPunctuation())
                    .count();
            assertThat(unstableWords).isEqualTo(Math.min(depth, words));
            assertThat(items).allSatisfy(item -> assertThat(item.stable()).isNotNull());
        });
        assertThat(partials).anySatisfy(partial -> assertThat(StableSplit.of(partial).stable()).isNotEmpty());
    }

    @ParameterizedTest
    @EnumSource(PartialResultsStability.class)
    void everyItemOfAFinalIsStable(PartialResultsStability level) {
        List<Result> finals = StreamFeeder.finals(stream(SCRIPT, level, 2));

        assertThat(finals).hasSizeGreaterThan(1);
        assertThat(finals).flatExtracting(result -> result.alternatives().get(0).items())
                .extracting(Item::stable).containsOnly(true);
    }

    /** Every item once stable is, at its position, in every later result of the segment (finals add Confidence). */
    private static void assertStablePrefixesHold(List<Result> segment) {
        List<Item> settled = new ArrayList<>();
        for (Result result : segment) {
            List<Item> items = result.alternatives().get(0).items();
            assertThat(items.size()).isGreaterThanOrEqualTo(settled.size());
            for (int i = 0; i < settled.size(); i++) {
                assertThat(withoutConfidence(items.get(i))).as("item %d of %s", i, result).isEqualTo(settled.get(i));
            }
            List<Item> stable = StableSplit.of(result).stable();
            if (result.isPartial()) {
                assertThat(items.stream().skip(stable.size())).allSatisfy(item -> assertThat(item.stable()).isFalse());
            }
            for (int i = settled.size(); i < stable.size() && result.isPartial(); i++) {
                settled.add(stable.get(i));
            }
        }
    }

    private static Item withoutConfidence(Item item) {
        return new Item(item.startTime(), item.endTime(), item.type(), item.content(), item.vocabularyFilterMatch(),
                item.speaker(), null, item.stable());
    }
}
