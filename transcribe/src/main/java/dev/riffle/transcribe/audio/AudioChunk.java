package dev.riffle.transcribe.audio;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;

/**
 * The payload of one AudioEvent, with the stretch of audio time it covers, so that a {@link Pacer} can hold it
 * until it is due.
 *
 * <p>Times count from the start of the stream. Chunks of one stream follow each other without gaps: a chunk starts
 * where the previous one ended, so their durations sum to the end of the last one. A chunk that carries only
 * container headers (FLAC metadata, the Ogg Opus header pages) has a duration of zero.
 */
public final class AudioChunk {

    private final byte[] audio;
    private final Duration start;
    private final Duration end;

    /**
     * @param audio the bytes to send; kept, not copied, so the caller must not change them afterwards
     * @param start the audio time where the chunk starts
     * @param end   the audio time where it ends, not before {@code start}
     */
    public AudioChunk(byte[] audio, Duration start, Duration end) {
        this.audio = Objects.requireNonNull(audio, "audio");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        if (end.compareTo(start) < 0) {
            throw new IllegalArgumentException("chunk ends (" + end + ") before it starts (" + start + ")");
        }
    }

    /** The bytes, as a read-only view (no copy), positioned at 0. */
    public ByteBuffer audio() {
        return ByteBuffer.wrap(audio).asReadOnlyBuffer();
    }

    /** How many bytes the chunk carries. */
    public int length() {
        return audio.length;
    }

    /** The audio time from the start of the stream where this chunk starts. */
    public Duration start() {
        return start;
    }

    /** The audio time from the start of the stream where this chunk ends; what a pacer schedules by. */
    public Duration end() {
        return end;
    }

    /** The audio the chunk holds: {@code end - start}. */
    public Duration duration() {
        return end.minus(start);
    }

    @Override
    public String toString() {
        return "AudioChunk[" + audio.length + " bytes, " + start.toNanos() / 1e9 + " s to " + end.toNanos() / 1e9
                + " s]";
    }
}
