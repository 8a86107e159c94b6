package dev.riffle.transcribe.audio;

import dev.riffle.transcribe.model.MediaEncoding;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The audio time a stream has delivered so far, from its bytes alone, as the service counts it (spec 5.4):
 * results, partials and timeouts of an emulator follow this time, not the wall clock. Feed it the payload of
 * every AudioEvent in order; pieces may end anywhere, in the middle of a sample, a FLAC frame or an Ogg page.
 * <ul>
 *   <li>{@code pcm}: whole sample frames received, divided by the rate: bytes / (rate × channels × 2).</li>
 *   <li>{@code flac}: the end of the last whole frame, from the frame headers, at the rate in STREAMINFO. A frame
 *       counts once the next frame's header has arrived (FLAC frames carry no length), or at
 *       {@link #endOfStream()}, so the time trails the bytes by up to one frame.</li>
 *   <li>{@code ogg-opus}: the granule position of the last whole page, less the pre-skip, at 48 kHz.</li>
 * </ul>
 *
 * <p>Memory stays bounded whatever arrives: a header's worth of bytes at most. Malformed FLAC or Ogg input (no
 * {@code fLaC} or OpusHead at the start, a page failing its CRC, a frame that never ends) is reported by
 * {@link #malformation()} with its byte offset; from then on the time stays where it was and further bytes
 * are only counted, since the audio time of damaged data is unknown. Whether to end the stream with an error is
 * the caller's choice.
 *
 * <p>Not thread-safe: one clock per stream, fed from the thread that reads it.
 */
public final class AudioClock {

    private final AudioFormat format;
    private final ContainerScanner scanner;
    private final ContainerScanner.BoundarySink advance = (offset, nanos) -> advanceTo(nanos);
    private byte[] copyBuffer;
    private long bytesReceived;
    private long audioNanos;
    private boolean ended;

    private AudioClock(AudioFormat format, ContainerScanner scanner) {
        this.format = format;
        this.scanner = scanner;
    }

    /**
     * A clock for a stream declared with {@code format}. For PCM the declared rate and channels are the only
     * ones there are (a PCM stream without channel identification counts as one channel); FLAC and Ogg Opus
     * carry their own, which the clock reads.
     */
    public static AudioClock of(AudioFormat format) {
        Objects.requireNonNull(format, "format");
        return new AudioClock(format, switch (format.encoding()) {
            case PCM -> null;
            case FLAC -> new FlacScanner();
            case OGG_OPUS -> new OggOpusScanner();
        });
    }

    /**
     * Takes the next {@code length} bytes of the stream, from {@code bytes[offset]}.
     *
     * @throws IllegalStateException after {@link #endOfStream()}
     */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        requireNotEnded();
        bytesReceived += length;
        if (scanner == null) {
            advanceTo(AudioTime.nanos(bytesReceived / format.pcmFrameBytes(), format.sampleRate()));
        } else if (scanner.failure() == null) {
            scanner.feed(bytes, offset, length, advance);
        }
    }

    /**
     * Takes the remaining bytes of {@code piece} as the next bytes of the stream; its position is left as it is.
     *
     * @throws IllegalStateException after {@link #endOfStream()}, even for an empty piece
     */
    public void feed(ByteBuffer piece) {
        requireNotEnded(); // here too: an empty direct buffer never reaches feed(byte[], ...)
        if (piece.hasArray()) {
            feed(piece.array(), piece.arrayOffset() + piece.position(), piece.remaining());
            return;
        }
        ByteBuffer view = piece.duplicate();
        if (copyBuffer == null) {
            copyBuffer = new byte[4096];
        }
        while (view.hasRemaining()) {
            int length = Math.min(view.remaining(), copyBuffer.length);
            view.get(copyBuffer, 0, length);
            feed(copyBuffer, 0, length);
        }
    }

    /**
     * The stream has ended (the empty AudioEvent): the last FLAC frame counts now, and input cut inside a frame
     * or page is reported. Calling it again does nothing.
     */
    public void endOfStream() {
        if (!ended && scanner != null && scanner.failure() == null) {
            scanner.finish(advance);
        }
        ended = true;
    }

    /** The audio time delivered so far. */
    public Duration audioTime() {
        return Duration.ofNanos(audioNanos);
    }

    /** {@link #audioTime()} in nanoseconds. */
    public long audioNanos() {
        return audioNanos;
    }

    /** All bytes fed so far. */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** Why the FLAC or Ogg input is malformed, with the byte offset; empty while it is fine (and always for PCM). */
    public Optional<String> malformation() {
        return Optional.ofNullable(scanner == null ? null : scanner.failure());
    }

    /** The encoding this clock was made for. */
    public MediaEncoding encoding() {
        return format.encoding();
    }

    private void requireNotEnded() {
        if (ended) {
            throw new IllegalStateException("audio fed after the end of the stream");
        }
    }

    private void advanceTo(long nanos) {
        audioNanos = Math.max(audioNanos, nanos);
    }
}
