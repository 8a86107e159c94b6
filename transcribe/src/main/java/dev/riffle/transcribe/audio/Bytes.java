package dev.riffle.transcribe.audio;

/** Unsigned integers read from a byte array: FLAC is big-endian, WAV and Ogg little-endian. */
final class Bytes {

    private Bytes() {
    }

    /** The big-endian value of {@code length} (at most 8) bytes from {@code offset}. */
    static long bigEndian(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = value << 8 | bytes[offset + i] & 0xFF;
        }
        return value;
    }

    /** The little-endian value of {@code length} (at most 8) bytes from {@code offset}. */
    static long littleEndian(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value << 8 | bytes[offset + i] & 0xFF;
        }
        return value;
    }
}
