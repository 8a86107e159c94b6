package dev.riffle.transcribe.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reading and summing chunks in tests. */
final class Chunks {

    private Chunks() {
    }

    /** Every chunk the chunker gives. */
    static List<AudioChunk> all(AudioChunker chunker) throws IOException {
        List<AudioChunk> chunks = new ArrayList<>();
        for (AudioChunk chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The bytes of all chunks, in order. */
    static byte[] concatenated(List<AudioChunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AudioChunk chunk : chunks) {
            byte[] bytes = new byte[chunk.length()];
            chunk.audio().get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    static Duration totalDuration(List<AudioChunk> chunks) {
        return chunks.stream().map(AudioChunk::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
