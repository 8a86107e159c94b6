package dev.riffle.emulator.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.PiiEntityType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading timed scripts, and the errors that name the file, the place and the problem. */
class JsonScriptReaderTest {

    private static TimedScript read(String json) {
        return JsonScriptReader.read("talk.json", json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static ScriptFormatException failure(String json) {
        try {
            read(json);
        } catch (ScriptFormatException expected) {
            return expected;
        }
        throw new AssertionError("the script was accepted: " + json);
    }

    @Test
    void aFullSegmentIsRead() {
        TimedScript script = read("""
                {'version': 1, 'segments': [
                  {'start': 0.25, 'end': 2.0, 'speaker': '1', 'channel': 'ch_1', 'language': 'fr-FR',
                   'words': [{'text': 'Je', 'start': 0.3, 'end': 0.5, 'confidence': 0.8},
                             {'text': 'suis', 'start': 0.5, 'end': 1.0},
                             {'text': 'Marie.', 'start': 1.1, 'end': 1.6}],
                   'entities': [{'type': 'NAME', 'firstWord': 2, 'confidence': 0.9}]}
                ]}""");

        ScriptSegment segment = script.segments().get(0);
        assertThat(segment.start()).isEqualTo(0.25);
        assertThat(segment.end()).isEqualTo(2.0);
        assertThat(segment.speaker()).isEqualTo("1");
        assertThat(segment.channel()).isEqualTo(ChannelLabel.CH_1);
        assertThat(segment.language()).isEqualTo(LanguageCode.FR_FR);
        assertThat(segment.words()).extracting(word -> word.word().spoken())
                .containsExactly("Je", "suis", "Marie");
        assertThat(segment.words().get(2).word().punctuation()).isEqualTo(".");
        assertThat(segment.words()).extracting(word -> word.word().confidence())
                .containsExactly(0.8, ScriptWord.DEFAULT_CONFIDENCE, ScriptWord.DEFAULT_CONFIDENCE);
        assertThat(segment.entities()).containsExactly(new ScriptEntity(PiiEntityType.NAME, 2, 2, 0.9));
    }

    @Test
    void aSegmentDefaultsToItsWordsTimesTheFirstChannelAndNoSpeakerOrLanguage() {
        ScriptSegment segment = read("""
                {'segments': [{'words': [{'text': 'Hi', 'start': 1, 'end': 1.5},
                                         {'text': 'there.', 'start': 1.5, 'end': 2}]}]}""").segments().get(0);

        assertThat(segment.start()).isEqualTo(1.0);
        assertThat(segment.end()).isEqualTo(2.0);
        assertThat(segment.channel()).isEqualTo(ChannelLabel.CH_0);
        assertThat(segment.speaker()).isNull();
        assertThat(segment.language()).isNull();
        assertThat(segment.entities()).isEmpty();
    }

    @Test
    void segmentsOnDifferentChannelsMayOverlap() {
        TimedScript script = read("""
                {'segments': [
                  {'channel': 'ch_0', 'words': [{'text': 'one', 'start': 0, 'end': 2}]},
                  {'channel': 'ch_1', 'words': [{'text': 'two', 'start': 1, 'end': 3}]}]}""");

        assertThat(script.segmentsOn(ChannelLabel.CH_1)).hasSize(1);
        assertThat(script.segmentsByStart()).extracting(ScriptSegment::start).containsExactly(0.0, 1.0);
    }

    @Test
    void anEmptyListOfSegmentsIsAScriptWithoutResults() {
        assertThat(read("{'segments': []}").segments()).isEmpty();
    }

    @Test
    void aWordEndingBeforeItStartsIsNamedByItsPath() {
        ScriptFormatException error = failure("""
                {'segments': [
                  {'words': [{'text': 'a', 'start': 0, 'end': 1}]},
                  {'words': [{'text': 'b', 'start': 2, 'end': 3},
                             {'text': 'c', 'start': 5, 'end': 4}]}]}""");

        assertThat(error.getMessage())
                .isEqualTo("talk.json:4:14: segments[1].words[1]: the word ends at 4.0 s, before it starts (5.0 s)");
        assertThat(error.source()).isEqualTo("talk.json");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.path()).isEqualTo("segments[1].words[1]");
    }

    @Test
    void overlappingWordsAreRefused() {
        assertThat(failure("""
                {'segments': [{'words': [{'text': 'a', 'start': 0, 'end': 1},
                                         {'text': 'b', 'start': 0.5, 'end': 2}]}]}""").getMessage())
                .contains("segments[0].words[1]: the word starts at 0.5 s, before the word before it ends (1.0 s)");
    }

    @Test
    void overlappingSegmentsOnOneChannelAreRefused() {
        assertThat(failure("""
                {'segments': [{'words': [{'text': 'a', 'start': 0, 'end': 2}]},
                              {'words': [{'text': 'b', 'start': 1, 'end': 3}]}]}""").getMessage())
                .isEqualTo("talk.json:2:15: segments[1]: the segment starts at 1.0 s, before segments[0],"
                        + " the previous segment on ch_0, ends (2.0 s)");
    }

    @Test
    void aSegmentThatDoesNotHoldItsWordsIsRefused() {
        assertThat(failure("{'segments': [{'start': 1, 'words': [{'text': 'a', 'start': 0.5, 'end': 2}]}]}")
                .getMessage()).contains("segments[0]: the segment starts at 1.0 s, after its first word (0.5 s)");
        assertThat(failure("{'segments': [{'end': 1, 'words': [{'text': 'a', 'start': 0.5, 'end': 2}]}]}")
                .getMessage()).contains("segments[0]: the segment ends at 1.0 s, before its last word (2.0 s)");
    }

    @Test
    void missingAndMistypedMembersAreNamed() {
        assertThat(failure("{}").getMessage()).isEqualTo("talk.json:1:1: \"segments\" is missing (an empty list is allowed)");
        assertThat(failure("{'segments': [{'words': []}]}").getMessage())
                .contains("segments[0]: a segment needs \"words\", at least one");
        assertThat(failure("{'segments': [{'words': [{'text': 'a', 'start': 0}]}]}").getMessage())
                .contains("segments[0].words[0]: a word needs \"text\", \"start\" and \"end\"");
        assertThat(failure("{'segments': [{'words': [{'text': 'a', 'start': '0', 'end': 1}]}]}").getMessage())
                .contains("segments[0].words[0].start: must be a number, not the string \"0\"");
        assertThat(failure("{'segments': {}}").getMessage()).contains("segments: must be a list [...], not an object");
        assertThat(failure("[]").getMessage()).contains("a script must be a JSON object");
    }

    @Test
    void anUnknownMemberIsAnErrorNotIgnored() {
        assertThat(failure("{'segments': [{'strat': 1, 'words': []}]}").getMessage())
                .isEqualTo("talk.json:1:25: segments[0].strat: \"strat\" is not a member here;"
                        + " the members are start, end, speaker, channel, language, words, entities");
    }

    @Test
    void badValuesAreExplained() {
        assertThat(failure(word("'text': 'a', 'start': -1, 'end': 1")).getMessage())
                .contains("segments[0].words[0].start: a time cannot be negative: -1 s");
        assertThat(failure(word("'text': 'a', 'start': 0, 'end': 1, 'confidence': 1.5")).getMessage())
                .contains("segments[0].words[0].confidence: a confidence goes from 0 to 1, not 1.5");
        assertThat(failure(word("'text': 'New York', 'start': 0, 'end': 1")).getMessage())
                .contains("segments[0].words[0].text: \"New York\" is more than one word");
        assertThat(failure(word("'text': '...', 'start': 0, 'end': 1")).getMessage())
                .contains("segments[0].words[0].text: \"...\" has nothing to speak");
        assertThat(failure("{'segments': [{'channel': 'left', 'words': []}]}").getMessage())
                .contains("segments[0].channel: the channel must be \"ch_0\" or \"ch_1\", not \"left\"");
        assertThat(failure("{'segments': [{'language': 'english', 'words': []}]}").getMessage())
                .contains("segments[0].language: \"english\" is not a language code of the service");
        assertThat(failure("{'version': 2, 'segments': []}").getMessage())
                .contains("version: the only version of the format is 1, not 2");
    }

    @Test
    void entitiesMustFitTheWordsAndNotOverlap() {
        String words = "'words': [{'text': 'a', 'start': 0, 'end': 1}, {'text': 'b', 'start': 1, 'end': 2}]";
        assertThat(failure("{'segments': [{" + words + ", 'entities': [{'type': 'NAME', 'firstWord': 2}]}]}")
                .getMessage()).contains("segments[0].entities[0]: the entity covers word 2,"
                        + " but the segment's words go from 0 to 1");
        assertThat(failure("{'segments': [{" + words + ", 'entities': [{'type': 'NAME', 'firstWord': 0,"
                + " 'lastWord': 1}, {'type': 'PIN', 'firstWord': 1}]}]}").getMessage())
                .contains("segments[0].entities[1]: the entity starts at word 1, inside or before the entity");
        assertThat(failure("{'segments': [{" + words + ", 'entities': [{'type': 'ALL', 'firstWord': 0}]}]}")
                .getMessage()).contains("entities[0].type: ALL is a request's filter");
        assertThat(failure("{'segments': [{" + words + ", 'entities': [{'type': 'FOO', 'firstWord': 0}]}]}")
                .getMessage()).contains("entities[0].type: \"FOO\" is not a PII entity type");
        assertThat(failure("{'segments': [{" + words + ", 'entities': [{'type': 'NAME', 'firstWord': 1,"
                + " 'lastWord': 0}]}]}").getMessage()).contains("lastWord 0 is before firstWord 1");
    }

    @Test
    void syntaxErrorsAndDuplicateMembersAreReportedWithTheirPlace() {
        assertThat(failure("{'segments': [}").getMessage()).startsWith("talk.json:1:").contains("not valid JSON");
        assertThat(failure("{'segments': [], 'segments': []}").getMessage())
                .contains("not valid JSON: Duplicate field 'segments'");
        assertThat(failure("{'segments': []} {}").getMessage()).contains("there is more after the script's closing");
        assertThat(failure("").getMessage()).contains("a script must be a JSON object");
    }

    @Test
    void bytesThatAreNoTextEncodingAreRefusedAsAScriptError() {
        // Found by JsonScriptReaderFuzzTest: Jackson reads these first bytes as UTF-32 of an unknown byte order.
        byte[] bytes = {0, 0, 8, 0, 5, '#'};

        assertThatThrownBy(() -> JsonScriptReader.read("talk.json", bytes))
                .isInstanceOf(ScriptFormatException.class)
                .hasMessageStartingWith("talk.json: not JSON text (save the script as UTF-8)");
    }

    @Test
    void aTimeTooLargeForADoubleIsRefused() {
        // Found with JsonScriptReaderFuzzTest's property (finite times): 1e309 reads as Infinity.
        assertThat(failure(word("'text': 'Hi', 'start': 0, 'end': 1e309")).getMessage())
                .contains("segments[0].words[0].end: a time must be a finite number of seconds, not 1e309");
        assertThat(failure("{'segments': [{'end': 1e400, 'words': [{'text': 'Hi', 'start': 0, 'end': 1}]}]}")
                .getMessage()).contains("segments[0].end: a time must be a finite number of seconds, not 1e400");
    }

    @Test
    void aJsonFileIsReadAsATimedScript(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("talk.json"),
                "{\"segments\": [{\"words\": [{\"text\": \"Hi.\", \"start\": 0, \"end\": 0.4}]}]}");

        assertThat(TranscriptScript.load(file)).isInstanceOfSatisfying(TimedScript.class,
                script -> assertThat(script.source()).isEqualTo(file.toString()));
    }

    private static String word(String members) {
        return "{'segments': [{'words': [{" + members + "}]}]}";
    }
}
