package dev.riffle.emulator.transcript;

import static dev.riffle.emulator.transcript.StreamFeeder.finals;
import static dev.riffle.emulator.transcript.StreamFeeder.results;
import static dev.riffle.emulator.transcript.TestStreams.MONO_BYTES_PER_SECOND;
import static dev.riffle.emulator.transcript.TestStreams.json;
import static dev.riffle.emulator.transcript.TestStreams.pcmRequest;
import static dev.riffle.emulator.transcript.TestStreams.transcriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.riffle.transcribe.model.Item;
import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Timed scripts play by their own timings, whatever the audio holds. */
class TimedTranscriptionTest {

    private static final TimedScript GREETING = json("""
            {'segments': [
              {'words': [{'text': 'Hello', 'start': 0.5, 'end': 0.9, 'confidence': 0.93},
                         {'text': 'there.', 'start': 1.0, 'end': 1.5}]},
              {'start': 2.5, 'end': 3.2, 'words': [{'text': 'Bye!', 'start': 2.7, 'end': 3.0}]}]}""");

    private static List<TranscriptEvent> feedSilence(TranscriptScript script, double seconds) {
        byte[] pcm = new SyntheticPcm(TestStreams.RATE, 1).silence(seconds).toBytes();
        return StreamFeeder.feedPcm(transcriber(script, pcmRequest().build(), 1), pcm, MONO_BYTES_PER_SECOND,
                new Random(3), 5000);
    }

    @Test
    void wordsShowWhenTheAudioReachesThemAndTheFinalComesAtTheSegmentEnd() {
        List<TranscriptEvent> events = feedSilence(GREETING, 4.0);

        List<Result> first = StreamFeeder.bySegment(events).values().iterator().next();
        assertThat(first).extracting(Result::isPartial, Result::endTime, StreamFeeder::text).containsExactly(
                tuple(true, 0.6, "He"),
                tuple(true, 0.8, "Hell"),
                tuple(true, 1.0, "Hello"),
                tuple(true, 1.2, "Hello th"),
                tuple(true, 1.4, "Hello ther"),
                tuple(false, 1.5, "Hello there."));
        assertThat(first).extracting(Result::startTime).containsOnly(0.5);
        assertThat(first.get(first.size() - 1).alternatives().get(0).items())
                .extracting(Item::content, Item::startTime, Item::endTime, Item::confidence)
                .containsExactly(tuple("Hello", 0.5, 0.9, 0.93), tuple("there", 1.0, 1.5, 0.99),
                        tuple(".", 1.5, 1.5, null));
        SegmentSequences.assertWellFormed(events);
    }

    @Test
    void aSegmentOpensAtItsStartButShowsNothingBeforeItsFirstWord() {
        List<TranscriptEvent> events = feedSilence(GREETING, 4.0);

        List<Result> second = StreamFeeder.bySegment(events).values().stream().skip(1).findFirst().orElseThrow();
        assertThat(second).extracting(Result::isPartial, Result::startTime, Result::endTime, StreamFeeder::text)
                .containsExactly(tuple(true, 2.5, 2.8, "B"), tuple(true, 2.5, 3.0, "Bye!"),
                        tuple(false, 2.5, 3.2, "Bye!"));
    }

    @Test
    void aRepeatedScriptTranscribesEveryPassOfLoopedAudio() {
        TimedScript everyFourSeconds = GREETING.repeatedEvery(java.time.Duration.ofSeconds(4),
                java.time.Duration.ofSeconds(10));

        List<TranscriptEvent> events = feedSilence(everyFourSeconds, 12.0);

        assertThat(finals(events)).extracting(Result::startTime, StreamFeeder::text).containsExactly(
                tuple(0.5, "Hello there."), tuple(2.5, "Bye!"),
                tuple(4.5, "Hello there."), tuple(6.5, "Bye!"),
                tuple(8.5, "Hello there."), tuple(10.5, "Bye!"));
        SegmentSequences.assertWellFormed(events);
    }

    @Test
    void aScriptCannotRepeatBeforeItEnds() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GREETING.repeatedEvery(
                java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends at 3.2 s");
    }

    @Test
    void audioPastTheScriptGetsEventsWithoutResultsEveryHalfSecond() {
        List<TranscriptEvent> events = feedSilence(GREETING, 6.0);

        int lastFinal = events.indexOf(events.stream()
                .filter(event -> event.transcript().results().stream().anyMatch(result -> !result.isPartial()))
                .reduce((first, second) -> second).orElseThrow());
        assertThat(events.subList(lastFinal + 1, events.size())).hasSize(5)
                .allSatisfy(event -> assertThat(event.transcript().results()).isEmpty());
    }

    @Test
    void withoutAScriptEveryEventIsEmptyAtAHalfSecondCadence() {
        List<TranscriptEvent> events = feedSilence(TranscriptScript.none(), 3.0);

        assertThat(events).hasSize(6).allSatisfy(event -> assertThat(event.transcript().results()).isEmpty());
        StreamTranscriber nullScript = transcriber(null, pcmRequest().build(), 1);
        assertThat(StreamFeeder.feedPcmWhole(nullScript, new byte[MONO_BYTES_PER_SECOND], MONO_BYTES_PER_SECOND))
                .hasSize(2);
    }

    @Test
    void aSegmentOpenWhenTheInputEndsIsFinalizedWithTheWordsBegunCutAtTheEnd() {
        List<TranscriptEvent> events = feedSilence(GREETING, 1.25);

        List<Result> finals = finals(events);
        assertThat(finals).hasSize(1);
        assertThat(finals.get(0).endTime()).isEqualTo(1.25);
        assertThat(finals.get(0).alternatives().get(0).items())
                .extracting(Item::content, Item::endTime)
                .containsExactly(tuple("Hello", 0.9), tuple("there", 1.25), tuple(".", 1.25));
        SegmentSequences.assertWellFormed(events);
    }

    @Test
    void aSegmentNotYetShownWhenTheInputEndsIsDropped() {
        List<TranscriptEvent> events = feedSilence(GREETING, 2.6);

        assertThat(finals(events)).extracting(StreamFeeder::text).containsExactly("Hello there.");
        assertThat(results(events).stream().map(Result::resultId).distinct()).hasSize(1);
    }
}
