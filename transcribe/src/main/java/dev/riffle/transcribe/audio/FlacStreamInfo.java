package dev.riffle.transcribe.audio;

/**
 * The STREAMINFO metadata block every FLAC stream starts with (RFC 9639, section 8.2): the values a frame header
 * may leave out, and the ones a frame header is checked against.
 *
 * @param minBlockSize  smallest block, in samples (the last block may be smaller)
 * @param maxBlockSize  largest block, in samples
 * @param sampleRate    in Hz
 * @param channels      1 to 8
 * @param bitsPerSample 4 to 32
 * @param totalSamples  samples per channel in the stream, 0 if the encoder did not know
 */
record FlacStreamInfo(int minBlockSize, int maxBlockSize, int sampleRate, int channels, int bitsPerSample,
        long totalSamples) {

    /** The block's length in bytes, without its 4-byte block header. */
    static final int LENGTH = 34;

    /** Reads the block body at {@code offset} ({@link #LENGTH} bytes). */
    static FlacStreamInfo parse(byte[] bytes, int offset) {
        int minBlock = (int) Bytes.bigEndian(bytes, offset, 2);
        int maxBlock = (int) Bytes.bigEndian(bytes, offset + 2, 2);
        // Bytes 4-9 are the frame size bounds, which encoders writing to a pipe leave at 0; not used.
        long packed = Bytes.bigEndian(bytes, offset + 10, 8);
        int sampleRate = (int) (packed >>> 44);
        int channels = (int) (packed >>> 41 & 0x7) + 1;
        int bitsPerSample = (int) (packed >>> 36 & 0x1F) + 1;
        long totalSamples = packed & 0xF_FFFF_FFFFL;
        return new FlacStreamInfo(minBlock, maxBlock, sampleRate, channels, bitsPerSample, totalSamples);
    }
}
