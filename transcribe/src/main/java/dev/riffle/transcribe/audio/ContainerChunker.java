package dev.riffle.transcribe.audio;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Cuts FLAC or Ogg Opus into chunks on the boundaries a {@link ContainerScanner} finds, as a
 * {@link ChunkPlanner} decides; see {@link AudioChunker}. Holds the bytes from the end of the last chunk on: at
 * most one frame or page (or one metadata block) beyond the chunk being built.
 */
final class ContainerChunker implements AudioChunker {

    private static final int READ_SIZE = 8192;

    private final AudioFormat format;
    private final String containerName;
    private final InputStream audio;
    private final ContainerScanner scanner;
    private final ChunkPlanner planner;
    private final ArrayDeque<AudioChunk> ready = new ArrayDeque<>();

    private byte[] buffer = new byte[4 * READ_SIZE];
    private long bufferOffset; // the stream offset of buffer[0]
    private int bufferLength;
    private long received;
    private long chunkStart; // the stream offset where the next chunk starts: bytes before it are handed out
    private boolean ended;

    ContainerChunker(AudioSource source, ContainerScanner scanner, String containerName, Duration target) {
        this.format = source.format();
        this.containerName = containerName;
        this.audio = source.audio();
        this.scanner = scanner;
        this.planner = new ChunkPlanner(target.toNanos(), this::cutChunk);
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public AudioChunk next() throws IOException {
        while (ready.isEmpty() && !ended) {
            readMore();
        }
        return ready.poll();
    }

    private void readMore() throws IOException {
        makeRoom();
        int read = audio.read(buffer, bufferLength, READ_SIZE);
        if (read < 0) {
            ended = true;
            // A stream cut inside a frame or page is sent as it is; the planner gives the rest no time.
            scanner.finish(planner::boundary);
            planner.finish(received);
            return;
        }
        int from = bufferLength;
        bufferLength += read;
        received += read;
        scanner.feed(buffer, from, read, planner::boundary);
        if (scanner.failure() != null) {
            throw new UnsupportedAudioException("a damaged " + containerName + " stream (" + scanner.failure() + ")");
        }
    }

    /** Drops the bytes already handed out in chunks, and grows the buffer if a unit needs more than it holds. */
    private void makeRoom() {
        if (bufferLength + READ_SIZE <= buffer.length) {
            return;
        }
        long kept = bufferOffset + bufferLength - chunkStart;
        int dropped = (int) (chunkStart - bufferOffset);
        byte[] target = kept + READ_SIZE > buffer.length
                ? new byte[Math.max(buffer.length * 2, (int) kept + READ_SIZE)] : buffer;
        System.arraycopy(buffer, dropped, target, 0, (int) kept);
        buffer = target;
        bufferOffset = chunkStart;
        bufferLength = (int) kept;
    }

    private void cutChunk(long startOffset, long endOffset, long startNanos, long endNanos) {
        int from = (int) (startOffset - bufferOffset);
        byte[] bytes = Arrays.copyOfRange(buffer, from, from + (int) (endOffset - startOffset));
        ready.add(new AudioChunk(bytes, Duration.ofNanos(startNanos), Duration.ofNanos(endNanos)));
        chunkStart = endOffset;
    }
}
