package dev.riffle.cli.frames;

import dev.riffle.eventstream.EventStreamConstants;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageEncoder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One frame as described by a line of JSON: headers already checked and encoded, the payload, and the length and
 * CRC fields the line gave, if any.
 *
 * @param headers       the encoded headers
 * @param payload       the payload bytes
 * @param totalLength   {@code total_length} as given, or null
 * @param headersLength {@code headers_length} as given, or null
 * @param preludeCrc    {@code prelude_crc} as given, or null
 * @param messageCrc    {@code message_crc} as given, or null
 */
record FrameSpec(HeaderBlock headers, byte[] payload, Integer totalLength, Integer headersLength, Integer preludeCrc,
                 Integer messageCrc) {

    /**
     * Checks that the frame is one decoders take, so that {@link #encode} cannot fail on its size.
     *
     * @throws FrameFormatException if the frame would be over 24 MiB
     *                              ({@link EventStreamConstants#DEFAULT_MAX_MESSAGE_LENGTH}), the default limit of
     *                              every decoder that follows the spec, riffle's included
     */
    FrameSpec {
        try {
            MessageEncoder.encodedLength(headers.length(), payload.length); // the encoder's own size rule
        } catch (IllegalArgumentException overLimit) {
            throw new FrameFormatException("the frame would be "
                    + ((long) EventStreamConstants.MIN_MESSAGE_LENGTH + headers.length() + payload.length)
                    + " bytes, over the limit of " + EventStreamConstants.DEFAULT_MAX_MESSAGE_LENGTH
                    + " (24 MiB) that decoders apply");
        }
    }

    /**
     * The encoded frame. Given fields must agree with the computed ones unless {@code keepGiven}, in which case they
     * are written as given (to craft malformed frames for negative tests): the lengths first, then each CRC, as
     * given or, if absent, computed over the bytes as written. So a frame with a wrong length and no CRCs has valid
     * CRCs for that wrong length, and a decoder reports the length, not a checksum.
     *
     * @throws FrameFormatException if a given field disagrees and {@code keepGiven} is false
     */
    byte[] encode(MessageEncoder encoder, boolean keepGiven) {
        ByteBuffer out = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), payload.length));
        encoder.encode(headers, ByteBuffer.wrap(payload), out);
        int messageCrcAt = out.capacity() - 4;
        List<Field> fields = List.of(new Field("total_length", 0, totalLength, false),
                new Field("headers_length", 4, headersLength, false), new Field("prelude_crc", 8, preludeCrc, true),
                new Field("message_crc", messageCrcAt, messageCrc, true));
        if (!keepGiven) {
            for (Field field : fields) {
                int computed = out.getInt(field.offset);
                if (field.given != null && computed != field.given) {
                    throw new FrameFormatException(field.name + " is " + field.given + " but the frame gives "
                            + computed + " (use --keep-given to write it as given)");
                }
            }
            return out.array();
        }
        for (Field field : fields) { // in wire order, so each CRC covers the fields before it as written
            writeGivenOrCrc(out, field);
        }
        return out.array();
    }

    /** Writes the field as given; if absent and it is a CRC, the CRC of every byte before it. */
    private static void writeGivenOrCrc(ByteBuffer out, Field field) {
        if (field.given != null) {
            out.putInt(field.offset, field.given);
        } else if (field.crc) {
            CRC32 crc = new CRC32();
            crc.update(out.array(), 0, field.offset);
            out.putInt(field.offset, (int) crc.getValue());
        }
    }

    /** A length or CRC field: its name in the JSON, where it is, what the line gave, and whether it is a CRC. */
    private record Field(String name, int offset, Integer given, boolean crc) {
    }
}
