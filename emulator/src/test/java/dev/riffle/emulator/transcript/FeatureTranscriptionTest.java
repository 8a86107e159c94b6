package dev.riffle.emulator.transcript;

import static dev.riffle.emulator.transcript.StreamFeeder.finals;
import static dev.riffle.emulator.transcript.StreamFeeder.results;
import static dev.riffle.emulator.transcript.TestStreams.MONO_BYTES_PER_SECOND;
import static dev.riffle.emulator.transcript.TestStreams.STEREO_BYTES_PER_SECOND;
import static dev.riffle.emulator.transcript.TestStreams.json;
import static dev.riffle.emulator.transcript.TestStreams.pcmRequest;
import static dev.riffle.emulator.transcript.TestStreams.text;
import static dev.riffle.emulator.transcript.TestStreams.transcriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.riffle.transcribe.model.ContentIdentificationType;
import dev.riffle.transcribe.model.ContentRedactionType;
import dev.riffle.transcribe.model.Entity;
import dev.riffle.transcribe.model.Item;
import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.LanguageWithScore;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.PiiEntityType;
import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transcribe.model.TranscriptEventJson;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Channels, speakers, languages and PII, each only when the request asks. */
class FeatureTranscriptionTest {

    private static final TimedScript INTRODUCTION = json("""
            {'segments': [
              {'speaker': '1', 'language': 'fr-FR',
               'words': [{'text': 'My', 'start': 0.1, 'end': 0.3}, {'text': 'name', 'start': 0.3, 'end': 0.6},
                         {'text': 'is', 'start': 0.6, 'end': 0.8}, {'text': 'Janet', 'start': 0.8, 'end': 1.2},
                         {'text': 'Smith.', 'start': 1.25, 'end': 1.7}],
               'entities': [{'type': 'NAME', 'firstWord': 3, 'lastWord': 4, 'confidence': 0.97}]},
              {'words': [{'text': 'PIN', 'start': 2.0, 'end': 2.3}, {'text': '1234,', 'start': 2.4, 'end': 3.0},
                         {'text': 'thanks.', 'start': 3.1, 'end': 3.5}],
               'entities': [{'type': 'PIN', 'firstWord': 1}]}]}""");

    private static final TimedScript DIALOGUE = json("""
            {'segments': [
              {'channel': 'ch_0', 'words': [{'text': 'Good', 'start': 0.1, 'end': 0.5},
                                            {'text': 'morning.', 'start': 0.5, 'end': 1.2}]},
              {'channel': 'ch_1', 'words': [{'text': 'Hi', 'start': 0.6, 'end': 0.9},
                                            {'text': 'there.', 'start': 0.9, 'end': 1.6}]},
              {'channel': 'ch_0', 'words': [{'text': 'Ready?', 'start': 2.0, 'end': 2.5}]}]}""");

    private static List<TranscriptEvent> run(TranscriptScript script, StartStreamTranscriptionRequest request,
                                             int channels, double seconds) {
        byte[] pcm = new byte[(int) (seconds * TestStreams.RATE) * 2 * channels];
        return StreamFeeder.feedPcm(transcriber(script, request, channels), pcm, TestStreams.RATE * 2 * channels,
                new Random(11), 3000);
    }

    private static List<Item> items(Result result) {
        return result.alternatives().get(0).items();
    }

    // ---- channels ----

    @Test
    void withChannelIdentificationEachChannelHasItsOwnSegmentsAtTheSameTime() {
        StartStreamTranscriptionRequest request = pcmRequest().enableChannelIdentification(true).numberOfChannels(2)
                .build();

        List<TranscriptEvent> events = run(DIALOGUE, request, 2, 3.0);

        assertThat(finals(events)).extracting(Result::channelId, StreamFeeder::text).containsExactly(
                tuple("ch_0", "Good morning."), tuple("ch_1", "Hi there."), tuple("ch_0", "Ready?"));
        assertThat(events).anySatisfy(event -> assertThat(event.transcript().results())
                .extracting(Result::channelId).containsExactly("ch_0", "ch_1"));
        assertThat(results(events)).extracting(Result::channelId).doesNotContainNull();
        SegmentSequences.assertWellFormed(events);
    }

    @Test
    void withoutChannelIdentificationStereoIsOneStreamWithoutChannelIds() {
        List<TranscriptEvent> events = run(DIALOGUE, pcmRequest().build(), 2, 4.0);

        assertThat(finals(events)).extracting(Result::channelId, StreamFeeder::text).containsExactly(
                tuple(null, "Good morning."), tuple(null, "Hi there."), tuple(null, "Ready?"));
        // One lane: the segment of ch_1 waits for the segment of ch_0 to close.
        List<Result> results = results(events);
        int firstFinal = results.indexOf(finals(events).get(0));
        assertThat(results.subList(0, firstFinal)).extracting(StreamFeeder::text).allMatch(text -> text.startsWith("G"));
        SegmentSequences.assertWellFormed(events);
    }

    @Test
    void plainWordsGoToTheChannelThatSpeaks() {
        byte[] pcm = new SyntheticPcm(TestStreams.RATE, 2).toneOnFirst(0.8).silence(1.2).toneOnSecond(1.0)
                .silence(1.0).toBytes();
        StartStreamTranscriptionRequest request = pcmRequest().enableChannelIdentification(true).numberOfChannels(2)
                .build();

        List<TranscriptEvent> events = StreamFeeder.feedPcm(transcriber(text("Hello there. How are you?"), request,
                2), pcm, STEREO_BYTES_PER_SECOND, new Random(5), 777);

        assertThat(finals(events)).extracting(Result::channelId, StreamFeeder::text, Result::startTime)
                .containsExactly(tuple("ch_0", "Hello there.", 0.0), tuple("ch_1", "How are you?", 2.0));
        SegmentSequences.assertWellFormed(events);
    }

    @Test
    void overTwoChannelsOfFlacThePlainWordsAlternateSentenceBySentence() {
        StartStreamTranscriptionRequest request = pcmRequest().mediaEncoding(MediaEncoding.FLAC)
                .enableChannelIdentification(true).numberOfChannels(2).build();

        List<TranscriptEvent> events = StreamFeeder.feedContainer(
                transcriber(text("One two. Three four. Five six."), request, 2), 3.0, 0.25);

        assertThat(finals(events)).extracting(Result::channelId, StreamFeeder::text, Result::startTime)
                .containsExactly(tuple("ch_0", "One two.", 0.0), tuple("ch_1", "Three four.", 0.56),
                        tuple("ch_0", "Five six.", 1.3));
        SegmentSequences.assertWellFormed(events);
    }

    @Test
    void whileOneChannelHasTheFloorTheOtherOpensNothing() {
        // ch_1 talks over ch_0 from 0.3 to 0.6 s and gets no words; it gets the next sentence when it speaks alone.
        byte[] pcm = new SyntheticPcm(TestStreams.RATE, 2).toneOnFirst(0.3).tone(0.3).toneOnFirst(0.2)
                .silence(0.6).toneOnSecond(0.6).silence(0.6).toBytes();
        StartStreamTranscriptionRequest request = pcmRequest().enableChannelIdentification(true).numberOfChannels(2)
                .build();

        List<TranscriptEvent> events = StreamFeeder.feedPcmWhole(transcriber(text("Hello there. Hi."), request, 2),
                pcm, STEREO_BYTES_PER_SECOND);

        assertThat(finals(events)).extracting(Result::channelId, StreamFeeder::text, Result::startTime)
                .containsExactly(tuple("ch_0", "Hello there.", 0.0), tuple("ch_1", "Hi.", 1.4));
    }

    // ---- speakers ----

    @Test
    void speakerLabelsAreOnEveryItemOnlyWhenAsked() {
        List<TranscriptEvent> labeled = run(INTRODUCTION, pcmRequest().showSpeakerLabel(true).build(), 1, 4.0);
        List<TranscriptEvent> plain = run(INTRODUCTION, pcmRequest().build(), 1, 4.0);

        Map<String, List<Result>> segments = StreamFeeder.bySegment(labeled);
        List<List<Result>> bySegment = List.copyOf(segments.values());
        assertThat(bySegment.get(0)).flatExtracting(FeatureTranscriptionTest::items).extracting(Item::speaker)
                .containsOnly("1");
        assertThat(bySegment.get(1)).flatExtracting(FeatureTranscriptionTest::items).extracting(Item::speaker)
                .containsOnly(ResultRenderer.DEFAULT_SPEAKER);
        assertThat(results(plain)).flatExtracting(FeatureTranscriptionTest::items).extracting(Item::speaker)
                .containsOnlyNulls();
    }

    // ---- languages ----

    @Test
    void languageIdentificationReportsTheScriptedLanguageAmongTheOptions() {
        StartStreamTranscriptionRequest request = pcmRequest().languageCode(null).identifyLanguage(true)
                .languageOptions(LanguageCode.EN_US, LanguageCode.FR_FR).preferredLanguage(LanguageCode.EN_US)
                .build();

        List<TranscriptEvent> events = run(INTRODUCTION, request, 1, 4.0);

        List<List<Result>> segments = List.copyOf(StreamFeeder.bySegment(events).values());
        assertThat(segments.get(0)).allSatisfy(result -> {
            assertThat(result.languageCode()).isEqualTo("fr-FR");
            assertThat(result.languageIdentification()).containsExactly(
                    new LanguageWithScore("en-US", 0.05), new LanguageWithScore("fr-FR", 0.95));
        });
        assertThat(segments.get(1)).extracting(Result::languageCode).containsOnly("en-US");
    }

    @Test
    void theOtherOptionsShareTheRestOfTheScoreToFourDecimals() {
        StartStreamTranscriptionRequest request = pcmRequest().languageCode(null).identifyLanguage(true)
                .languageOptions(LanguageCode.EN_US, LanguageCode.FR_FR, LanguageCode.DE_DE, LanguageCode.ES_US)
                .preferredLanguage(LanguageCode.EN_US).build();

        List<TranscriptEvent> events = run(INTRODUCTION, request, 1, 4.0);

        assertThat(results(events)).flatExtracting(Result::languageIdentification)
                .extracting(LanguageWithScore::score).containsOnly(0.95, 0.0167);
    }

    @Test
    void aLanguageOutsideTheOptionsIsReportedAsTheFirstOptionWithoutAPreference() {
        StartStreamTranscriptionRequest request = pcmRequest().languageCode(null).identifyLanguage(true)
                .languageOptions(LanguageCode.DE_DE, LanguageCode.EN_GB).build();

        List<TranscriptEvent> events = run(INTRODUCTION, request, 1, 4.0);

        assertThat(results(events)).extracting(Result::languageCode).containsOnly("de-DE");
    }

    @Test
    void withALanguageCodeResultsSayNothingOfTheLanguage() {
        assertThat(results(run(INTRODUCTION, pcmRequest().build(), 1, 4.0))).allSatisfy(result -> {
            assertThat(result.languageCode()).isNull();
            assertThat(result.languageIdentification()).isEmpty();
        });
    }

    // ---- PII ----

    @Test
    void identificationListsEntitiesOnFinalsOnlyAndLeavesTheWords() {
        StartStreamTranscriptionRequest request = pcmRequest()
                .contentIdentificationType(ContentIdentificationType.PII).build();

        List<TranscriptEvent> events = run(INTRODUCTION, request, 1, 4.0);

        List<Result> finals = finals(events);
        assertThat(StreamFeeder.text(finals.get(0))).isEqualTo("My name is Janet Smith.");
        assertThat(finals.get(0).alternatives().get(0).entities()).containsExactly(
                new Entity(0.8, 1.7, "PII", "NAME", "Janet Smith", 0.97));
        assertThat(finals.get(1).alternatives().get(0).entities()).containsExactly(
                new Entity(2.4, 3.0, "PII", "PIN", "1234", ScriptEntity.DEFAULT_CONFIDENCE));
        assertThat(results(events).stream().filter(Result::isPartial))
                .allSatisfy(result -> assertThat(result.alternatives().get(0).entities()).isEmpty());
    }

    @Test
    void onlyTheRequestedTypesAreIdentified() {
        StartStreamTranscriptionRequest request = pcmRequest()
                .contentIdentificationType(ContentIdentificationType.PII).piiEntityTypes(PiiEntityType.PIN).build();

        List<Result> finals = finals(run(INTRODUCTION, request, 1, 4.0));

        assertThat(finals.get(0).alternatives().get(0).entities()).isEmpty();
        assertThat(finals.get(1).alternatives().get(0).entities()).extracting(Entity::type).containsExactly("PIN");
    }

    @Test
    void redactionReplacesTheEntitysWordsWithItsTypeInFinalsOnly() {
        StartStreamTranscriptionRequest request = pcmRequest().contentRedactionType(ContentRedactionType.PII)
                .enablePartialResultsStabilization(true).build();

        List<TranscriptEvent> events = run(INTRODUCTION, request, 1, 4.0);

        List<Result> finals = finals(events);
        assertThat(StreamFeeder.text(finals.get(0))).isEqualTo("My name is [NAME].");
        assertThat(items(finals.get(0))).extracting(Item::type, Item::content, Item::startTime, Item::endTime,
                Item::confidence, Item::stable).containsExactly(
                tuple("pronunciation", "My", 0.1, 0.3, 0.99, true),
                tuple("pronunciation", "name", 0.3, 0.6, 0.99, true),
                tuple("pronunciation", "is", 0.6, 0.8, 0.99, true),
                tuple("pronunciation", "[NAME]", 0.8, 1.7, 0.97, true),
                tuple("punctuation", ".", 1.7, 1.7, null, true));
        assertThat(finals.get(0).alternatives().get(0).entities()).containsExactly(
                new Entity(0.8, 1.7, "PII", "NAME", "[NAME]", 0.97));
        assertThat(StreamFeeder.text(finals.get(1))).isEqualTo("PIN [PIN], thanks.");
        assertThat(results(events).stream().filter(Result::isPartial).map(StreamFeeder::text))
                .anySatisfy(text -> assertThat(text).contains("Janet"));
    }

    // ---- ids and the wire ----

    @Test
    void resultIdsAreUuidsRepeatableWithASeed() {
        ResultIdGenerator first = ResultIdGenerator.seeded(9);
        ResultIdGenerator second = ResultIdGenerator.seeded(9);
        ResultIdGenerator random = ResultIdGenerator.random();

        List<String> ids = List.of(first.next(), first.next());
        assertThat(ids).containsExactly(second.next(), second.next()).doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertThat(random.next()).isNotEqualTo(random.next()).isNotIn(ids);
    }

    @Test
    void everyFeatureSurvivesTheJsonRoundTrip() {
        StartStreamTranscriptionRequest labeled = pcmRequest().languageCode(null).identifyLanguage(true)
                .languageOptions(LanguageCode.EN_US, LanguageCode.FR_FR).showSpeakerLabel(true)
                .contentIdentificationType(ContentIdentificationType.PII).enablePartialResultsStabilization(true)
                .build();
        StartStreamTranscriptionRequest channels = pcmRequest().enableChannelIdentification(true)
                .numberOfChannels(2).contentRedactionType(ContentRedactionType.PII).build();

        List<TranscriptEvent> events = new java.util.ArrayList<>(run(INTRODUCTION, labeled, 1, 4.0));
        events.addAll(run(DIALOGUE, channels, 2, 3.0));

        for (TranscriptEvent event : events) {
            byte[] bytes = TranscriptEventJson.toBytes(event);
            assertThat(TranscriptEventJson.parse(bytes, 0, bytes.length)).isEqualTo(event);
        }
    }

    @Test
    void monoAudioWithoutAnyFeatureStillWorksAtAnotherRate() {
        StartStreamTranscriptionRequest request = pcmRequest().mediaSampleRateHertz(8000).build();
        byte[] pcm = new SyntheticPcm(8000, 1).tone(1.0).silence(0.6).toBytes();

        List<TranscriptEvent> events = StreamFeeder.feedPcm(transcriber(text("Testing, one two."), request, 1), pcm,
                8000 * 2, new Random(1), 101);

        assertThat(finals(events)).extracting(StreamFeeder::text, Result::endTime)
                .containsExactly(tuple("Testing, one two.", 1.0));
        assertThat(MONO_BYTES_PER_SECOND).isEqualTo(32000);
    }
}
