package dev.riffle.cli.transcribe;

import dev.riffle.cli.transcribe.captions.CaptionFormat;
import dev.riffle.cli.transcribe.captions.CaptionLayout;
import dev.riffle.transcribe.model.FinalResults;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code --output srt} and {@code --output vtt}: captions from the final results, written when the stream ends
 * (however it ends, so an interrupted run still gets the captions of what was heard). They are written at the end
 * because cues must be in time order and the finals of two channels do not arrive in it.
 */
final class CaptionPrinter implements TranscriptPrinter {

    private final OutputStream out;
    private final CaptionFormat format;
    private final FinalResults finals = new FinalResults();

    CaptionPrinter(OutputStream out, CaptionFormat format) {
        this.out = out;
        this.format = format;
    }

    @Override
    public void event(TranscriptEvent event, Duration latency) {
        finals.addAll(event);
    }

    @Override
    public void finish() throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        format.write(CaptionLayout.cues(finals.results()), writer);
        writer.flush();
    }
}
