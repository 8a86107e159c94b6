package dev.riffle.eventstream;

import static dev.riffle.eventstream.EventStreamConstants.DEFAULT_MAX_HEADERS_LENGTH;
import static dev.riffle.eventstream.EventStreamConstants.DEFAULT_MAX_HEADER_COUNT;
import static dev.riffle.eventstream.EventStreamConstants.MAX_HEADER_VALUE_LENGTH;
import static dev.riffle.eventstream.EventStreamConstants.UUID_LENGTH;
import static dev.riffle.eventstream.EventStreamConstants.VALUE_LENGTH_PREFIX;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * A headers block in wire format, written one header at a time without building header objects: each
 * {@code add} method appends {@code name_len name type value} to a reusable byte array. Use one per thread and
 * {@link #clear()} it between messages; a block of constant headers can be built once and appended with
 * {@link #addAll(HeaderBlock)}.
 *
 * <p>The block enforces what the decoder enforces, so riffle never writes what it would refuse to read: names of
 * 1..255 bytes of UTF-8, string and byte-array values of at most 32,767 bytes (empty values are allowed), no
 * repeated name, at most 1,024 headers and at most 128 KiB in all. Violations throw {@link IllegalArgumentException} and leave the
 * block as it was.
 *
 * <p>Not thread-safe.
 */
public final class HeaderBlock {

    private byte[] bytes;
    private int length;
    private int count;
    private int[] positions = new int[8];
    /** Scratch for {@link String#getChars}, an intrinsic bulk copy, so that ASCII is not encoded char by char. */
    private char[] chars = new char[64];

    /** An empty block with room for typical headers. */
    public HeaderBlock() {
        this(128);
    }

    /** An empty block with room for {@code initialCapacity} bytes before it grows. */
    public HeaderBlock(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    /** Bytes written so far: the {@code headers_length} of a message carrying this block. */
    public int length() {
        return length;
    }

    /** Headers written so far. */
    public int count() {
        return count;
    }

    /** Empties the block, keeping its capacity. */
    public HeaderBlock clear() {
        length = 0;
        count = 0;
        return this;
    }

    /** Appends a boolean header (type 0 or 1). */
    public HeaderBlock addBoolean(String name, boolean value) {
        begin(name, value ? HeaderType.BOOLEAN_TRUE : HeaderType.BOOLEAN_FALSE, 0);
        return commit(0);
    }

    /** Appends a byte header (type 2). */
    public HeaderBlock addByte(String name, byte value) {
        int v = begin(name, HeaderType.BYTE, 1);
        bytes[v] = value;
        return commit(1);
    }

    /** Appends a short header (type 3). */
    public HeaderBlock addShort(String name, short value) {
        int v = begin(name, HeaderType.SHORT, 2);
        Bytes.putShort(bytes, v, value);
        return commit(2);
    }

    /** Appends an int header (type 4). */
    public HeaderBlock addInt(String name, int value) {
        int v = begin(name, HeaderType.INTEGER, 4);
        Bytes.putInt(bytes, v, value);
        return commit(4);
    }

    /** Appends a long header (type 5). */
    public HeaderBlock addLong(String name, long value) {
        int v = begin(name, HeaderType.LONG, 8);
        Bytes.putLong(bytes, v, value);
        return commit(8);
    }

    /** Appends a timestamp header (type 8) of milliseconds since the epoch. */
    public HeaderBlock addTimestamp(String name, long epochMillis) {
        int v = begin(name, HeaderType.TIMESTAMP, 8);
        Bytes.putLong(bytes, v, epochMillis);
        return commit(8);
    }

    /** Appends a timestamp header (type 8); the wire keeps milliseconds, finer precision is truncated. */
    public HeaderBlock addTimestamp(String name, Instant instant) {
        return addTimestamp(name, instant.toEpochMilli());
    }

    /** Appends a uuid header (type 9). */
    public HeaderBlock addUuid(String name, UUID value) {
        int v = begin(name, HeaderType.UUID, UUID_LENGTH);
        Bytes.putLong(bytes, v, value.getMostSignificantBits());
        Bytes.putLong(bytes, v + 8, value.getLeastSignificantBits());
        return commit(UUID_LENGTH);
    }

    /** Appends a string header (type 7), encoded as UTF-8. */
    public HeaderBlock addString(String name, String value) {
        int maxValueLength = Utf8.maxEncodedLength(value);
        if (maxValueLength > MAX_HEADER_VALUE_LENGTH) {
            maxValueLength = checkValueLength(Utf8.encodedLength(value)); // long: measure before making room
        }
        int v = begin(name, HeaderType.STRING, VALUE_LENGTH_PREFIX + maxValueLength);
        int valueLength = encodeUtf8(value, v + VALUE_LENGTH_PREFIX);
        Bytes.putShort(bytes, v, valueLength);
        return commit(VALUE_LENGTH_PREFIX + valueLength);
    }

    /** Appends a byte-array header (type 6), copying {@code value}. */
    public HeaderBlock addByteArray(String name, byte[] value) {
        return addByteArray(name, value, 0, value.length);
    }

    /** Appends a byte-array header (type 6), copying {@code value[offset, offset + length)}. */
    public HeaderBlock addByteArray(String name, byte[] value, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, value.length);
        checkValueLength(length);
        int v = begin(name, HeaderType.BYTE_ARRAY, VALUE_LENGTH_PREFIX + length);
        Bytes.putShort(bytes, v, length);
        System.arraycopy(value, offset, bytes, v + VALUE_LENGTH_PREFIX, length);
        return commit(VALUE_LENGTH_PREFIX + length);
    }

    /** Appends a byte-array header (type 6), copying {@code value}'s remaining bytes without consuming them. */
    public HeaderBlock addByteArray(String name, ByteBuffer value) {
        int valueLength = checkValueLength(value.remaining());
        int v = begin(name, HeaderType.BYTE_ARRAY, VALUE_LENGTH_PREFIX + valueLength);
        Bytes.putShort(bytes, v, valueLength);
        value.get(value.position(), bytes, v + VALUE_LENGTH_PREFIX, valueLength);
        return commit(VALUE_LENGTH_PREFIX + valueLength);
    }

    /** Appends a header of any type. */
    public HeaderBlock add(String name, HeaderValue value) {
        return switch (value.type()) {
            case BOOLEAN_TRUE, BOOLEAN_FALSE -> addBoolean(name, value.asBoolean());
            case BYTE -> addByte(name, value.asByte());
            case SHORT -> addShort(name, value.asShort());
            case INTEGER -> addInt(name, value.asInt());
            case LONG -> addLong(name, value.asLong());
            case BYTE_ARRAY -> addByteArray(name, ((HeaderValue.ByteArrayValue) value).asReadOnlyBuffer());
            case STRING -> addString(name, value.asString());
            case TIMESTAMP -> addTimestamp(name, value.asTimestampMillis());
            case UUID -> addUuid(name, value.asUuid());
        };
    }

    /** Appends a header. */
    public HeaderBlock add(Header header) {
        return add(header.name(), header.value());
    }

    /** Appends every header of {@code other}, already encoded, in order. */
    public HeaderBlock addAll(HeaderBlock other) {
        checkCount(count + other.count);
        if (length + other.length > DEFAULT_MAX_HEADERS_LENGTH) {
            throw new IllegalArgumentException("headers block would be " + (length + other.length)
                    + " bytes; the limit is " + DEFAULT_MAX_HEADERS_LENGTH);
        }
        int from = length;
        int fromCount = count;
        ensureCapacity(other.length);
        System.arraycopy(other.bytes, 0, bytes, length, other.length);
        for (int i = 0; i < other.count; i++) {
            int p = from + other.positions[i];
            recordPosition(p);
            if (indexOfName(p, count - 1) >= 0) {
                count = fromCount;
                throw new IllegalArgumentException("header '" + nameAt(p) + "' is already in the block");
            }
        }
        length = from + other.length;
        return this;
    }

    /** Copies the block into {@code dst} at its position, advancing it. */
    public void writeTo(ByteBuffer dst) {
        dst.put(bytes, 0, length);
    }

    /** The block as a new array. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The backing array; valid bytes are {@code [0, length())}. Package-private: the encoder reads it. */
    byte[] array() {
        return bytes;
    }

    // ---- internals ----

    /**
     * Writes name length, name and type at the end of the block, after making room for {@code maxValueLength}
     * value bytes, and returns the index where the value goes. Nothing counts as written until {@link #commit}.
     */
    private int begin(String name, HeaderType type, int maxValueLength) {
        if (name.length() > EventStreamConstants.MAX_HEADER_NAME_LENGTH) {
            Utf8.checkHeaderName(name); // over 255 chars is over 255 bytes: throws, naming the length
        }
        ensureCapacity(1 + Utf8.maxEncodedLength(name) + 1 + maxValueLength);
        int p = length;
        int nameLength = Utf8.checkHeaderNameLength(encodeUtf8(name, p + 1));
        bytes[p] = (byte) nameLength;
        if (indexOfName(p, count) >= 0) {
            throw new IllegalArgumentException("header '" + name + "' is already in the block");
        }
        bytes[p + 1 + nameLength] = (byte) type.wireId();
        return p + 2 + nameLength;
    }

    /** Counts the header begun at {@link #length} with {@code valueLength} value bytes, if the block has room. */
    private HeaderBlock commit(int valueLength) {
        checkCount(count + 1);
        int p = length;
        int end = p + 2 + (bytes[p] & 0xFF) + valueLength;
        if (end > DEFAULT_MAX_HEADERS_LENGTH) {
            throw new IllegalArgumentException("headers block would be " + end + " bytes; the limit is "
                    + DEFAULT_MAX_HEADERS_LENGTH);
        }
        recordPosition(p);
        length = end;
        return this;
    }

    /** Writes {@code s} as UTF-8 at {@code bytes[offset]}, where room has been made; returns its length. */
    private int encodeUtf8(String s, int offset) {
        int n = s.length();
        if (n > chars.length) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        s.getChars(0, n, chars, 0);
        int ascii = Utf8.encodeAsciiPrefix(chars, n, bytes, offset);
        return ascii == n ? n : Utf8.encode(s, ascii, bytes, offset);
    }

    /** The decoder refuses more than {@code DEFAULT_MAX_HEADER_COUNT} headers, so the block holds no more. */
    private static void checkCount(int wouldHold) {
        if (wouldHold > DEFAULT_MAX_HEADER_COUNT) {
            throw new IllegalArgumentException("headers block would hold " + wouldHold + " headers; the limit is "
                    + DEFAULT_MAX_HEADER_COUNT);
        }
    }

    private void recordPosition(int p) {
        if (count == positions.length) {
            positions = Arrays.copyOf(positions, count * 2);
        }
        positions[count++] = p;
    }

    /** Index among the first {@code limit} headers of one named like the name at {@code p}, or -1. */
    private int indexOfName(int p, int limit) {
        int nameLength = bytes[p] & 0xFF;
        for (int i = 0; i < limit; i++) {
            int q = positions[i];
            if ((bytes[q] & 0xFF) == nameLength
                    && Arrays.equals(bytes, p + 1, p + 1 + nameLength, bytes, q + 1, q + 1 + nameLength)) {
                return i;
            }
        }
        return -1;
    }

    private String nameAt(int p) {
        return new String(bytes, p + 1, bytes[p] & 0xFF, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int checkValueLength(int valueLength) {
        if (valueLength > MAX_HEADER_VALUE_LENGTH) {
            throw new IllegalArgumentException("header value is " + valueLength + " bytes; the limit is "
                    + MAX_HEADER_VALUE_LENGTH);
        }
        return valueLength;
    }

    /**
     * Makes room for {@code extra} more bytes. Callers may ask for an upper bound (UTF-8 is sized at three bytes
     * per char before it is written), so the array may briefly exceed the block's limit; the limit itself is checked
     * on the exact length in {@link #begin} and {@link #addAll}.
     */
    private void ensureCapacity(int extra) {
        int needed = length + extra;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, Math.min(DEFAULT_MAX_HEADERS_LENGTH, bytes.length * 2)));
        }
    }
}
