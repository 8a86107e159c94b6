package dev.riffle.transcribe.audio;

/**
 * A FLAC frame header (RFC 9639, section 9.1). FLAC frames carry no length, so the only way to find where one
 * ends without decoding it is to find where the next one starts: a sync code, fields that make sense, and a
 * matching CRC-8. This class checks all three for one candidate position.
 *
 * @param length            bytes of the header, CRC-8 included (6 to 16)
 * @param variableBlockSize the blocking strategy: {@code number} counts samples, not frames
 * @param number            the frame number (fixed block size) or the number of the first sample (variable)
 * @param blockSize         samples per channel in the frame
 * @param sampleRate        in Hz, or 0 for "as in STREAMINFO"
 * @param channels          channel count (the stereo decorrelation modes count as 2)
 * @param bitsPerSample     or 0 for "as in STREAMINFO"
 */
record FlacFrameHeader(int length, boolean variableBlockSize, long number, int blockSize, int sampleRate,
        int channels, int bitsPerSample) {

    /** The longest header: 4 fixed bytes, a 7-byte coded number, 2 bytes each of block size and rate, CRC-8. */
    static final int MAX_LENGTH = 16;

    /** The result for a candidate that looks right so far but needs more bytes to be judged. */
    static final FlacFrameHeader INCOMPLETE = new FlacFrameHeader(0, false, 0, 0, 0, 0, 0);

    private static final int[] SAMPLE_RATES = {
        0, 88_200, 176_400, 192_000, 8_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000, 96_000,
    };
    private static final int[] BITS_PER_SAMPLE = {0, 8, 12, -1, 16, 20, 24, 32};

    /**
     * The header at {@code offset}, given {@code available} bytes there.
     *
     * @return the header; {@link #INCOMPLETE} if the bytes end before a verdict; null if it is not a header
     */
    static FlacFrameHeader parse(byte[] bytes, int offset, int available) {
        if (available < 2) {
            return available == 1 && bytes[offset] != (byte) 0xFF ? null : INCOMPLETE;
        }
        if (!syncCode(bytes, offset)) {
            return null;
        }
        if (available < 4) {
            return INCOMPLETE;
        }
        int sizeCode = (bytes[offset + 2] & 0xFF) >>> 4;
        int rateCode = bytes[offset + 2] & 0x0F;
        int channelCode = (bytes[offset + 3] & 0xFF) >>> 4;
        int depthCode = (bytes[offset + 3] & 0x0E) >>> 1;
        boolean reservedBit = (bytes[offset + 3] & 0x01) != 0;
        if (sizeCode == 0 || rateCode == 15 || channelCode > 10
                || BITS_PER_SAMPLE[depthCode] < 0 || reservedBit) {
            return null;
        }
        boolean variable = (bytes[offset + 1] & 0x01) != 0;

        // The coded number: UTF-8's scheme stretched to 36 bits; the first byte's leading ones give the length.
        if (available < 5) {
            return INCOMPLETE;
        }
        int first = bytes[offset + 4] & 0xFF;
        int numberLength = first < 0x80 ? 1 : Integer.numberOfLeadingZeros(~first << 24);
        if (numberLength == 1 && first >= 0x80 || numberLength > (variable ? 7 : 6)) {
            return null;
        }
        int position = 4 + numberLength;
        if (available < position) {
            return INCOMPLETE;
        }
        long number = numberLength == 1 ? first : first & (0x7F >>> numberLength);
        for (int i = 5; i < position; i++) {
            int next = bytes[offset + i] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                return null;
            }
            number = number << 6 | next & 0x3F;
        }

        int sizeBytes = sizeCode == 6 ? 1 : sizeCode == 7 ? 2 : 0;
        int rateBytes = rateCode == 12 ? 1 : rateCode == 13 || rateCode == 14 ? 2 : 0;
        int length = position + sizeBytes + rateBytes + 1;
        if (available < length) {
            return INCOMPLETE;
        }
        int blockSize = blockSize(sizeCode, (int) Bytes.bigEndian(bytes, offset + position, sizeBytes));
        int sampleRate = sampleRate(rateCode, (int) Bytes.bigEndian(bytes, offset + position + sizeBytes, rateBytes));
        if (blockSize > 65_535 || Checksums.crc8(bytes, offset, length - 1) != (bytes[offset + length - 1] & 0xFF)) {
            return null;
        }
        int channels = channelCode <= 7 ? channelCode + 1 : 2;
        return new FlacFrameHeader(length, variable, number, blockSize, sampleRate, channels,
                BITS_PER_SAMPLE[depthCode]);
    }

    /** Whether {@code bytes[offset]} starts the 14-bit sync code followed by the reserved 0 bit. */
    private static boolean syncCode(byte[] bytes, int offset) {
        return bytes[offset] == (byte) 0xFF && (bytes[offset + 1] & 0xFE) == 0xF8;
    }

    private static int blockSize(int code, int extra) {
        if (code == 1) {
            return 192;
        }
        if (code <= 5) {
            return 576 << (code - 2);
        }
        if (code <= 7) {
            return extra + 1;
        }
        return 256 << (code - 8);
    }

    private static int sampleRate(int code, int extra) {
        return switch (code) {
            case 12 -> extra * 1000;
            case 13 -> extra;
            case 14 -> extra * 10;
            default -> SAMPLE_RATES[code];
        };
    }
}
