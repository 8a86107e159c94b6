package dev.riffle.cli.transcribe.captions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.transcribe.model.Alternative;
import dev.riffle.transcribe.model.Item;
import dev.riffle.transcribe.model.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CaptionLayoutTest {

    @Test
    void aShortSentenceIsOneCueTimedFromItsFirstWordToItsLast() {
        List<CaptionCue> cues = CaptionLayout.cues(List.of(result("ch", 1.0,
                word("Heat", 1.0, 1.3), word("the", 1.4, 1.5), word("pan", 1.6, 2.05), mark("."))));

        assertThat(cues).containsExactly(new CaptionCue(1000, 2050, List.of("Heat the pan.")));
    }

    @Test
    void longTextFillsTwoLinesOfAtMost42CharactersAndThenStartsANewCue() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(word("word" + i, i, i + 0.5));
        }
        List<CaptionCue> cues = CaptionLayout.cues(List.of(result(null, 0, items.toArray(Item[]::new))));

        assertThat(cues).hasSizeGreaterThan(1);
        assertThat(cues).allSatisfy(cue -> {
            assertThat(cue.lines()).hasSizeBetween(1, 2);
            assertThat(cue.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(42));
        });
        assertThat(cues.get(0).lines()).hasSize(2);
        assertThat(cues.get(0).lines().get(0).length() + " word7".length()).isGreaterThan(42); // filled greedily
        assertThat(String.join(" ", cues.stream().flatMap(c -> c.lines().stream()).toList()))
                .isEqualTo(String.join(" ", items.stream().map(Item::content).toList()));
        assertThat(cues.get(1).startMillis()).isEqualTo(cues.get(0).endMillis() + 500);
    }

    @Test
    void aSentenceEndClosesTheCue() {
        List<CaptionCue> cues = CaptionLayout.cues(List.of(result(null, 0, word("Yes", 0, 0.4), mark("."),
                word("No", 1, 1.3), mark("?"))));

        assertThat(cues).extracting(CaptionCue::lines).containsExactly(List.of("Yes."), List.of("No?"));
    }

    @Test
    void aWordLongerThanALineIsCutSoTheLimitHolds() {
        String longWord = "x".repeat(100);
        List<CaptionCue> cues = CaptionLayout.cues(List.of(result(null, 0, word(longWord, 0, 3))));

        assertThat(cues.stream().flatMap(c -> c.lines().stream())).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(42));
        assertThat(String.join("", cues.stream().flatMap(c -> c.lines().stream()).toList())).isEqualTo(longWord);
        assertThat(cues.get(cues.size() - 1).endMillis()).isEqualTo(3000);
    }

    @Test
    void aLongWordOutsideTheBmpIsCutBetweenCharacters() {
        String longWord = "👍".repeat(50);
        List<CaptionCue> cues = CaptionLayout.cues(List.of(result(null, 0, word(longWord, 0, 3))));

        List<String> lines = cues.stream().flatMap(c -> c.lines().stream()).toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(42)
                .isEqualTo(l.length() / 2)); // whole surrogate pairs only
        assertThat(String.join("", lines)).isEqualTo(longWord);
    }

    @Test
    void aLineBreakOrControlCharacterInAWordStaysInsideItsLine() {
        List<CaptionCue> cues = CaptionLayout.cues(List.of(result(null, 0, word("one\n\ntwo", 0, 1),
                word("\u001b[2Jthree", 1, 2))));

        assertThat(cues).extracting(CaptionCue::lines).containsExactly(List.of("one  two \uFFFD[2Jthree"));
    }

    @Test
    void finalsOfTwoChannelsComeOutInTimeOrder() {
        Result late = result("ch_0", 5, word("later", 5, 6));
        Result early = result("ch_1", 1, word("earlier", 1, 2));

        assertThat(CaptionLayout.cues(List.of(late, early))).extracting(CaptionCue::startMillis)
                .containsExactly(1000L, 5000L);
    }

    @Test
    void aResultWithoutItemsSpreadsItsWordsOverItsTime() {
        Result bare = new Result("r", 2, 6, false, null, null, List.of(),
                List.of(new Alternative("one two three four", List.of(), List.of())));

        List<CaptionCue> cues = CaptionLayout.cues(List.of(bare));

        assertThat(cues).containsExactly(new CaptionCue(2000, 6000, List.of("one two three four")));
    }

    @Test
    void aMarkTimedAtOneInstantStillMakesACueThatLasts() {
        List<CaptionCue> cues = CaptionLayout.cues(List.of(result(null, 1, word("Oh", 1, 1), mark("!"))));

        assertThat(cues.get(0).endMillis()).isGreaterThan(cues.get(0).startMillis());
    }

    /**
     * What a word may be made of in the property below: text and markup characters, and what a faulty endpoint
     * might send (line breaks, a cue's timing arrow, control characters, characters outside the BMP).
     */
    private static final String[] TOKENS = {"abc", "defghij", "<", "&", ">", "\n", "\r\n", "-->", "\t", "\u001b[2J",
        "\u0000", "👍", "日本", "e\u0301"};

    @RepeatedTest(20)
    void anyTranscriptLaysOutAsWellFormedSubRipAndWebVtt() throws IOException {
        Random random = new Random();
        List<Result> finals = new ArrayList<>();
        double time = 0;
        for (int r = 0; r < 1 + random.nextInt(6); r++) {
            List<Item> items = new ArrayList<>();
            for (int w = 0; w < random.nextInt(40); w++) {
                StringBuilder text = new StringBuilder();
                for (int t = 0; t < 1 + random.nextInt(8); t++) {
                    text.append(TOKENS[random.nextInt(TOKENS.length)]);
                }
                items.add(word(text.toString(), time, time + random.nextDouble()));
                time += 0.5 + random.nextDouble();
                if (random.nextInt(5) == 0) {
                    items.add(mark(random.nextBoolean() ? "." : ","));
                }
            }
            finals.add(result(random.nextBoolean() ? "ch_0" : null, time, items.toArray(Item[]::new)));
        }
        List<CaptionCue> cues = CaptionLayout.cues(finals);

        StringBuilder srt = new StringBuilder();
        CaptionFormat.SRT.write(cues, srt);
        StringBuilder vtt = new StringBuilder();
        CaptionFormat.VTT.write(cues, vtt);

        List<CaptionFiles.Cue> fromSrt = CaptionFiles.readSrt(srt.toString());
        List<CaptionFiles.Cue> fromVtt = CaptionFiles.readVtt(vtt.toString());
        CaptionFiles.assertWellFormed(fromSrt);
        assertThat(fromVtt).isEqualTo(fromSrt);
        assertThat(fromSrt).hasSize(cues.size());
    }

    private static Result result(String channel, double start, Item... items) {
        double end = items.length == 0 ? start : items[items.length - 1].endTime();
        return new Result("id", start, end, false, channel, null, List.of(),
                List.of(new Alternative("", List.of(items), List.of())));
    }

    private static Item word(String content, double start, double end) {
        return new Item(start, end, "pronunciation", content, false, null, 1.0, null);
    }

    /** A punctuation mark; its time is taken from nothing, as the service gives marks no duration. */
    private static Item mark(String content) {
        return new Item(0, 0, "punctuation", content, false, null, 0.0, null);
    }
}
