package dev.riffle.cli.frames;

import dev.riffle.eventstream.EventStreamConstants;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageEncoder;
import java.nio.ByteBuffer;
import java.util.List;

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
     * are written as given (to craft malformed frames for negative tests).
     *
     * @throws FrameFormatException if a given field disagrees and {@code keepGiven} is false
     */
    byte[] encode(MessageEncoder encoder, boolean keepGiven) {
        ByteBuffer out = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), payload.length));
        encoder.encode(headers, ByteBuffer.wrap(payload), out);
        List<Field> fields = List.of(new Field("total_length", 0, totalLength),
                new Field("headers_length", 4, headersLength), new Field("prelude_crc", 8, preludeCrc),
                new Field("message_crc", out.capacity() - 4, messageCrc));
        for (Field field : fields) {
            if (field.given == null) {
                continue;
            }
            int computed = out.getInt(field.offset);
            if (computed == field.given) {
                continue;
            }
            if (!keepGiven) {
                throw new FrameFormatException(field.name + " is " + field.given + " but the frame gives "
                        + computed + " (use --keep-given to write it as given)");
            }
            out.putInt(field.offset, field.given);
        }
        return out.array();
    }

    private record Field(String name, int offset, Integer given) {
    }
}
