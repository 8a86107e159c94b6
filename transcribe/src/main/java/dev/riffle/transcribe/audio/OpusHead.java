package dev.riffle.transcribe.audio;

/**
 * The identification header of an Ogg Opus stream (RFC 7845, section 5.1), the first packet of its first page.
 *
 * @param channels        output channels
 * @param preSkip         samples at 48 kHz to drop from the start of the decoded audio (encoder delay)
 * @param inputSampleRate the rate of the audio the encoder was given, 0 if not known; informational only, Opus
 *                        always decodes at 48 kHz
 */
record OpusHead(int channels, int preSkip, long inputSampleRate) {

    /** The magic signature that starts the packet. */
    static final String MAGIC = "OpusHead";
    /** The shortest valid packet: magic, version, channels, pre-skip, rate, gain, mapping family. */
    static final int MIN_LENGTH = 19;

    /** The header in the packet at {@code offset}, or null if it is not a valid OpusHead of version 0.x. */
    static OpusHead parse(byte[] bytes, int offset, int length) {
        if (length < MIN_LENGTH) {
            return null;
        }
        for (int i = 0; i < MAGIC.length(); i++) {
            if (bytes[offset + i] != MAGIC.charAt(i)) {
                return null;
            }
        }
        int version = bytes[offset + 8] & 0xFF;
        int channels = bytes[offset + 9] & 0xFF;
        // Versions 0-15 share one layout; a new major version may change it, so it is refused.
        if (version > 15 || channels == 0) {
            return null;
        }
        int preSkip = (int) Bytes.littleEndian(bytes, offset + 10, 2);
        long inputSampleRate = Bytes.littleEndian(bytes, offset + 12, 4);
        return new OpusHead(channels, preSkip, inputSampleRate);
    }
}
