package dev.riffle.eventstream;

/**
 * Wire constants of the AWS event-stream framing ({@code application/vnd.amazon.eventstream}), named after
 * the Smithy "Amazon Event Stream Specification".
 *
 * <pre>
 *  offset  size  field
 *  0       4     total_length    uint32 BE, the whole message including these 4 bytes
 *  4       4     headers_length  uint32 BE, the headers block only
 *  8       4     prelude_crc     CRC-32 of bytes [0, 8)
 *  12      H     headers         name_len(u8) name type(u8) value, back to back
 *  12+H    P     payload         P = total_length - headers_length - 16
 *  total-4 4     message_crc     CRC-32 of bytes [0, total_length - 4), prelude CRC included
 * </pre>
 */
public final class EventStreamConstants {

    /** The content type of an event stream. */
    public static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

    /** Bytes of {@code total_length}, {@code headers_length} and {@code prelude_crc}. */
    public static final int PRELUDE_LENGTH = 12;

    /** Bytes of the two length fields covered by the prelude CRC. */
    public static final int PRELUDE_CHECKSUMMED_LENGTH = 8;

    /** Bytes of the trailing {@code message_crc}. */
    public static final int MESSAGE_CRC_LENGTH = 4;

    /** The smallest legal message: a prelude and a message CRC, no headers, no payload. */
    public static final int MIN_MESSAGE_LENGTH = PRELUDE_LENGTH + MESSAGE_CRC_LENGTH;

    /**
     * Default cap on {@code total_length}: 24 MiB, the limit the AWS CRT applies to the whole message
     * ({@code AWS_EVENT_STREAM_MAX_MESSAGE_SIZE}). The spec caps the payload at the same figure.
     */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 24 * 1024 * 1024;

    /** Default and spec cap on {@code headers_length}: 128 KiB of encoded headers. */
    public static final int DEFAULT_MAX_HEADERS_LENGTH = 128 * 1024;

    /** Default cap on the number of headers in one message, as the CRT ({@code AWS_EVENT_STREAM_MESSAGE_MAX_HEADERS}). */
    public static final int DEFAULT_MAX_HEADER_COUNT = 1024;

    /** A header name is 1 to 255 bytes of UTF-8 (spec grammar; the length is one unsigned byte). */
    public static final int MAX_HEADER_NAME_LENGTH = 255;

    /**
     * A string or byte-array value is at most 32,767 bytes: the spec grammar, aws-eventstream-java and the CRT,
     * although the uint16 length field could say 65,535.
     */
    public static final int MAX_HEADER_VALUE_LENGTH = Short.MAX_VALUE;

    /** Bytes of the uint16 length prefix of string and byte-array values. */
    public static final int VALUE_LENGTH_PREFIX = 2;

    /** Bytes of a uuid value. */
    public static final int UUID_LENGTH = 16;

    private EventStreamConstants() {
    }
}
