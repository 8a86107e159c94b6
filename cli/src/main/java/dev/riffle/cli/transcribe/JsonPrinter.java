package dev.riffle.cli.transcribe;

import dev.riffle.transcribe.model.TranscriptEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * {@code --output json}: each TranscriptEvent's payload exactly as the service sent it (members riffle does not
 * model included), one per line (JSON Lines). Only line breaks are dropped: JSON allows them only as whitespace
 * between tokens, never inside a string, so the document is unchanged and stays on one line.
 */
final class JsonPrinter implements TranscriptPrinter {

    private final OutputStream out;
    private byte[] scratch = new byte[4096];

    JsonPrinter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void eventJson(ByteBuffer json) throws IOException {
        int length = 0;
        if (scratch.length < json.remaining() + 1) {
            scratch = new byte[json.remaining() + 1];
        }
        for (int i = json.position(); i < json.limit(); i++) {
            byte b = json.get(i);
            if (b != '\n' && b != '\r') {
                scratch[length++] = b;
            }
        }
        scratch[length++] = '\n';
        out.write(scratch, 0, length);
        out.flush();
    }

    @Override
    public void event(TranscriptEvent event, Duration latency) {
        // written from the service's bytes in eventJson
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
