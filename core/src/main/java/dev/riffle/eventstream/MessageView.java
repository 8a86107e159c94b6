package dev.riffle.eventstream;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * A validated message as a view over the bytes it was decoded from: offsets into a buffer, no copies. Header
 * values are read from the wire bytes only when asked for; a string becomes a {@link String} only in
 * {@link #stringValue(int)}.
 *
 * <p>Ownership: the view and the bytes behind it are borrowed from the {@link MessageDecoder}, which reuses both.
 * A view is valid only inside {@link MessageListener#onMessage}. {@link #toMessage()} makes an owned copy.
 *
 * <p>Headers are addressed by their index in wire order, {@code 0 <= index < headerCount()}. Typed readers throw
 * {@link IllegalStateException} if the header is of another type and {@link IndexOutOfBoundsException} for a bad
 * index.
 */
public final class MessageView {

    private ByteBuffer buffer;
    private int start;
    private int totalLength;
    private int headersLength;
    private int preludeCrc;
    private int messageCrc;
    private long streamOffset;
    private int headerCount;
    private int[] headerPositions = new int[8];

    private ByteBuffer window;
    private ByteBuffer windowSource;

    MessageView() {
    }

    void reset(ByteBuffer buffer, int start, int totalLength, int headersLength, int preludeCrc, int messageCrc,
               long streamOffset) {
        this.buffer = buffer;
        this.start = start;
        this.totalLength = totalLength;
        this.headersLength = headersLength;
        this.preludeCrc = preludeCrc;
        this.messageCrc = messageCrc;
        this.streamOffset = streamOffset;
        this.headerCount = 0;
    }

    /** Records the absolute index of a header's name-length byte; called by the scanner in wire order. */
    void addHeader(int position) {
        if (headerCount == headerPositions.length) {
            headerPositions = java.util.Arrays.copyOf(headerPositions, headerCount * 2);
        }
        headerPositions[headerCount++] = position;
    }

    int headerPosition(int index) {
        return headerPositions[index];
    }

    ByteBuffer buffer() {
        return buffer;
    }

    // ---- prelude and trailer ----

    /** {@code total_length}: bytes in the whole message. */
    public int totalLength() {
        return totalLength;
    }

    /** {@code headers_length}: bytes in the headers block. */
    public int headersLength() {
        return headersLength;
    }

    /** Bytes of payload: {@code total_length - headers_length - 16}. */
    public int payloadLength() {
        return totalLength - headersLength - EventStreamConstants.MIN_MESSAGE_LENGTH;
    }

    /** {@code prelude_crc} as read (and verified), as a signed int; mask with {@code 0xFFFFFFFFL} for unsigned. */
    public int preludeCrc() {
        return preludeCrc;
    }

    /** {@code message_crc} as read (and verified), as a signed int. */
    public int messageCrc() {
        return messageCrc;
    }

    /** Offset of this message's first byte in the decoded stream. */
    public long streamOffset() {
        return streamOffset;
    }

    // ---- headers ----

    /** The number of headers. */
    public int headerCount() {
        return headerCount;
    }

    /** The index of the header named {@code name}, or -1. Allocates nothing for ASCII names. */
    public int indexOf(String name) {
        for (int i = 0; i < headerCount; i++) {
            if (headerNameEquals(i, name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether header {@code index} is named {@code name}. Allocates nothing for ASCII names. */
    public boolean headerNameEquals(int index, String name) {
        int p = position(index);
        return Utf8.equals(buffer, p + 1, buffer.get(p) & 0xFF, name);
    }

    /** The name of header {@code index}, decoded into a new String. */
    public String headerName(int index) {
        int p = position(index);
        return Utf8.decode(buffer, p + 1, buffer.get(p) & 0xFF);
    }

    /** The type of header {@code index}. */
    public HeaderType headerType(int index) {
        return HeaderType.fromWireId(buffer.get(typeIndex(position(index))) & 0xFF);
    }

    /** Header {@code index} as a boolean (type 0 or 1). */
    public boolean booleanValue(int index) {
        HeaderType type = headerType(index);
        if (type != HeaderType.BOOLEAN_TRUE && type != HeaderType.BOOLEAN_FALSE) {
            throw wrongType(index, type, HeaderType.BOOLEAN_TRUE);
        }
        return type == HeaderType.BOOLEAN_TRUE;
    }

    /** Header {@code index} as a byte (type 2). */
    public byte byteValue(int index) {
        return buffer.get(valueIndex(index, HeaderType.BYTE));
    }

    /** Header {@code index} as a short (type 3). */
    public short shortValue(int index) {
        return Bytes.getShort(buffer, valueIndex(index, HeaderType.SHORT));
    }

    /** Header {@code index} as an int (type 4). */
    public int intValue(int index) {
        return Bytes.getInt(buffer, valueIndex(index, HeaderType.INTEGER));
    }

    /** Header {@code index} as a long (type 5). */
    public long longValue(int index) {
        return Bytes.getLong(buffer, valueIndex(index, HeaderType.LONG));
    }

    /** Header {@code index} as milliseconds since the epoch (type 8). */
    public long timestampMillis(int index) {
        return Bytes.getLong(buffer, valueIndex(index, HeaderType.TIMESTAMP));
    }

    /** Header {@code index} as an instant (type 8). */
    public Instant timestamp(int index) {
        return Instant.ofEpochMilli(timestampMillis(index));
    }

    /** Header {@code index} as a UUID (type 9). */
    public UUID uuidValue(int index) {
        int v = valueIndex(index, HeaderType.UUID);
        return new UUID(Bytes.getLong(buffer, v), Bytes.getLong(buffer, v + 8));
    }

    /** Header {@code index} as a String (type 7), decoded now. */
    public String stringValue(int index) {
        int v = valueIndex(index, HeaderType.STRING);
        return Utf8.decode(buffer, v + 2, Bytes.getUnsignedShort(buffer, v));
    }

    /** Whether header {@code index} is a string equal to {@code expected}. Allocates nothing for ASCII. */
    public boolean stringValueEquals(int index, String expected) {
        int p = position(index);
        int t = typeIndex(p);
        if (buffer.get(t) != HeaderType.STRING.wireId()) {
            return false;
        }
        return Utf8.equals(buffer, t + 3, Bytes.getUnsignedShort(buffer, t + 1), expected);
    }

    /** A copy of header {@code index}'s bytes (type 6). */
    public byte[] byteArrayValue(int index) {
        int v = valueIndex(index, HeaderType.BYTE_ARRAY);
        byte[] copy = new byte[Bytes.getUnsignedShort(buffer, v)];
        buffer.get(v + 2, copy, 0, copy.length);
        return copy;
    }

    /** The length in bytes of a string or byte-array value, without reading it. */
    public int valueLength(int index) {
        int p = position(index);
        int t = typeIndex(p);
        HeaderType type = HeaderType.fromWireId(buffer.get(t) & 0xFF);
        return type.isVariableLength() ? Bytes.getUnsignedShort(buffer, t + 1) : type.fixedValueLength();
    }

    /** Header {@code index} as an owned value. */
    public HeaderValue headerValue(int index) {
        HeaderType type = headerType(index);
        return switch (type) {
            case BOOLEAN_TRUE -> HeaderValue.of(true);
            case BOOLEAN_FALSE -> HeaderValue.of(false);
            case BYTE -> HeaderValue.ofByte(byteValue(index));
            case SHORT -> HeaderValue.ofShort(shortValue(index));
            case INTEGER -> HeaderValue.ofInt(intValue(index));
            case LONG -> HeaderValue.ofLong(longValue(index));
            case BYTE_ARRAY -> HeaderValue.ofBytes(byteArrayValue(index));
            case STRING -> HeaderValue.ofString(stringValue(index));
            case TIMESTAMP -> HeaderValue.ofTimestampMillis(timestampMillis(index));
            case UUID -> HeaderValue.ofUuid(uuidValue(index));
        };
    }

    /** The string value of the header named {@code name}, or {@code null} if absent or not a string. */
    public String stringHeader(String name) {
        int i = indexOf(name);
        return i >= 0 && headerType(i) == HeaderType.STRING ? stringValue(i) : null;
    }

    // ---- payload ----

    /** Absolute index of the first payload byte in the buffer behind this view; for {@link #payload()}. */
    private int payloadStart() {
        return start + EventStreamConstants.PRELUDE_LENGTH + headersLength;
    }

    /**
     * The payload as a read-only buffer whose position and limit frame it (the position is generally not 0).
     *
     * <p>Ownership: borrowed, like the view. The returned buffer object is itself reused by later calls on this
     * view, so read it before calling {@code payload()} again.
     */
    public ByteBuffer payload() {
        if (windowSource != buffer) {
            window = buffer.asReadOnlyBuffer();
            windowSource = buffer;
        }
        int from = payloadStart();
        Bytes.frame(window, from, from + payloadLength());
        return window;
    }

    /** Copies the payload into {@code dst} at its position, advancing it. */
    public void copyPayloadTo(ByteBuffer dst) {
        dst.put(dst.position(), buffer, payloadStart(), payloadLength());
        dst.position(dst.position() + payloadLength());
    }

    /** A new array holding the payload. */
    public byte[] payloadBytes() {
        byte[] copy = new byte[payloadLength()];
        buffer.get(payloadStart(), copy, 0, copy.length);
        return copy;
    }

    /** Feeds the payload to {@code digest} without copying it. */
    public void digestPayload(MessageDigest digest) {
        int from = payloadStart();
        int to = from + payloadLength();
        if (buffer.hasArray()) {
            digest.update(buffer.array(), buffer.arrayOffset() + from, to - from);
            return;
        }
        int position = buffer.position();
        int limit = buffer.limit();
        Bytes.frame(buffer, from, to);
        digest.update(buffer);
        buffer.limit(limit).position(position);
    }

    /** Adds the payload to {@code crc} without copying it. */
    public void checksumPayload(CRC32 crc) {
        int from = payloadStart();
        Bytes.updateCrc(crc, buffer, from, from + payloadLength());
    }

    /** Copies the whole encoded message (prelude to message CRC) into {@code dst}, advancing it. */
    public void copyFrameTo(ByteBuffer dst) {
        dst.put(dst.position(), buffer, start, totalLength);
        dst.position(dst.position() + totalLength);
    }

    /** An owned, immutable copy of this message. */
    public Message toMessage() {
        List<Header> headers = new ArrayList<>(headerCount);
        for (int i = 0; i < headerCount; i++) {
            headers.add(new Header(headerName(i), headerValue(i)));
        }
        byte[] encodedHeaders = new byte[headersLength];
        buffer.get(start + EventStreamConstants.PRELUDE_LENGTH, encodedHeaders);
        return Message.ofDecoded(headers, encodedHeaders, payloadBytes());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MessageView[totalLength=").append(totalLength)
                .append(", headers={");
        for (int i = 0; i < headerCount; i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(headerName(i)).append(':').append(headerType(i));
        }
        return s.append("}, payloadLength=").append(payloadLength()).append(']').toString();
    }

    // ---- internals ----

    private int position(int index) {
        if (index < 0 || index >= headerCount) {
            throw new IndexOutOfBoundsException("header index " + index + " of " + headerCount);
        }
        return headerPositions[index];
    }

    private int typeIndex(int position) {
        return position + 1 + (buffer.get(position) & 0xFF);
    }

    private int valueIndex(int index, HeaderType expected) {
        int t = typeIndex(position(index));
        int wire = buffer.get(t) & 0xFF;
        if (wire != expected.wireId()) {
            throw wrongType(index, HeaderType.fromWireId(wire), expected);
        }
        return t + 1;
    }

    private IllegalStateException wrongType(int index, HeaderType actual, HeaderType requested) {
        return new IllegalStateException("header " + index + " (" + headerName(index) + ") is " + actual
                + ", not " + requested);
    }
}
