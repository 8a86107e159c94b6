package dev.riffle.eventstream;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * Big-endian absolute access to a {@link ByteBuffer} whatever byte order the caller has set on it (the wire is
 * always big-endian, and a caller's buffer is theirs to configure), and CRC-32 over a region without
 * allocating a view.
 */
final class Bytes {

    private Bytes() {
    }

    static int getInt(ByteBuffer b, int index) {
        int v = b.getInt(index);
        return b.order() == ByteOrder.BIG_ENDIAN ? v : Integer.reverseBytes(v);
    }

    static short getShort(ByteBuffer b, int index) {
        short v = b.getShort(index);
        return b.order() == ByteOrder.BIG_ENDIAN ? v : Short.reverseBytes(v);
    }

    static long getLong(ByteBuffer b, int index) {
        long v = b.getLong(index);
        return b.order() == ByteOrder.BIG_ENDIAN ? v : Long.reverseBytes(v);
    }

    static int getUnsignedShort(ByteBuffer b, int index) {
        return getShort(b, index) & 0xFFFF;
    }

    static void putInt(ByteBuffer b, int index, int value) {
        b.putInt(index, b.order() == ByteOrder.BIG_ENDIAN ? value : Integer.reverseBytes(value));
    }

    static void putShort(byte[] a, int index, int value) {
        a[index] = (byte) (value >>> 8);
        a[index + 1] = (byte) value;
    }

    static void putInt(byte[] a, int index, int value) {
        a[index] = (byte) (value >>> 24);
        a[index + 1] = (byte) (value >>> 16);
        a[index + 2] = (byte) (value >>> 8);
        a[index + 3] = (byte) value;
    }

    static void putLong(byte[] a, int index, long value) {
        putInt(a, index, (int) (value >>> 32));
        putInt(a, index + 4, (int) value);
    }

    /**
     * Adds {@code b[from, to)} to {@code crc}. Heap buffers go through the backing array; others through a
     * temporary position and limit on {@code b} itself, restored before returning, so no view is allocated.
     */
    static void updateCrc(CRC32 crc, ByteBuffer b, int from, int to) {
        if (b.hasArray()) {
            crc.update(b.array(), b.arrayOffset() + from, to - from);
            return;
        }
        int position = b.position();
        int limit = b.limit();
        frame(b, from, to);
        crc.update(b);
        b.limit(limit).position(position);
    }

    /** Sets {@code b}'s position to {@code from} and limit to {@code to}, in whichever order is legal. */
    static void frame(java.nio.Buffer b, int from, int to) {
        if (to > b.limit()) {
            b.limit(to).position(from);
        } else {
            b.position(from).limit(to);
        }
    }
}
