package dev.riffle.cli.transcribe;

import static dev.riffle.cli.transcribe.Events.event;
import static dev.riffle.cli.transcribe.Events.finalResult;
import static dev.riffle.cli.transcribe.Events.partial;
import static dev.riffle.cli.transcribe.Events.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LivePrinterTest {

    private static final int WIDTH = 40;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final LivePrinter printer = new LivePrinter(out, WIDTH, true);

    private TerminalScreen screen() {
        return new TerminalScreen(WIDTH).play(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void redrawsThePartialInPlaceThenCommitsTheFinalAndLeavesOnlyFinals() throws Exception {
        printer.event(event(partial("a", "heat")), Duration.ofMillis(120));
        printer.event(event(partial("a", "heat a heavy")), Duration.ofMillis(80));
        assertThat(screen().lines()).containsExactly("heat a heavy", "0.0 s of audio sent · latency 80 ms");

        printer.audioSent(Duration.ofMillis(3200));
        printer.event(event(finalResult("a", "Heat a heavy pan.")), Duration.ofMillis(1500));
        printer.event(event(partial("b", "add")), null);
        assertThat(screen().lines()).containsExactly("Heat a heavy pan.", "add",
                "3.2 s of audio sent · latency 1.50 s");

        printer.event(event(finalResult("b", "Add butter.")), null);
        printer.finish();
        assertThat(screen().lines()).containsExactly("Heat a heavy pan.", "Add butter.");
    }

    @Test
    void stableWordsArePlainAndTheRestDim() throws Exception {
        printer.event(event(result("a", null, true, 0, "heat a heavy pan", 2)), null);

        TerminalScreen screen = screen();
        assertThat(screen.lines().get(0)).isEqualTo("heat a heavy pan");
        assertThat(screen.dimText(0)).isEqualTo("heavy pan");
        assertThat(screen.dimText(1)).isEqualTo(screen.lines().get(1)); // the status line
    }

    @Test
    void withoutStabilizationTheWholePartialIsDim() throws Exception {
        printer.event(event(partial("a", "heat a heavy pan")), null);

        assertThat(screen().dimText(0)).isEqualTo("heat a heavy pan");
    }

    @Test
    void aPartialWiderThanTheTerminalShowsItsNewestWordsAndNeverWraps() throws Exception {
        String words = "one two three four five six seven eight nine ten eleven twelve";
        printer.event(event(partial("a", words)), null);

        String line = screen().lines().get(0);
        assertThat(line).startsWith("…").endsWith("eleven twelve").hasSize(WIDTH - 1);
        assertThat(words).endsWith(line.substring(1));
    }

    /**
     * Kana and ideographs take two columns each: a line cut by characters would be twice the terminal's width and
     * wrap, and the redraw would then climb too few lines.
     */
    @Test
    void aJapanesePartialIsCutToTheTerminalsColumnsNotItsCharacters() throws Exception {
        String words = "今日はお集まりいただきありがとうございます本日の議題は三つあります"; // 33 wide characters
        printer.event(event(partial("a", words)), null);

        String line = screen().lines().get(0); // TerminalScreen fails if anything is written past the last column
        // the ellipsis takes one column and each character two: 19 characters fill the 39 columns drawn
        assertThat(line.codePointCount(0, line.length())).isEqualTo(1 + (WIDTH - 2) / 2);
        assertThat(line).startsWith("…");
        assertThat(words).endsWith(line.substring(1));
    }

    /** A faulty or hostile endpoint's escape sequences and line breaks are shown, not obeyed. */
    @Test
    void controlCharactersInTheServicesTextAreShownNotObeyed() throws Exception {
        printer.event(event(partial("a", "heat \u001b]0;owned\u0007 pan")), null);
        assertThat(screen().lines().get(0)).isEqualTo("heat \uFFFD]0;owned\uFFFD pan");

        printer.event(event(finalResult("a", "Heat\na\r\u001b[2Jpan.")), null);
        printer.finish();
        assertThat(screen().lines()).containsExactly("Heat a \uFFFD[2Jpan.");
    }

    @Test
    void eachChannelHasItsOwnPartialLineAndFinalsSayTheirChannel() throws Exception {
        printer.event(event(result("a", "ch_0", true, 0, "thank you", -1),
                result("b", "ch_1", true, 0, "hello", -1)), null);
        assertThat(screen().lines()).hasSize(3).startsWith("ch_0: thank you", "ch_1: hello");

        printer.event(event(result("a", "ch_0", false, 0, "Thank you.", -1)), null);
        printer.finish();
        assertThat(screen().lines()).containsExactly("ch_0: Thank you.");
    }

    @Test
    void withoutStylingNoSgrIsWritten() throws Exception {
        LivePrinter plain = new LivePrinter(out, WIDTH, false);
        plain.event(event(partial("a", "heat")), null);

        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\033[2m");
        assertThat(screen().lines()).startsWith("heat");
    }

    @Test
    void eventsWithoutResultsDrawNothing() throws Exception {
        printer.event(event(), null);

        assertThat(out.size()).isZero();
    }
}
