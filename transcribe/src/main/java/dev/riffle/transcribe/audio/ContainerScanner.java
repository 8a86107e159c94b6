package dev.riffle.transcribe.audio;

/**
 * Follows a FLAC or Ogg Opus byte stream fed in pieces of any size (a piece may end inside a frame, a page, or
 * a header) and reports the places where a whole amount of audio ends: the boundaries between FLAC frames and
 * the ends of Ogg pages. The chunker cuts at these boundaries and the {@link AudioClock} reads time from them,
 * so both agree on what a byte offset is worth.
 *
 * <p>Memory is bounded: a scanner keeps a header's worth of bytes at most, never a frame or a page. After a
 * {@linkplain #failure() failure} it ignores further input.
 */
interface ContainerScanner {

    /** Receives the boundaries in stream order. */
    @FunctionalInterface
    interface BoundarySink {
        /**
         * The first {@code streamOffset} bytes of the stream hold the audio up to {@code audioNanos} (time from
         * the start of the stream). Offsets grow; times never go back. Header bytes give boundaries at time 0.
         */
        void boundary(long streamOffset, long audioNanos);
    }

    /** Consumes {@code length} bytes of the stream from {@code bytes[offset]}. */
    void feed(byte[] bytes, int offset, int length, BoundarySink sink);

    /** The stream has ended: reports the boundary at its end if the last frame is whole, or fails. */
    void finish(BoundarySink sink);

    /** The rate and channels from the container's header, or null until that header has been read. */
    StreamLayout layout();

    /** Why the stream was found malformed, with the byte offset; null while it is fine. */
    String failure();

    /**
     * What the container's header says, unchecked against the service's limits (the caller words its own
     * refusal).
     *
     * @param sampleRate the rate the header declares (for Opus, the encoder's input rate, 0 if unknown)
     * @param channels   the channel count
     */
    record StreamLayout(int sampleRate, int channels) {
    }
}
