package dev.riffle.eventstream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 for header names and string values, without intermediate arrays on the ASCII path. Strict: unpaired
 * surrogates are refused on encode, and overlong forms, surrogate code points and values above U+10FFFF are
 * refused on decode (RFC 3629), so that what riffle writes and what it accepts are the same set.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The number of UTF-8 bytes of {@code s}; throws {@link IllegalArgumentException} on an unpaired surrogate. */
    static int encodedLength(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2; // 4 bytes for 2 chars
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate at index " + i + " cannot be encoded as UTF-8");
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /** The most bytes {@code s} can take as UTF-8: three per UTF-16 char (a surrogate pair takes four for two). */
    static int maxEncodedLength(String s) {
        return 3 * s.length();
    }

    /**
     * Writes {@code s} as UTF-8 at {@code dst[offset]} in one pass and returns the number of bytes. The caller has
     * made room for {@link #maxEncodedLength} or {@link #encodedLength} bytes; throws
     * {@link IllegalArgumentException} on an unpaired surrogate.
     */
    static int encode(String s, byte[] dst, int offset) {
        return encode(s, 0, dst, offset);
    }

    /**
     * As {@link #encode(String, byte[], int)}, with the first {@code asciiPrefix} chars already known to be ASCII
     * and already written at {@code dst[offset]}.
     */
    static int encode(String s, int asciiPrefix, byte[] dst, int offset) {
        int p = offset + asciiPrefix;
        int n = s.length();
        int i = asciiPrefix;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                dst[p++] = (byte) c;
            } else if (c < 0x800) {
                dst[p++] = (byte) (0xC0 | (c >> 6));
                dst[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                dst[p++] = (byte) (0xF0 | (cp >> 18));
                dst[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                dst[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                dst[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate at index " + i + " cannot be encoded as UTF-8");
            } else {
                dst[p++] = (byte) (0xE0 | (c >> 12));
                dst[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                dst[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p - offset;
    }

    /** Checks that {@code name} is 1 to 255 bytes of UTF-8 and returns that length. */
    static int checkHeaderName(String name) {
        return checkHeaderNameLength(encodedLength(name));
    }

    /** Checks that an encoded name length is 1 to 255 and returns it. */
    static int checkHeaderNameLength(int length) {
        if (length < 1 || length > EventStreamConstants.MAX_HEADER_NAME_LENGTH) {
            throw new IllegalArgumentException("header name must be 1 to " + EventStreamConstants.MAX_HEADER_NAME_LENGTH
                    + " bytes of UTF-8, was " + length);
        }
        return length;
    }

    /** Whether no byte of {@code buffer[from, to)} has its high bit set, checked eight bytes at a time. */
    static boolean isAscii(ByteBuffer buffer, int from, int to) {
        int i = from;
        long bits = 0;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            bits |= buffer.getLong(i);
        }
        for (; i < to; i++) {
            bits |= buffer.get(i);
        }
        return (bits & 0x8080808080808080L) == 0;
    }

    /**
     * Validates {@code buffer[from, to)} as UTF-8.
     *
     * @return -1 if valid, else the absolute index of the first byte of the first invalid sequence
     */
    static int firstInvalid(ByteBuffer buffer, int from, int to) {
        int i = from;
        // ASCII fast path, eight bytes per step: no byte has its high bit set (byte order does not matter here).
        while (i + Long.BYTES <= to && (buffer.getLong(i) & 0x8080808080808080L) == 0) {
            i += Long.BYTES;
        }
        while (i < to) {
            int b = buffer.get(i);
            if (b >= 0) {
                i++;
                continue;
            }
            int start = i;
            b &= 0xFF;
            int need;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return start; // continuation byte, overlong lead C0/C1, or F5..FF
            }
            int cp = b & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                if (i + k >= to) {
                    return start;
                }
                int c = buffer.get(i + k) & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return start;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return start;
            }
            i += need + 1;
        }
        return -1;
    }

    /** Decodes {@code buffer[from, from + length)}, which has been validated, into a String. */
    static String decode(ByteBuffer buffer, int from, int length) {
        if (buffer.hasArray()) {
            return new String(buffer.array(), buffer.arrayOffset() + from, length, StandardCharsets.UTF_8);
        }
        byte[] copy = new byte[length];
        buffer.get(from, copy, 0, length);
        return new String(copy, StandardCharsets.UTF_8);
    }

    /**
     * Writes the ASCII prefix of {@code chars[0, n)} to {@code dst[offset]} and returns its length; the caller
     * finishes any non-ASCII rest with {@link #encode(String, int, byte[], int)}.
     */
    static int encodeAsciiPrefix(char[] chars, int n, byte[] dst, int offset) {
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                return i;
            }
            dst[offset + i] = (byte) c;
        }
        return n;
    }

    /** Whether {@code buffer[from, from + length)} is the UTF-8 encoding of {@code s}, without allocating for ASCII. */
    static boolean equals(ByteBuffer buffer, int from, int length, String s) {
        int n = s.length();
        if (n == length) {
            return asciiEquals(buffer, from, s);
        }
        if (n > length) {
            return false; // every char needs at least one byte
        }
        int p = from;
        int end = from + length;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return decode(buffer, from, length).equals(s);
            }
            if (p >= end || buffer.get(p++) != (byte) c) {
                return false;
            }
        }
        return p == end;
    }

    /**
     * {@link #equals} where the byte length equals {@code s.length()}. Then they are equal only if every char is
     * ASCII (any other char, surrogates included, takes more than one byte per char) and each byte is its char,
     * so the comparison goes eight bytes per step and never needs to decode. This is the common case: an event
     * type compared with the name it should have.
     */
    private static boolean asciiEquals(ByteBuffer buffer, int from, String s) {
        int n = s.length();
        int charBits = 0;
        int i = 0;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            long chars = 0;
            for (int k = 0; k < Long.BYTES; k++) {
                char c = s.charAt(i + k);
                charBits |= c;
                chars = chars << 8 | c;
            }
            if (chars != Bytes.getLong(buffer, from + i)) {
                return false;
            }
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            charBits |= c;
            if (buffer.get(from + i) != (byte) c) {
                return false;
            }
        }
        return charBits < 0x80;
    }
}
