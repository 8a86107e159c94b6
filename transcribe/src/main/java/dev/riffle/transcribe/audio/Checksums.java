package dev.riffle.transcribe.audio;

/**
 * The three checksums the containers use, each MSB-first with a zero initial value and no final XOR: FLAC's
 * CRC-8 (polynomial 0x07) over a frame header, FLAC's CRC-16 (0x8005) over a whole frame, and Ogg's CRC-32
 * (0x04C11DB7) over a page. They are what lets a scanner tell a real frame start from a look-alike inside
 * compressed data.
 */
final class Checksums {

    private static final int[] CRC8 = table(0x07, 8);
    private static final int[] CRC16 = table(0x8005, 16);
    private static final int[] CRC32 = table(0x04C11DB7, 32);

    private Checksums() {
    }

    /** FLAC CRC-8 of {@code length} bytes from {@code offset}. */
    static int crc8(byte[] bytes, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc = CRC8[(crc ^ bytes[i]) & 0xFF];
        }
        return crc;
    }

    /** FLAC CRC-16 of {@code crc} extended by one byte; the CRC of a frame including its own CRC bytes is 0. */
    static int crc16(int crc, byte b) {
        return ((crc << 8) ^ CRC16[((crc >>> 8) ^ b) & 0xFF]) & 0xFFFF;
    }

    /** Ogg CRC-32 of {@code crc} extended by one byte. */
    static int crc32(int crc, byte b) {
        return (crc << 8) ^ CRC32[((crc >>> 24) ^ b) & 0xFF];
    }

    private static int[] table(int polynomial, int width) {
        int topBit = 1 << (width - 1);
        int mask = width == 32 ? -1 : (1 << width) - 1;
        int[] table = new int[256];
        for (int value = 0; value < 256; value++) {
            int crc = value << (width - 8);
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & topBit) != 0 ? (crc << 1) ^ polynomial : crc << 1;
            }
            table[value] = crc & mask;
        }
        return table;
    }
}
