package dev.riffle.eventstream;

import java.util.Base64;

/**
 * Renders a message as one line of JSON in the debug schema shared by the official event-stream test vectors
 * (the CRT's {@code aws_event_stream_message_to_debug_str}):
 *
 * <pre>
 * {"total_length":61,"headers_length":32,"prelude_crc":134054806,
 *  "headers":[{"name":"content-type","type":7,"value":"YXBwbGljYXRpb24vanNvbg=="}],
 *  "payload":"eydmb28nOidiYXInfQ==","message_crc":-1919153999}
 * </pre>
 *
 * CRCs are printed as signed int32; byte-array, string and uuid values and the payload as base64; booleans as
 * JSON booleans; the integer types and timestamps (milliseconds) as JSON numbers. This is a conformance and
 * debugging format, not a hot path.
 */
public final class MessageJson {

    private MessageJson() {
    }

    /** The message as one line of JSON, without a trailing newline. */
    public static String toJson(MessageView message) {
        // Sized for the base64 of the message, up to 1 MiB: a decoder with raised limits may hand out a message
        // whose JSON would not fit an int-sized guess, and the builder grows as needed anyway.
        StringBuilder out = new StringBuilder((int) Math.min(1 << 20, 128 + message.totalLength() * 4L / 3));
        out.append("{\"total_length\":").append(message.totalLength())
                .append(",\"headers_length\":").append(message.headersLength())
                .append(",\"prelude_crc\":").append(message.preludeCrc())
                .append(",\"headers\":[");
        for (int i = 0; i < message.headerCount(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"name\":");
            appendString(out, message.headerName(i));
            HeaderType type = message.headerType(i);
            out.append(",\"type\":").append(type.wireId()).append(",\"value\":");
            appendValue(out, message, i, type);
            out.append('}');
        }
        out.append("],\"payload\":\"").append(Base64.getEncoder().encodeToString(message.payloadBytes()))
                .append("\",\"message_crc\":").append(message.messageCrc()).append('}');
        return out.toString();
    }

    private static void appendValue(StringBuilder out, MessageView message, int i, HeaderType type) {
        switch (type) {
            case BOOLEAN_TRUE -> out.append("true");
            case BOOLEAN_FALSE -> out.append("false");
            case BYTE -> out.append(message.byteValue(i));
            case SHORT -> out.append(message.shortValue(i));
            case INTEGER -> out.append(message.intValue(i));
            case LONG -> out.append(message.longValue(i));
            case TIMESTAMP -> out.append(message.timestampMillis(i));
            case BYTE_ARRAY -> appendBase64(out, message.byteArrayValue(i));
            case STRING -> appendBase64(out, message.stringValue(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case UUID -> {
                java.nio.ByteBuffer uuid = java.nio.ByteBuffer.allocate(EventStreamConstants.UUID_LENGTH);
                java.util.UUID value = message.uuidValue(i);
                uuid.putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
                appendBase64(out, uuid.array());
            }
        }
    }

    private static void appendBase64(StringBuilder out, byte[] bytes) {
        out.append('"').append(Base64.getEncoder().encodeToString(bytes)).append('"');
    }

    /** Appends {@code s} as a JSON string (RFC 8259 escapes for quote, backslash and control characters). */
    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
