package dev.riffle.eventstream;

import static dev.riffle.eventstream.EventStreamConstants.DEFAULT_MAX_MESSAGE_LENGTH;
import static dev.riffle.eventstream.EventStreamConstants.MESSAGE_CRC_LENGTH;
import static dev.riffle.eventstream.EventStreamConstants.MIN_MESSAGE_LENGTH;
import static dev.riffle.eventstream.EventStreamConstants.PRELUDE_CHECKSUMMED_LENGTH;
import static dev.riffle.eventstream.EventStreamConstants.PRELUDE_LENGTH;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Writes event-stream messages into caller-supplied buffers, heap or direct.
 *
 * <p>Two shapes:
 * <ul>
 * <li>{@link #encode(HeaderBlock, ByteBuffer, ByteBuffer)}: the whole message into one buffer;</li>
 * <li>{@link #encodeHead(HeaderBlock, ByteBuffer, ByteBuffer)}: prelude and headers only, returning the message
 * CRC computed across them and the payload, so a transport can send {@code head}, the payload buffer and the
 * 4-byte CRC as separate pieces without ever copying the payload.</li>
 * </ul>
 * {@link #encodedLength(int, int)} reports the exact size first. Neither method allocates.
 *
 * <p>The encoder refuses a message over 24 MiB ({@link EventStreamConstants#DEFAULT_MAX_MESSAGE_LENGTH}), the
 * default limit of every decoder that follows the spec, so it never writes what a default reader refuses.
 *
 * <p>Ownership: buffers passed in stay the caller's. The payload's position and limit are left as they were;
 * {@code dst}'s position is advanced past what was written. Not thread-safe (one CRC state per encoder); an
 * encoder is cheap, use one per thread or connection.
 */
public final class MessageEncoder {

    private final CRC32 crc = new CRC32();

    /** A new encoder. */
    public MessageEncoder() {
    }

    /**
     * The encoded size of a message with {@code headersLength} bytes of headers and {@code payloadLength} bytes of
     * payload.
     *
     * @throws IllegalArgumentException if that is over 24 MiB
     */
    public static int encodedLength(int headersLength, int payloadLength) {
        long total = (long) MIN_MESSAGE_LENGTH + headersLength + payloadLength;
        if (headersLength < 0 || payloadLength < 0 || total > DEFAULT_MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("a message of " + headersLength + " header bytes and " + payloadLength
                    + " payload bytes is over the " + DEFAULT_MAX_MESSAGE_LENGTH + "-byte limit");
        }
        return (int) total;
    }

    /**
     * Writes a whole message: prelude, {@code headers}, {@code payload}'s remaining bytes, message CRC.
     *
     * @return the number of bytes written, {@link #encodedLength(int, int)}
     * @throws BufferOverflowException if {@code dst} has less room than that; nothing is written then
     */
    public int encode(HeaderBlock headers, ByteBuffer payload, ByteBuffer dst) {
        return encode(headers.array(), headers.length(), payload, dst);
    }

    /**
     * Writes only the prelude and {@code headers} into {@code dst}, and computes the message CRC as if
     * {@code payload}'s remaining bytes followed. The caller then sends {@code dst}'s bytes, the payload, and the
     * returned CRC as 4 big-endian bytes, in that order.
     *
     * @return the message CRC
     * @throws BufferOverflowException if {@code dst} has less room than {@code 12 + headers.length()}
     */
    public int encodeHead(HeaderBlock headers, ByteBuffer payload, ByteBuffer dst) {
        int headersLength = headers.length();
        int payloadLength = payload.remaining();
        int total = encodedLength(headersLength, payloadLength);
        int headLength = PRELUDE_LENGTH + headersLength;
        if (dst.remaining() < headLength) {
            throw new BufferOverflowException();
        }
        int start = dst.position();
        writePrelude(dst, start, total, headersLength);
        dst.put(start + PRELUDE_LENGTH, headers.array(), 0, headersLength);
        Bytes.updateCrc(crc, dst, start + PRELUDE_CHECKSUMMED_LENGTH, start + headLength);
        Bytes.updateCrc(crc, payload, payload.position(), payload.limit());
        dst.position(start + headLength);
        return (int) crc.getValue();
    }

    /** Writes {@code message} whole into {@code dst}; see {@link #encode(HeaderBlock, ByteBuffer, ByteBuffer)}. */
    public int encode(Message message, ByteBuffer dst) {
        byte[] headers = message.encodedHeaders();
        return encode(headers, headers.length, message.payloadBuffer(), dst);
    }

    private int encode(byte[] headers, int headersLength, ByteBuffer payload, ByteBuffer dst) {
        int payloadLength = payload.remaining();
        int total = encodedLength(headersLength, payloadLength);
        if (dst.remaining() < total) {
            throw new BufferOverflowException();
        }
        int start = dst.position();
        writePrelude(dst, start, total, headersLength);
        int p = start + PRELUDE_LENGTH;
        dst.put(p, headers, 0, headersLength);
        p += headersLength;
        dst.put(p, payload, payload.position(), payloadLength);
        p += payloadLength;
        Bytes.updateCrc(crc, dst, start + PRELUDE_CHECKSUMMED_LENGTH, p);
        Bytes.putInt(dst, p, (int) crc.getValue());
        dst.position(start + total);
        return total;
    }

    /** Writes the prelude at {@code dst[start]} and leaves {@link #crc} holding the CRC of its first 8 bytes. */
    private void writePrelude(ByteBuffer dst, int start, int total, int headersLength) {
        Bytes.putInt(dst, start, total);
        Bytes.putInt(dst, start + 4, headersLength);
        crc.reset();
        Bytes.updateCrc(crc, dst, start, start + PRELUDE_CHECKSUMMED_LENGTH);
        Bytes.putInt(dst, start + PRELUDE_CHECKSUMMED_LENGTH, (int) crc.getValue());
    }

    /** Bytes of the trailing CRC that follows the payload in the two-piece form. */
    public static int trailerLength() {
        return MESSAGE_CRC_LENGTH;
    }
}
