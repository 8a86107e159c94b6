package dev.riffle.cli.frames;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.riffle.eventstream.EventStreamConstants;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.HeaderType;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Reads one line of frame JSON (the conformance-vector schema) into a {@link FrameSpec}, checking every value
 * against its header type. Unknown and repeated keys are refused, so a typo is not silently ignored.
 *
 * <p>What the reader accepts, the encoder writes and a decoder at the default limits reads back: at most 1,024
 * headers ({@link EventStreamConstants#DEFAULT_MAX_HEADER_COUNT}), names of 1 to 255 bytes, values and headers
 * block within their limits, and a whole frame of at most 24 MiB
 * ({@link EventStreamConstants#DEFAULT_MAX_MESSAGE_LENGTH}). Anything else is a {@link FrameFormatException} whose
 * message names the key or header and the reason; text quoted from the line is cut short, so a message stays a
 * line however long the input.
 */
final class FrameJsonReader {

    /**
     * The longest line, in UTF-8 bytes (so also in characters), that {@code riffle frames encode} reads: the largest
     * frame a decoder takes, 24 MiB, is 32 MiB in base64, and the JSON around it (keys, headers, escapes, white
     * space) gets 8 MiB more.
     */
    static final int MAX_LINE_LENGTH = 40 * 1024 * 1024;

    /** Jackson caps a string at 20 M characters by default, less than the largest payload's base64: raised. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_LINE_LENGTH).build())
            .build();

    private static final int MAX_HEADER_COUNT = EventStreamConstants.DEFAULT_MAX_HEADER_COUNT;
    private static final BigInteger UINT32_MAX = BigInteger.valueOf(0xFFFFFFFFL);
    private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    /** Text quoted in a message is cut to this many characters. */
    private static final int MAX_QUOTED_LENGTH = 40;

    private FrameJsonReader() {
    }

    /**
     * Reads one line of frame JSON.
     *
     * @param line one JSON object, without its line terminator
     * @return the frame it describes, its headers encoded and checked
     * @throws FrameFormatException if the line is not such an object, or describes a frame no decoder would take
     */
    static FrameSpec read(String line) {
        try (JsonParser p = JSON.createParser(line)) {
            return readFrame(p);
        } catch (StreamConstraintsException e) {
            throw new FrameFormatException("over a limit of the JSON reader: " + cut(e.getOriginalMessage(), 200));
        } catch (JsonProcessingException e) {
            throw new FrameFormatException("not JSON: " + cut(e.getOriginalMessage(), 200));
        } catch (IOException e) {
            // A parser over a String does no I/O; this is Jackson's checked signature, not a real outcome.
            throw new FrameFormatException("unreadable: " + cut(e.getMessage(), 200));
        }
    }

    private static FrameSpec readFrame(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT, "a JSON object");
        HeaderBlock headers = new HeaderBlock();
        byte[] payload = new byte[0];
        Integer total = null;
        Integer headersLength = null;
        Integer preludeCrc = null;
        Integer messageCrc = null;
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            refuseRepeat(seen, key, "");
            p.nextToken();
            switch (key) {
                case "total_length" -> total = uint32(p, key);
                case "headers_length" -> headersLength = uint32(p, key);
                case "prelude_crc" -> preludeCrc = uint32(p, key);
                case "message_crc" -> messageCrc = uint32(p, key);
                case "payload" -> payload = base64(p, key);
                case "headers" -> readHeaders(p, headers);
                default -> throw new FrameFormatException("unknown key " + quote(key));
            }
        }
        if (p.nextToken() != null) {
            throw new FrameFormatException("text after the JSON object");
        }
        return new FrameSpec(headers, payload, total, headersLength, preludeCrc, messageCrc);
    }

    private static void readHeaders(JsonParser p, HeaderBlock headers) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, "\"headers\" as an array");
        int index = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            if (index == MAX_HEADER_COUNT) {
                // The decoder's limit: more would encode, and then be refused by every reader of the frame.
                throw new FrameFormatException("more than " + MAX_HEADER_COUNT + " headers, the most a decoder takes");
            }
            readHeader(p, headers, index++);
        }
        expect(p.currentToken(), JsonToken.END_ARRAY, "header objects in \"headers\"");
    }

    /** Reads the header object at the parser and appends it; every member must be a scalar, so none is skipped. */
    private static void readHeader(JsonParser p, HeaderBlock headers, int index) throws IOException {
        String name = null;
        Integer type = null;
        Object value = null;
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken token = p.nextToken();
            String where = where(index, name);
            refuseRepeat(seen, key, where + ": ");
            switch (key) {
                case "name" -> name = headerName(p, token, where);
                case "type" -> type = headerType(p, token, where);
                case "value" -> value = scalar(p, token, where);
                default -> throw new FrameFormatException(where + ": unknown key " + quote(key));
            }
        }
        String where = where(index, name);
        if (name == null || type == null) {
            throw new FrameFormatException(where + ": needs \"name\" (string) and \"type\" (0..9)");
        }
        try {
            addHeader(headers, name, HeaderType.fromWireId(type), value);
        } catch (IllegalArgumentException | FrameFormatException e) {
            // HeaderBlock states its limits (name length, value length, block size, repeated name) this way, and
            // quotes the name as given: its control characters are escaped like every other quote here.
            throw new FrameFormatException(where + ": " + escapeControls(cut(e.getMessage(), 300)));
        }
    }

    /** "header 3", or "header 3 ("name")" once the name is known: where a problem is, in a message. */
    private static String where(int index, String name) {
        return "header " + index + (name == null ? "" : " (" + quote(name) + ")");
    }

    private static void refuseRepeat(Set<String> seen, String key, String where) {
        if (!seen.add(key)) {
            throw new FrameFormatException(where + "\"" + key + "\" given twice");
        }
    }

    private static String headerName(JsonParser p, JsonToken token, String where) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw new FrameFormatException(where + ": \"name\" must be a string");
        }
        return p.getText();
    }

    private static int headerType(JsonParser p, JsonToken token, String where) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new FrameFormatException(where + ": \"type\" must be an integer from 0 to 9");
        }
        BigInteger type = p.getBigIntegerValue();
        if (type.signum() < 0 || type.compareTo(BigInteger.valueOf(9)) > 0) {
            throw new FrameFormatException(where + ": type " + cut(type.toString(), MAX_QUOTED_LENGTH)
                    + " is not one of 0..9");
        }
        return type.intValue();
    }

    private static Object scalar(JsonParser p, JsonToken token, String where) throws IOException {
        return switch (token) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> p.getBigIntegerValue();
            case VALUE_STRING -> p.getText();
            default -> throw new FrameFormatException(where
                    + ": \"value\" must be a boolean, an integer or a base64 string");
        };
    }

    private static void addHeader(HeaderBlock headers, String name, HeaderType type, Object value) {
        switch (type) {
            case BOOLEAN_TRUE, BOOLEAN_FALSE -> {
                boolean expected = type == HeaderType.BOOLEAN_TRUE;
                if (value != null && !Boolean.valueOf(expected).equals(value)) {
                    throw new FrameFormatException("type " + type.wireId() + " needs value " + expected);
                }
                headers.addBoolean(name, expected);
            }
            case BYTE -> headers.addByte(name, (byte) integer(value, Byte.MIN_VALUE, Byte.MAX_VALUE, type));
            case SHORT -> headers.addShort(name, (short) integer(value, Short.MIN_VALUE, Short.MAX_VALUE, type));
            case INTEGER -> headers.addInt(name, (int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type));
            case LONG -> headers.addLong(name, integer(value, Long.MIN_VALUE, Long.MAX_VALUE, type));
            case TIMESTAMP -> headers.addTimestamp(name, integer(value, Long.MIN_VALUE, Long.MAX_VALUE, type));
            case BYTE_ARRAY -> headers.addByteArray(name, base64(value, "value"));
            case STRING -> headers.addString(name, utf8(base64(value, "value")));
            case UUID -> headers.addUuid(name, uuid(base64(value, "value")));
        }
    }

    private static long integer(Object value, long min, long max, HeaderType type) {
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            long v = big.longValue();
            if (v >= min && v <= max) {
                return v;
            }
        }
        throw new FrameFormatException("type " + type.wireId() + " needs an integer from " + min + " to " + max);
    }

    private static UUID uuid(byte[] bytes) {
        if (bytes.length != EventStreamConstants.UUID_LENGTH) {
            throw new FrameFormatException("a uuid is 16 bytes, this is " + bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }

    private static byte[] base64(JsonParser p, String what) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new FrameFormatException("\"" + what + "\" must be a base64 string");
        }
        return base64(p.getText(), what);
    }

    private static byte[] base64(Object value, String what) {
        if (!(value instanceof String text)) {
            throw new FrameFormatException("\"" + what + "\" must be a base64 string");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new FrameFormatException("\"" + what + "\" is not base64: " + cut(e.getMessage(), 100));
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FrameFormatException("a string value must be UTF-8");
        }
    }

    /** A length or CRC: unsigned, or signed as the decoder prints CRCs; read as a BigInteger, so none overflows. */
    private static Integer uint32(JsonParser p, String key) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            BigInteger v = p.getBigIntegerValue();
            if (v.compareTo(INT32_MIN) >= 0 && v.compareTo(UINT32_MAX) <= 0) {
                return (int) v.longValue();
            }
        }
        throw new FrameFormatException("\"" + key + "\" must be an integer that fits 32 bits");
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new FrameFormatException("expected " + what);
        }
    }

    /**
     * {@code text} in quotes for a message: control characters escaped (a message goes to a terminal), and cut
     * short, with its length, when long.
     */
    private static String quote(String text) {
        if (text.length() <= MAX_QUOTED_LENGTH) {
            return "\"" + escapeControls(text) + "\"";
        }
        return "\"" + escapeControls(cut(text, MAX_QUOTED_LENGTH)) + "\" of " + text.length() + " characters";
    }

    /** {@code text} cut to at most {@code max} characters and an ellipsis, never inside a surrogate pair. */
    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }

    private static String escapeControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
