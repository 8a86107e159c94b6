package dev.riffle.transcribe.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * Reads the start of an input ahead of time, so that its format can be sniffed and the bytes still sent. Works
 * on stdin, which cannot be rewound: what was looked at stays buffered until {@link #rest()} hands it back in
 * front of the unread remainder.
 */
final class LookAhead {

    private final InputStream in;
    private byte[] buffer = new byte[512];
    private int cursor;
    private int end;
    private long position;

    LookAhead(InputStream in) {
        this.in = in;
    }

    /**
     * Buffers bytes until {@code count} are available from the cursor or the input ends.
     *
     * @return how many are available from the cursor: {@code count}, or fewer at the end of the input
     */
    int fill(int count) throws IOException {
        if (end - cursor >= count) {
            return count;
        }
        if (cursor + count > buffer.length) {
            compact(count);
        }
        while (end - cursor < count) {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                break;
            }
            end += read;
        }
        return Math.min(count, end - cursor);
    }

    /** The unsigned byte {@code index} bytes after the cursor; {@link #fill} must have made it available. */
    int peek(int index) {
        return buffer[cursor + index] & 0xFF;
    }

    /** The little-endian unsigned 16-bit value {@code index} bytes after the cursor. */
    int peekUint16(int index) {
        return peek(index) | peek(index + 1) << 8;
    }

    /** The little-endian unsigned 32-bit value {@code index} bytes after the cursor. */
    long peekUint32(int index) {
        return peekUint16(index) | (long) peekUint16(index + 2) << 16;
    }

    /** Whether the bytes from {@code index} after the cursor are the ASCII characters of {@code text}. */
    boolean peekAscii(int index, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (peek(index + i) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The buffer that holds the available bytes, from {@link #cursorIndex()}; for feeding a scanner. */
    byte[] array() {
        return buffer;
    }

    int cursorIndex() {
        return cursor;
    }

    /** Bytes of the input consumed so far (skipped, not merely looked at). */
    long position() {
        return position;
    }

    /**
     * Consumes {@code count} bytes, reading and dropping what is not buffered yet.
     *
     * @return whether all of them were there (false: the input ended first)
     */
    boolean skip(long count) throws IOException {
        long buffered = Math.min(count, end - cursor);
        cursor += (int) buffered;
        position += buffered;
        long left = count - buffered;
        while (left > 0) {
            // skip() on a pipe may return 0 without being at the end; read() tells the two apart.
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return false;
            }
            left -= read;
            position += read;
        }
        if (count > buffered) {
            cursor = 0;
            end = 0;
        }
        return true;
    }

    /** The bytes from the cursor on: the buffered ones, then the rest of the input. */
    InputStream rest() {
        return new SequenceInputStream(new ByteArrayInputStream(buffer, cursor, end - cursor), in);
    }

    private void compact(int count) {
        int available = end - cursor;
        byte[] target = count > buffer.length ? Arrays.copyOf(buffer, Math.max(count, buffer.length * 2)) : buffer;
        System.arraycopy(buffer, cursor, target, 0, available);
        buffer = target;
        cursor = 0;
        end = available;
    }
}
