package dev.riffle.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Lower-case hexadecimal, as SigV4 writes hashes and signatures. */
final class Hex {

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Hex() {
    }

    /** {@code bytes} as lower-case hex. */
    static String encode(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        encode(bytes, 0, bytes.length, out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /** Writes {@code bytes[from, from + length)} as hex at {@code out[offset]}; returns the end offset. */
    static int encode(byte[] bytes, int from, int length, byte[] out, int offset) {
        int p = offset;
        for (int i = from; i < from + length; i++) {
            out[p++] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[p++] = DIGITS[bytes[i] & 0xF];
        }
        return p;
    }

    /** Parses lower- or upper-case hex; throws {@link IllegalArgumentException} on anything else. */
    static byte[] decode(CharSequence hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex of odd length " + hex.length());
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(hex.charAt(2 * i)) << 4 | digit(hex.charAt(2 * i + 1)));
        }
        return out;
    }

    private static int digit(char c) {
        if (!HexFormat.isHexDigit(c)) { // ASCII only, unlike Character.digit
            throw new IllegalArgumentException("not a hex digit: '" + c + "'");
        }
        return HexFormat.fromHexDigit(c);
    }
}
