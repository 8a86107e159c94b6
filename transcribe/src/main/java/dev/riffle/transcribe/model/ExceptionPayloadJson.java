package dev.riffle.transcribe.model;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads and writes the JSON body of an error (spec sections 2.6 and 3.5).
 *
 * <p>The message is read from {@code Message} or, as some AWS services and the legacy Python SDK spell it,
 * {@code message}; the capitalized one wins when both are present. The error type is read from {@code __type}
 * or {@code code}, the restJson1 fallbacks when no {@code x-amzn-errortype} header names it. An empty payload (as
 * on {@code :message-type error} messages) reads as neither. Other members are ignored.
 */
public final class ExceptionPayloadJson {

    private static final String KIND = "exception";

    private ExceptionPayloadJson() {
    }

    /** The error body in {@code length} bytes of {@code bytes} from {@code offset}. */
    public static ExceptionPayload parse(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return new ExceptionPayload(null, null);
        }
        return PayloadReader.readDocument(() -> Json.parser(bytes, offset, length), KIND,
                ExceptionPayloadJson::readPayload);
    }

    /** The error body in the buffer's remaining bytes; the buffer's position is not moved. */
    public static ExceptionPayload parse(ByteBuffer payload) {
        if (!payload.hasRemaining()) {
            return new ExceptionPayload(null, null);
        }
        return PayloadReader.readDocument(() -> Json.parser(payload), KIND, ExceptionPayloadJson::readPayload);
    }

    /** {@code {"Message":"..."}}, the body the service sends, as UTF-8 bytes. */
    public static byte[] toBytes(String message) {
        return Json.toBytes(32 + message.length(), json -> {
            json.writeStartObject();
            json.writeStringField("Message", message);
            json.writeEndObject();
        });
    }

    private static ExceptionPayload readPayload(PayloadReader in) throws IOException {
        String message = null;
        String lowerCaseMessage = null;
        String type = null;
        String code = null;
        while (in.nextMember()) {
            switch (in.memberName()) {
                case "Message" -> message = in.text();
                case "message" -> lowerCaseMessage = in.text();
                case "__type" -> type = in.text();
                case "code" -> code = in.text();
                default -> in.skip();
            }
        }
        return new ExceptionPayload(type != null ? type : code, message != null ? message : lowerCaseMessage);
    }
}
