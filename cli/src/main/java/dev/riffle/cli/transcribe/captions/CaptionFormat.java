package dev.riffle.cli.transcribe.captions;

import java.io.IOException;
import java.util.List;

/** The caption file formats {@code riffle transcribe} writes. */
public enum CaptionFormat {

    /**
     * SubRip ({@code .srt}): cues numbered from 1, each a number line, a timing line
     * {@code HH:MM:SS,mmm --> HH:MM:SS,mmm}, its text lines, and a blank line.
     */
    SRT {
        @Override
        public void write(List<CaptionCue> cues, Appendable out) throws IOException {
            int number = 1;
            for (CaptionCue cue : cues) {
                out.append(Integer.toString(number++)).append('\n');
                out.append(timestamp(cue.startMillis(), ',')).append(" --> ")
                        .append(timestamp(cue.endMillis(), ',')).append('\n');
                for (String line : cue.lines()) {
                    out.append(line).append('\n');
                }
                out.append('\n');
            }
        }
    },

    /**
     * WebVTT ({@code .vtt}, W3C WebVTT): the {@code WEBVTT} signature line and a blank line, then for each cue a
     * timing line {@code HH:MM:SS.mmm --> HH:MM:SS.mmm}, its text lines, and a blank line. Cue text escapes
     * {@code &}, {@code <} and {@code >}, which would otherwise start an entity or a tag (and {@code -->} may not
     * appear in cue text at all).
     */
    VTT {
        @Override
        public void write(List<CaptionCue> cues, Appendable out) throws IOException {
            out.append("WEBVTT\n\n");
            for (CaptionCue cue : cues) {
                out.append(timestamp(cue.startMillis(), '.')).append(" --> ")
                        .append(timestamp(cue.endMillis(), '.')).append('\n');
                for (String line : cue.lines()) {
                    out.append(escape(line)).append('\n');
                }
                out.append('\n');
            }
        }

        private String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    };

    /** Writes {@code cues} as a whole file in this format. */
    public abstract void write(List<CaptionCue> cues, Appendable out) throws IOException;

    /** {@code HH:MM:SS<separator>mmm}, hours not limited to two digits. */
    static String timestamp(long millis, char separator) {
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long seconds = millis / 1000 % 60;
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d%c%03d", hours, minutes, seconds, separator,
                millis % 1000);
    }
}
