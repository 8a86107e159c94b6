package dev.riffle.transcribe;

import dev.riffle.eventstream.MessageView;
import dev.riffle.transcribe.model.ExceptionPayloadJson;
import dev.riffle.transcribe.model.TranscribeExceptions;
import dev.riffle.transcribe.model.TranscribeServiceException;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transcribe.model.TranscriptEventJson;

/**
 * Reads the messages of a Transcribe response stream (spec section 3.4 and 3.5): {@code :message-type} {@code event}
 * with {@code :event-type} {@code TranscriptEvent} (JSON payload), {@code exception} with {@code :exception-type}
 * and a JSON {@code Message}, and the generic {@code error} with {@code :error-code} and {@code :error-message}.
 */
final class ResponseMessages {

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
        String text = ExceptionPayloadJson.parse(message.payload()).message();
        return TranscribeExceptions.fromService(exceptionType, text, requestId, 0);
    }
}
