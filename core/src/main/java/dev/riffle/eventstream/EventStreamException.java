package dev.riffle.eventstream;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Malformed or unacceptable event-stream input: the one exception type of the codec's decoding side.
 *
 * <p>It carries a {@link Reason} code, the byte offset in the decoded stream of the field at fault (bytes counted
 * from the first byte ever fed to the decoder), and for checksum failures the expected and the computed CRC. The
 * message begins with the reason's name, so logs are greppable.
 *
 * <p>These exceptions are raised by bytes a peer controls, so they are built without a stack trace: a hostile
 * peer must not be able to make the decoder spend its time filling them in. The reason, offset and checksums say
 * where the input went wrong; the caller's own stack says where it was being read.
 */
public final class EventStreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why input was rejected, in the order the decoder checks. */
    public enum Reason {
        /** The CRC-32 of the first 8 bytes does not match {@code prelude_crc}. */
        PRELUDE_CHECKSUM_MISMATCH,
        /** {@code total_length} is below the 16-byte minimum. */
        LENGTH_OUT_OF_RANGE,
        /** A configured limit was exceeded: message length, headers length, header count or a value's length. */
        LIMIT_EXCEEDED,
        /** {@code headers_length} is larger than {@code total_length - 16}. */
        HEADERS_LENGTH_MISMATCH,
        /** The CRC-32 of everything before {@code message_crc} does not match it. */
        MESSAGE_CHECKSUM_MISMATCH,
        /** A header name is zero bytes long, or runs past the end of the headers block. */
        HEADER_NAME_LENGTH,
        /** A header's type byte is not one of 0..9. */
        UNKNOWN_HEADER_TYPE,
        /** A header's type byte, length prefix or value runs past the end of the headers block. */
        VALUE_OVERRUNS_BLOCK,
        /** A header name or string value is not valid UTF-8. */
        INVALID_UTF8,
        /** A header name appears twice in one message (the spec says a name MUST appear only once). */
        DUPLICATE_HEADER,
        /** The input ended in the middle of a message, or held no message where one was required. */
        TRUNCATED_INPUT,
        /** More input follows the one message that was required ({@link Message#decode}). */
        TRAILING_INPUT
    }

    private final Reason reason;
    private final long offset;
    private final long expectedChecksum;
    private final long computedChecksum;

    private EventStreamException(Reason reason, long offset, String detail, long expected, long computed) {
        super(reason + " at byte " + offset + ": " + detail, null, false, false);
        this.reason = reason;
        this.offset = offset;
        this.expectedChecksum = expected;
        this.computedChecksum = computed;
    }

    static EventStreamException of(Reason reason, long offset, String detail) {
        return new EventStreamException(reason, offset, detail, -1, -1);
    }

    static EventStreamException checksum(Reason reason, long offset, int expected, int computed) {
        String detail = String.format(Locale.ROOT, "expected 0x%08x, computed 0x%08x", expected, computed);
        return new EventStreamException(reason, offset, detail,
                Integer.toUnsignedLong(expected), Integer.toUnsignedLong(computed));
    }

    /** Why the input was rejected. */
    public Reason reason() {
        return reason;
    }

    /** The offset, in bytes from the start of the decoded stream, of the field at fault. */
    public long offset() {
        return offset;
    }

    /** For checksum failures, the CRC-32 the input carries (unsigned); otherwise empty. */
    public OptionalLong expectedChecksum() {
        return expectedChecksum < 0 ? OptionalLong.empty() : OptionalLong.of(expectedChecksum);
    }

    /** For checksum failures, the CRC-32 computed over the input (unsigned); otherwise empty. */
    public OptionalLong computedChecksum() {
        return computedChecksum < 0 ? OptionalLong.empty() : OptionalLong.of(computedChecksum);
    }
}
