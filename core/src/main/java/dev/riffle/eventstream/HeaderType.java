package dev.riffle.eventstream;

/**
 * The ten header value types of the event-stream format, with their wire type byte. The set is closed: a
 * type byte outside 0..9 makes a message invalid.
 */
public enum HeaderType {
    /** Type 0: boolean {@code true}; no value bytes. */
    BOOLEAN_TRUE(0, 0),
    /** Type 1: boolean {@code false}; no value bytes. */
    BOOLEAN_FALSE(1, 0),
    /** Type 2: signed 8-bit integer. */
    BYTE(2, 1),
    /** Type 3: signed 16-bit big-endian integer. */
    SHORT(3, 2),
    /** Type 4: signed 32-bit big-endian integer. */
    INTEGER(4, 4),
    /** Type 5: signed 64-bit big-endian integer. */
    LONG(5, 8),
    /** Type 6: uint16 length, then that many opaque bytes. */
    BYTE_ARRAY(6, -1),
    /** Type 7: uint16 length, then that many bytes of UTF-8. */
    STRING(7, -1),
    /** Type 8: signed 64-bit big-endian milliseconds since the Unix epoch. */
    TIMESTAMP(8, 8),
    /** Type 9: 16 bytes, most significant first (RFC 9562 byte order). */
    UUID(9, EventStreamConstants.UUID_LENGTH);

    private static final HeaderType[] BY_WIRE_ID = values();

    private final int wireId;
    private final int fixedValueLength;

    HeaderType(int wireId, int fixedValueLength) {
        this.wireId = wireId;
        this.fixedValueLength = fixedValueLength;
    }

    /** The type byte written on the wire. */
    public int wireId() {
        return wireId;
    }

    /** Whether the value is preceded by a uint16 length (byte array and string). */
    public boolean isVariableLength() {
        return fixedValueLength < 0;
    }

    /**
     * The number of value bytes for a fixed-length type.
     *
     * @throws IllegalStateException for byte array and string, whose length is on the wire
     */
    public int fixedValueLength() {
        if (fixedValueLength < 0) {
            throw new IllegalStateException(this + " has a variable length");
        }
        return fixedValueLength;
    }

    /**
     * The type for a wire type byte.
     *
     * @param wireId the unsigned type byte
     * @return the type, or {@code null} if the byte is not one of the ten types
     */
    public static HeaderType fromWireId(int wireId) {
        return wireId >= 0 && wireId < BY_WIRE_ID.length ? BY_WIRE_ID[wireId] : null;
    }
}
