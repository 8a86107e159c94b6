package dev.riffle.cli.frames;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.HeaderType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Reads one line of frame JSON (the conformance-vector schema) into a {@link FrameSpec}, checking every value
 * against its header type. Unknown keys are refused, so a typo is not silently ignored.
 */
final class FrameJsonReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private FrameJsonReader() {
    }

    static FrameSpec read(String line) {
        try (JsonParser p = JSON.createParser(line)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "a JSON object");
            HeaderBlock headers = new HeaderBlock();
            byte[] payload = new byte[0];
            Integer total = null;
            Integer headersLength = null;
            Integer preludeCrc = null;
            Integer messageCrc = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                switch (key) {
                    case "total_length" -> total = uint32(p, key);
                    case "headers_length" -> headersLength = uint32(p, key);
                    case "prelude_crc" -> preludeCrc = uint32(p, key);
                    case "message_crc" -> messageCrc = uint32(p, key);
                    case "payload" -> payload = base64(p, "payload");
                    case "headers" -> readHeaders(p, headers);
                    default -> throw new FrameFormatException("unknown key \"" + key + "\"");
                }
            }
            if (p.nextToken() != null) {
                throw new FrameFormatException("text after the JSON object");
            }
            return new FrameSpec(headers, payload, total, headersLength, preludeCrc, messageCrc);
        } catch (JsonProcessingException e) {
            throw new FrameFormatException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FrameFormatException(e.getMessage());
        }
    }

    private static void readHeaders(JsonParser p, HeaderBlock headers) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY, "\"headers\" as an array");
        int index = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            Integer type = null;
            Object value = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken token = p.nextToken();
                switch (key) {
                    case "name" -> name = p.getValueAsString();
                    case "type" -> type = token == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                    case "value" -> value = scalar(p, token);
                    default -> throw new FrameFormatException("header " + index + ": unknown key \"" + key + "\"");
                }
            }
            String where = "header " + index + (name == null ? "" : " (\"" + name + "\")");
            if (name == null || type == null) {
                throw new FrameFormatException(where + ": needs \"name\" (string) and \"type\" (0..9)");
            }
            HeaderType headerType = HeaderType.fromWireId(type);
            if (headerType == null) {
                throw new FrameFormatException(where + ": type " + type + " is not one of 0..9");
            }
            try {
                addHeader(headers, name, headerType, value);
            } catch (IllegalArgumentException | FrameFormatException e) {
                throw new FrameFormatException(where + ": " + e.getMessage());
            }
            index++;
        }
        expect(p.currentToken(), JsonToken.END_ARRAY, "header objects in \"headers\"");
    }

    private static Object scalar(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> p.getBigIntegerValue();
            case VALUE_STRING -> p.getText();
            default -> throw new FrameFormatException("\"value\" must be a boolean, an integer or a base64 string");
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
            case UUID -> {
                byte[] bytes = base64(value, "value");
                if (bytes.length != 16) {
                    throw new FrameFormatException("a uuid is 16 bytes, this is " + bytes.length);
                }
                ByteBuffer b = ByteBuffer.wrap(bytes);
                headers.addUuid(name, new UUID(b.getLong(), b.getLong()));
            }
        }
    }

    private static long integer(Object value, long min, long max, HeaderType type) {
        if (value instanceof java.math.BigInteger big && big.bitLength() < 64) {
            long v = big.longValue();
            if (v >= min && v <= max) {
                return v;
            }
        }
        throw new FrameFormatException("type " + type.wireId() + " needs an integer from " + min + " to " + max);
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
            throw new FrameFormatException("\"" + what + "\" is not base64: " + e.getMessage());
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

    private static Integer uint32(JsonParser p, String key) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            long v = p.getLongValue();
            if (v >= Integer.MIN_VALUE && v <= 0xFFFFFFFFL) {
                return (int) v;
            }
        }
        throw new FrameFormatException("\"" + key + "\" must be an integer that fits 32 bits");
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new FrameFormatException("expected " + what);
        }
    }
}
