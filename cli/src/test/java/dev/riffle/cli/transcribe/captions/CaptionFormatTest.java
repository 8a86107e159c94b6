package dev.riffle.cli.transcribe.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionFormatTest {

    private static final List<CaptionCue> CUES = List.of(
            new CaptionCue(300, 3_920, List.of("Heat a heavy pan over a medium flame.")),
            new CaptionCue(3_723_004, 3_725_000, List.of("Fish & chips <hot>", "-- served -->")));

    @Test
    void subRipNumbersCuesFromOneWithCommaMillisecondsAndBlankLinesBetween() throws IOException {
        StringBuilder out = new StringBuilder();
        CaptionFormat.SRT.write(CUES, out);

        assertThat(out.toString()).isEqualTo("""
                1
                00:00:00,300 --> 00:00:03,920
                Heat a heavy pan over a medium flame.

                2
                01:02:03,004 --> 01:02:05,000
                Fish & chips <hot>
                -- served -->

                """);
        assertThat(CaptionFiles.readSrt(out.toString())).hasSize(2);
    }

    @Test
    void webVttHasItsSignatureFullStopMillisecondsAndEscapedText() throws IOException {
        StringBuilder out = new StringBuilder();
        CaptionFormat.VTT.write(CUES, out);

        assertThat(out.toString()).isEqualTo("""
                WEBVTT

                00:00:00.300 --> 00:00:03.920
                Heat a heavy pan over a medium flame.

                01:02:03.004 --> 01:02:05.000
                Fish &amp; chips &lt;hot&gt;
                -- served --&gt;

                """);
        assertThat(CaptionFiles.readVtt(out.toString()).get(1).lines())
                .containsExactly("Fish & chips <hot>", "-- served -->");
    }

    @Test
    void noCuesGiveAnEmptySubRipFileAndAWebVttFileWithOnlyItsSignature() throws IOException {
        StringBuilder srt = new StringBuilder();
        CaptionFormat.SRT.write(List.of(), srt);
        StringBuilder vtt = new StringBuilder();
        CaptionFormat.VTT.write(List.of(), vtt);

        assertThat(srt.toString()).isEmpty();
        assertThat(vtt.toString()).isEqualTo("WEBVTT\n\n");
    }
}
