package dev.riffle.cli.transcribe.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict readers of SubRip and WebVTT files, written from the formats' descriptions rather than from riffle's
 * writer: they fail on anything a conforming file may not contain, and return the cues for further checks.
 */
public final class CaptionFiles {

    /** A cue read back: times in milliseconds and its lines. */
    public record Cue(long start, long end, List<String> lines) {
    }

    // SubRip: HH:MM:SS,mmm with a comma; WebVTT: [HH+:]MM:SS.mmm with a full stop (W3C WebVTT, 4.1 timestamps).
    private static final Pattern SRT_TIMING = Pattern.compile(
            "(\\d{2}):(\\d{2}):(\\d{2}),(\\d{3}) --> (\\d{2}):(\\d{2}):(\\d{2}),(\\d{3})");
    private static final Pattern VTT_TIMING = Pattern.compile(
            "(?:(\\d{2,}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3}) --> (?:(\\d{2,}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})");

    private CaptionFiles() {
    }

    /**
     * Reads a SubRip file: blocks separated by one blank line, each a sequence number (1, 2, 3, ... with no gap),
     * a timing line, and one or more non-blank text lines; the file ends with the blank line after its last block.
     */
    public static List<Cue> readSrt(String file) {
        List<Cue> cues = new ArrayList<>();
        if (file.isEmpty()) {
            return cues;
        }
        assertThat(file).as("a SubRip file ends with a blank line").endsWith("\n\n").doesNotContain("\r");
        String[] blocks = file.substring(0, file.length() - 2).split("\n\n", -1);
        for (String block : blocks) {
            String[] lines = block.split("\n", -1);
            assertThat(lines.length).as("block %s: number, timing, text", block).isGreaterThanOrEqualTo(3);
            assertThat(lines[0]).as("sequence number").isEqualTo(Integer.toString(cues.size() + 1));
            Matcher timing = SRT_TIMING.matcher(lines[1]);
            assertThat(timing.matches()).as("SubRip timing line '%s'", lines[1]).isTrue();
            assertThat(Integer.parseInt(timing.group(2))).isLessThan(60);
            assertThat(Integer.parseInt(timing.group(3))).isLessThan(60);
            cues.add(new Cue(millis(timing, 1), millis(timing, 5), text(lines, 2)));
        }
        return cues;
    }

    /**
     * Reads a WebVTT file: the {@code WEBVTT} signature line and a blank line, then cues separated by blank lines,
     * each a timing line and non-blank text lines without {@code -->}; text has no raw {@code <} or {@code &}
     * outside an entity.
     */
    public static List<Cue> readVtt(String file) {
        assertThat(file).as("WebVTT signature").startsWith("WEBVTT\n\n").doesNotContain("\r");
        List<Cue> cues = new ArrayList<>();
        String body = file.substring("WEBVTT\n\n".length());
        if (body.isEmpty()) {
            return cues;
        }
        assertThat(body).endsWith("\n\n");
        for (String block : body.substring(0, body.length() - 2).split("\n\n", -1)) {
            String[] lines = block.split("\n", -1);
            assertThat(lines.length).as("cue %s: timing and text", block).isGreaterThanOrEqualTo(2);
            Matcher timing = VTT_TIMING.matcher(lines[0]);
            assertThat(timing.matches()).as("WebVTT timing line '%s'", lines[0]).isTrue();
            List<String> text = text(lines, 1);
            for (String line : text) {
                assertThat(line).doesNotContain("-->").doesNotContain("<").doesNotContainPattern("&(?!amp;|lt;|gt;)");
            }
            cues.add(new Cue(millis(timing, 1), millis(timing, 5), text.stream()
                    .map(l -> l.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")).toList()));
        }
        return cues;
    }

    private static List<String> text(String[] lines, int from) {
        List<String> text = new ArrayList<>();
        for (int i = from; i < lines.length; i++) {
            assertThat(lines[i]).as("cue text line").isNotBlank();
            text.add(lines[i]);
        }
        return text;
    }

    private static long millis(Matcher m, int group) {
        long hours = m.group(group) == null ? 0 : Long.parseLong(m.group(group));
        return ((hours * 60 + Long.parseLong(m.group(group + 1))) * 60 + Long.parseLong(m.group(group + 2))) * 1000
                + Long.parseLong(m.group(group + 3));
    }

    /** Checks what any caption file of riffle's must hold: timing sane, in order, and lines within the limits. */
    public static void assertWellFormed(List<Cue> cues) {
        long previousStart = -1;
        for (Cue cue : cues) {
            assertThat(cue.end()).as("cue %s ends after it starts", cue).isGreaterThan(cue.start());
            assertThat(cue.start()).as("cues in order of start").isGreaterThanOrEqualTo(previousStart);
            assertThat(cue.lines()).hasSizeBetween(1, 2)
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(42));
            previousStart = cue.start();
        }
    }

    /** The cues' words, in order, joined by single spaces. */
    public static String words(List<Cue> cues) {
        return String.join(" ", cues.stream().flatMap(c -> c.lines().stream()).toList());
    }
}
