package dev.riffle.emulator.transcript;

import static dev.riffle.emulator.transcript.StreamFeeder.finals;
import static dev.riffle.emulator.transcript.StreamFeeder.results;
import static dev.riffle.emulator.transcript.StreamFeeder.text;
import static dev.riffle.emulator.transcript.TestStreams.MONO_BYTES_PER_SECOND;
import static dev.riffle.emulator.transcript.TestStreams.pcmRequest;
import static dev.riffle.emulator.transcript.TestStreams.text;
import static dev.riffle.emulator.transcript.TestStreams.transcriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.riffle.transcribe.model.Item;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transcribe.model.TranscriptEventJson;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Plain words laid over the speech of the audio: segments, partials and finals. */
class PacedTranscriptionTest {

    /** 1 s of speech, 1 s of silence, twice. */
    private static final byte[] TWO_BURSTS = new SyntheticPcm(TestStreams.RATE, 1)
            .tone(1.0).silence(1.0).tone(1.0).silence(1.0).toBytes();

    private static List<TranscriptEvent> feed(PlainTextScript script, byte[] pcm) {
        return StreamFeeder.feedPcmWhole(transcriber(script, pcmRequest().build(), 1), pcm, MONO_BYTES_PER_SECOND);
    }

    @Test
    void aPauseInTheSpeechEndsASegment() {
        // one, two (0.28 s each) and three (0.4 s) fill 0.96 s; four starts at 0.96 and is cut by the silence.
        List<TranscriptEvent> events = feed(text("one two three four five six"), TWO_BURSTS);

        assertThat(finals(events)).extracting(StreamFeeder::text, Result::startTime, Result::endTime)
                .containsExactly(tuple("one two three four", 0.0, 1.0), tuple("five six", 2.0, 2.62));
        SegmentSequences.assertWellFormed(events);
    }

    @Test
    void aSentenceEndEndsASegmentAndTheNextSpeechOpensAnother() {
        byte[] pcm = new SyntheticPcm(TestStreams.RATE, 1).tone(2.0).silence(1.0).toBytes();

        List<TranscriptEvent> events = feed(text("Hello world. How are you?"), pcm);

        assertThat(finals(events)).extracting(StreamFeeder::text, Result::startTime, Result::endTime)
                .containsExactly(tuple("Hello world.", 0.0, 0.8), tuple("How are you?", 0.8, 1.64));
        SegmentSequences.assertWellFormed(events);
    }

    @Test
    void partialsComeEveryFifthOfASecondWithGrowingTextAndAWordCutShortWhileSaid() {
        List<TranscriptEvent> events = feed(text("one two three four five six"), TWO_BURSTS);

        List<Result> firstSegment = StreamFeeder.bySegment(events).values().iterator().next();
        List<Result> partials = firstSegment.stream().filter(Result::isPartial).toList();
        assertThat(partials).extracting(Result::endTime).containsExactly(0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4);
        assertThat(partials).extracting(StreamFeeder::text).startsWith("on", "one tw", "one two t", "one two thr");
        assertThat(firstSegment.get(firstSegment.size() - 1).isPartial()).isFalse();
    }

    @Test
    void theSameAudioGivesTheSameEventsHoweverItIsCut() {
        byte[] pcm = new SyntheticPcm(TestStreams.RATE, 1).silence(0.33).tone(1.27).silence(0.61).tone(0.9)
                .noise(0.7, 0.003).toBytes();
        PlainTextScript script = text("It is a truth universally acknowledged, that a single man must be in want.");
        byte[] whole = json(feed(script, pcm));

        for (int seed = 0; seed < 10; seed++) {
            List<TranscriptEvent> events = StreamFeeder.feedPcm(transcriber(script, pcmRequest().build(), 1), pcm,
                    MONO_BYTES_PER_SECOND, new Random(seed), seed % 2 == 0 ? 7 : 9000);
            assertThat(json(events)).as("chunking %d", seed).isEqualTo(whole);
            SegmentSequences.assertWellFormed(events);
        }
    }

    @Test
    void itemsArePronunciationsAndZeroLengthPunctuationWithConfidenceOnlyOnFinalWords() {
        List<TranscriptEvent> events = feed(text("Hello, world. Bye."), TWO_BURSTS);

        Result first = finals(events).get(0);
        assertThat(first.alternatives().get(0).items())
                .extracting(Item::type, Item::content, Item::startTime, Item::endTime, Item::confidence)
                .containsExactly(tuple("pronunciation", "Hello", 0.0, 0.4, 0.99),
                        tuple("punctuation", ",", 0.4, 0.4, null),
                        tuple("pronunciation", "world", 0.4, 0.8, 0.99),
                        tuple("punctuation", ".", 0.8, 0.8, null));
        assertThat(results(events)).flatExtracting(result -> result.alternatives().get(0).items())
                .allSatisfy(item -> {
                    assertThat(item.vocabularyFilterMatch()).isFalse();
                    assertThat(item.stable()).isNull();
                    assertThat(item.speaker()).isNull();
                });
        assertThat(results(events).stream().filter(Result::isPartial))
                .flatExtracting(result -> result.alternatives().get(0).items())
                .extracting(Item::confidence).containsOnlyNulls();
        assertThat(results(events)).allSatisfy(result -> {
            assertThat(result.channelId()).isNull();
            assertThat(result.languageCode()).isNull();
            assertThat(result.alternatives().get(0).entities()).isEmpty();
        });
    }

    @Test
    void speechPastTheScriptAndSilenceGiveEmptyEventsEveryHalfSecond() {
        byte[] pcm = new SyntheticPcm(TestStreams.RATE, 1).tone(3.0).silence(2.0).toBytes();

        List<TranscriptEvent> events = feed(text("Hi."), pcm);

        assertThat(finals(events)).extracting(StreamFeeder::text).containsExactly("Hi.");
        // "Hi." takes 0.22 s; events without results follow every 0.5 s of audio until the end at 5 s.
        long empty = events.stream().filter(event -> event.transcript().results().isEmpty()).count();
        assertThat(empty).isEqualTo(9);
    }

    @Test
    void wordsNotSaidWhenTheInputEndsGoIntoTheLastSegment() {
        byte[] pcm = new SyntheticPcm(TestStreams.RATE, 1).tone(1.0).silence(0.3).toBytes();

        List<TranscriptEvent> events = feed(text("one two three four five six seven eight."), pcm);

        List<Result> finals = finals(events);
        assertThat(finals).hasSize(1);
        assertThat(text(finals.get(0))).isEqualTo("one two three four five six seven eight.");
        List<Item> items = finals.get(0).alternatives().get(0).items();
        assertThat(items.get(3).content()).isEqualTo("four");
        assertThat(items.get(3).endTime()).isEqualTo(1.0);
        assertThat(items).allSatisfy(item -> assertThat(item.endTime()).isBetween(0.0, 1.3));
        assertThat(finals.get(0).endTime()).isEqualTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aScriptOverSilenceIsSaidAllAtTheEnd() {
        byte[] pcm = new SyntheticPcm(TestStreams.RATE, 1).silence(2.0).toBytes();

        List<TranscriptEvent> events = feed(text("Nobody heard this. Or this."), pcm);

        assertThat(results(events).stream().filter(Result::isPartial)).isEmpty();
        assertThat(finals(events)).extracting(StreamFeeder::text, Result::startTime)
                .containsExactly(tuple("Nobody heard this. Or this.", 0.0));
    }

    @Test
    void flacIsAllSpeechTimedByTheCallersSeconds() {
        PlainTextScript script = text("One two. Three four.");
        StreamTranscriber flac = transcriber(script, pcmRequest().mediaEncoding(MediaEncoding.FLAC).build(), 1);

        List<TranscriptEvent> events = StreamFeeder.feedContainer(flac, 3.0, 0.1);

        assertThat(finals(events)).extracting(StreamFeeder::text, Result::startTime, Result::endTime)
                .containsExactly(tuple("One two.", 0.0, 0.56), tuple("Three four.", 0.56, 1.3));
        SegmentSequences.assertWellFormed(events);
        StreamTranscriber again = transcriber(script, pcmRequest().mediaEncoding(MediaEncoding.OGG_OPUS).build(), 1);
        assertThat(json(StreamFeeder.feedContainer(again, 3.0, 0.37))).isEqualTo(json(events));
    }

    @Test
    void theCallersBufferIsReadInPlaceAndLeftAsItWas() {
        StreamTranscriber transcriber = transcriber(text("Hello."), pcmRequest().build(), 1);
        ByteBuffer audio = ByteBuffer.wrap(TWO_BURSTS, 100, 32000).slice();

        transcriber.accept(audio, 0.5);

        assertThat(audio.position()).isZero();
        assertThat(audio.limit()).isEqualTo(32000);
    }

    @Test
    void aTranscriberForARequestGivesRandomIds() {
        StreamTranscriber first = StreamTranscriber.forRequest(text("Hi."), pcmRequest().build(), 1);
        StreamTranscriber second = StreamTranscriber.forRequest(text("Hi."), pcmRequest().build(), 1);

        Result one = finals(StreamFeeder.feedPcmWhole(first, TWO_BURSTS, MONO_BYTES_PER_SECOND)).get(0);
        Result other = finals(StreamFeeder.feedPcmWhole(second, TWO_BURSTS, MONO_BYTES_PER_SECOND)).get(0);

        assertThat(text(one)).isEqualTo(text(other)).isEqualTo("Hi.");
        assertThat(one.resultId()).isNotEqualTo(other.resultId());
    }

    @Test
    void theInputEndsOnce() {
        StreamTranscriber transcriber = transcriber(text("Hello."), pcmRequest().build(), 1);
        transcriber.accept(ByteBuffer.wrap(TWO_BURSTS, 0, 6400), 0.2);

        assertThat(transcriber.finish()).isNotEmpty();
        assertThat(transcriber.finish()).isEmpty();
        assertThatThrownBy(() -> transcriber.accept(ByteBuffer.allocate(2), 0.3))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eventsSurviveTheJsonRoundTrip() {
        List<TranscriptEvent> events = feed(text("Hello, world. How are you?"), TWO_BURSTS);

        for (TranscriptEvent event : events) {
            byte[] bytes = TranscriptEventJson.toBytes(event);
            assertThat(TranscriptEventJson.parse(bytes, 0, bytes.length)).isEqualTo(event);
        }
    }

    static byte[] json(List<TranscriptEvent> events) {
        StringBuilder all = new StringBuilder();
        events.forEach(event -> all.append(new String(TranscriptEventJson.toBytes(event),
                java.nio.charset.StandardCharsets.UTF_8)).append('\n'));
        return all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
