package dev.riffle.cli.transcribe;

import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code --output text}: one line per final result, as it arrives, prefixed with its channel when the audio has
 * two. Each line is flushed, so a pipe sees it at once.
 */
final class TextPrinter implements TranscriptPrinter {

    private final OutputStream out;

    TextPrinter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void event(TranscriptEvent event, Duration latency) throws IOException {
        for (Result result : event.transcript().results()) {
            if (!result.isPartial()) {
                String line = ResultLabels.channelPrefix(result) + ResultLabels.transcript(result) + "\n";
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
