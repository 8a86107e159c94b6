package dev.riffle.transcribe;

import dev.riffle.eventstream.MessageView;
import dev.riffle.transcribe.model.ExceptionPayloadJson;
import dev.riffle.transcribe.model.MalformedPayloadException;
import dev.riffle.transcribe.model.TranscribeExceptions;
import dev.riffle.transcribe.model.TranscribeServiceException;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transcribe.model.TranscriptEventJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the messages of a Transcribe response stream (spec section 3.4 and 3.5): {@code :message-type} {@code event}
 * with {@code :event-type} {@code TranscriptEvent} (JSON payload), {@code exception} with {@code :exception-type}
 * and a JSON {@code Message}, and the generic {@code error} with {@code :error-code} and {@code :error-message}.
 */
final class ResponseMessages {

    /** How much of a body that is not the expected JSON an error message quotes. */
    static final int QUOTED_BYTES = 200;

    static final String MESSAGE_TYPE = ":message-type";
    static final String EVENT_TYPE = ":event-type";
    static final String EXCEPTION_TYPE = ":exception-type";

    private ResponseMessages() {
    }

    /** A TranscriptEvent, or null if {@code message} is an event of another type (UtteranceEvent, ...). */
    static TranscriptEvent transcriptEvent(MessageView message) {
        int type = message.indexOf(EVENT_TYPE);
        if (type < 0 || !message.stringValueEquals(type, "TranscriptEvent")) {
            return null;
        }
        return TranscriptEventJson.parse(message.payload());
    }

    /** Whether {@code message} is an event (as opposed to an exception or an error). */
    static boolean isEvent(MessageView message) {
        int type = message.indexOf(MESSAGE_TYPE);
        return type < 0 || message.stringValueEquals(type, "event");
    }

    /** The typed exception an {@code exception} or {@code error} message carries. */
    static TranscribeServiceException exception(MessageView message, String requestId) {
        int type = message.indexOf(MESSAGE_TYPE);
        if (type >= 0 && message.stringValueEquals(type, "error")) {
            return TranscribeExceptions.fromService(message.stringHeader(":error-code"),
                    message.stringHeader(":error-message"), requestId, 0);
        }
        String exceptionType = message.stringHeader(EXCEPTION_TYPE);
        return TranscribeExceptions.fromService(exceptionType, exceptionMessage(message), requestId, 0);
    }

    /**
     * The message of an exception's payload, {@code {"Message": "..."}}. A payload that is not such JSON still
     * names the exception (the {@code :exception-type} header decides its type), so its first 200 bytes become
     * the message, on one line, rather than the service's error turning into a "malformed event".
     */
    private static String exceptionMessage(MessageView message) {
        ByteBuffer payload = message.payload();
        try {
            return ExceptionPayloadJson.parse(payload).message();
        } catch (MalformedPayloadException e) {
            byte[] start = new byte[Math.min(payload.remaining(), QUOTED_BYTES)];
            payload.get(payload.position(), start);
            return oneLineStart(start, start.length);
        }
    }

    /**
     * The start of a body that is not the expected JSON (a proxy's HTML page, a plain-text error), as one line of
     * text: an error message that spans lines breaks a log line and the CLI's one-line report.
     */
    static String oneLineStart(byte[] body, int length) {
        return new String(body, 0, Math.min(length, QUOTED_BYTES), StandardCharsets.UTF_8).replaceAll("\\s+", " ")
                .strip();
    }
}
