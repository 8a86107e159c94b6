package dev.riffle.eventstream;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An owned, immutable header value of one of the ten event-stream types.
 *
 * <p>Each type is a record; the typed accessors on this interface ({@link #asString()}, {@link #asLong()}, ...)
 * throw {@link IllegalStateException} when the value is of another type, so a caller that expects a type can
 * read it without a cast. Byte arrays are copied in and out, so a value can be shared freely.
 */
public sealed interface HeaderValue
        permits HeaderValue.BooleanValue, HeaderValue.ByteValue, HeaderValue.ShortValue, HeaderValue.IntegerValue,
        HeaderValue.LongValue, HeaderValue.ByteArrayValue, HeaderValue.StringValue, HeaderValue.TimestampValue,
        HeaderValue.UuidValue {

    /** The wire type of this value. */
    HeaderType type();

    /** A boolean value (type 0 or 1). */
    static HeaderValue of(boolean value) {
        return value ? BooleanValue.TRUE : BooleanValue.FALSE;
    }

    /** A byte value (type 2). */
    static HeaderValue ofByte(byte value) {
        return new ByteValue(value);
    }

    /** A short value (type 3). */
    static HeaderValue ofShort(short value) {
        return new ShortValue(value);
    }

    /** An integer value (type 4). */
    static HeaderValue ofInt(int value) {
        return new IntegerValue(value);
    }

    /** A long value (type 5). */
    static HeaderValue ofLong(long value) {
        return new LongValue(value);
    }

    /** A byte-array value (type 6); the array is copied. */
    static HeaderValue ofBytes(byte[] value) {
        return new ByteArrayValue(value);
    }

    /** A string value (type 7). */
    static HeaderValue ofString(String value) {
        return new StringValue(value);
    }

    /** A timestamp value (type 8) in milliseconds since the epoch. */
    static HeaderValue ofTimestampMillis(long epochMillis) {
        return new TimestampValue(epochMillis);
    }

    /** A timestamp value (type 8); the wire keeps milliseconds, so finer precision is truncated. */
    static HeaderValue ofTimestamp(Instant instant) {
        return new TimestampValue(instant.toEpochMilli());
    }

    /** A uuid value (type 9). */
    static HeaderValue ofUuid(java.util.UUID value) {
        return new UuidValue(value);
    }

    /** This value as a boolean; throws {@link IllegalStateException} for other types. */
    default boolean asBoolean() {
        throw wrongType(HeaderType.BOOLEAN_TRUE);
    }

    /** This value as a byte; throws {@link IllegalStateException} for other types. */
    default byte asByte() {
        throw wrongType(HeaderType.BYTE);
    }

    /** This value as a short; throws {@link IllegalStateException} for other types. */
    default short asShort() {
        throw wrongType(HeaderType.SHORT);
    }

    /** This value as an int; throws {@link IllegalStateException} for other types. */
    default int asInt() {
        throw wrongType(HeaderType.INTEGER);
    }

    /** This value as a long; throws {@link IllegalStateException} for other types. */
    default long asLong() {
        throw wrongType(HeaderType.LONG);
    }

    /** A copy of this byte-array value; throws {@link IllegalStateException} for other types. */
    default byte[] asBytes() {
        throw wrongType(HeaderType.BYTE_ARRAY);
    }

    /** This string value; throws {@link IllegalStateException} for other types. */
    default String asString() {
        throw wrongType(HeaderType.STRING);
    }

    /** This timestamp in milliseconds since the epoch; throws {@link IllegalStateException} for other types. */
    default long asTimestampMillis() {
        throw wrongType(HeaderType.TIMESTAMP);
    }

    /** This timestamp as an instant; throws {@link IllegalStateException} for other types. */
    default Instant asTimestamp() {
        return Instant.ofEpochMilli(asTimestampMillis());
    }

    /** This uuid value; throws {@link IllegalStateException} for other types. */
    default java.util.UUID asUuid() {
        throw wrongType(HeaderType.UUID);
    }

    private IllegalStateException wrongType(HeaderType requested) {
        return new IllegalStateException("header value is " + type() + ", not " + requested);
    }

    /** Types 0 and 1. */
    record BooleanValue(boolean value) implements HeaderValue {
        static final BooleanValue TRUE = new BooleanValue(true);
        static final BooleanValue FALSE = new BooleanValue(false);

        @Override
        public HeaderType type() {
            return value ? HeaderType.BOOLEAN_TRUE : HeaderType.BOOLEAN_FALSE;
        }

        @Override
        public boolean asBoolean() {
            return value;
        }
    }

    /** Type 2. */
    record ByteValue(byte value) implements HeaderValue {
        @Override
        public HeaderType type() {
            return HeaderType.BYTE;
        }

        @Override
        public byte asByte() {
            return value;
        }
    }

    /** Type 3. */
    record ShortValue(short value) implements HeaderValue {
        @Override
        public HeaderType type() {
            return HeaderType.SHORT;
        }

        @Override
        public short asShort() {
            return value;
        }
    }

    /** Type 4. */
    record IntegerValue(int value) implements HeaderValue {
        @Override
        public HeaderType type() {
            return HeaderType.INTEGER;
        }

        @Override
        public int asInt() {
            return value;
        }
    }

    /** Type 5. */
    record LongValue(long value) implements HeaderValue {
        @Override
        public HeaderType type() {
            return HeaderType.LONG;
        }

        @Override
        public long asLong() {
            return value;
        }
    }

    /**
     * Type 6. The record owns a private copy of the bytes; {@link #value()} and {@link #asBytes()} return
     * copies.
     *
     * @param value the bytes, copied on the way in and on the way out
     */
    record ByteArrayValue(byte[] value) implements HeaderValue {
        /** Copies {@code value}; at most {@value EventStreamConstants#MAX_HEADER_VALUE_LENGTH} bytes. */
        public ByteArrayValue {
            Objects.requireNonNull(value, "value");
            if (value.length > EventStreamConstants.MAX_HEADER_VALUE_LENGTH) {
                throw new IllegalArgumentException("byte-array header value is " + value.length
                        + " bytes; the limit is " + EventStreamConstants.MAX_HEADER_VALUE_LENGTH);
            }
            value = value.clone();
        }

        @Override
        public HeaderType type() {
            return HeaderType.BYTE_ARRAY;
        }

        /** A copy of the bytes: the record's own stay private, so a caller cannot change a header. */
        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public byte[] asBytes() {
            return value.clone();
        }

        /** The number of bytes. */
        public int length() {
            return value.length;
        }

        /** A read-only view of the bytes, without copying. */
        public ByteBuffer asReadOnlyBuffer() {
            return ByteBuffer.wrap(value).asReadOnlyBuffer();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByteArrayValue that && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "ByteArrayValue[base64=" + Base64.getEncoder().encodeToString(value) + "]";
        }
    }

    /** Type 7; at most {@value EventStreamConstants#MAX_HEADER_VALUE_LENGTH} bytes once encoded as UTF-8. */
    record StringValue(String value) implements HeaderValue {
        /** Checks that the value encodes to valid UTF-8 within the length limit. */
        public StringValue {
            Objects.requireNonNull(value, "value");
            int length = Utf8.encodedLength(value);
            if (length > EventStreamConstants.MAX_HEADER_VALUE_LENGTH) {
                throw new IllegalArgumentException("string header value is " + length
                        + " bytes of UTF-8; the limit is " + EventStreamConstants.MAX_HEADER_VALUE_LENGTH);
            }
        }

        @Override
        public HeaderType type() {
            return HeaderType.STRING;
        }

        @Override
        public String asString() {
            return value;
        }
    }

    /** Type 8, in milliseconds since the epoch. */
    record TimestampValue(long epochMillis) implements HeaderValue {
        @Override
        public HeaderType type() {
            return HeaderType.TIMESTAMP;
        }

        @Override
        public long asTimestampMillis() {
            return epochMillis;
        }
    }

    /** Type 9. */
    record UuidValue(java.util.UUID value) implements HeaderValue {
        /** Rejects {@code null}. */
        public UuidValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public HeaderType type() {
            return HeaderType.UUID;
        }

        @Override
        public java.util.UUID asUuid() {
            return value;
        }
    }
}
