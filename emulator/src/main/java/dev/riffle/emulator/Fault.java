package dev.riffle.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A failure the emulator injects into a stream, for testing clients: what happens, and when (audio time into the
 * stream, except for delayed response headers, which happen before it).
 *
 * <p>As text ({@link #parse}, the {@code --fault} flag): {@code exception:TYPE[:MESSAGE]@SECONDS},
 * {@code error:CODE[:MESSAGE]@SECONDS}, {@code reset@SECONDS}, {@code goaway@SECONDS}, {@code drop@SECONDS},
 * {@code delay-headers@SECONDS}, {@code stall@SECONDS}. Examples: {@code exception:LimitExceededException@2.5},
 * {@code reset@1}, {@code delay-headers@3}, {@code stall@2}.
 *
 * @param kind        what happens
 * @param at          audio time at which it happens (for {@code DELAY_HEADERS}: how long the headers wait)
 * @param errorType   for {@code EXCEPTION}, the modeled exception type; for {@code ERROR}, the error code
 * @param message     the message sent with an exception or error
 */
public record Fault(Kind kind, Duration at, String errorType, String message) {

    /** The kinds of fault. */
    public enum Kind {
        /** A modeled exception message ({@code :message-type exception}), then the end of the response. */
        EXCEPTION,
        /** A generic error message ({@code :message-type error}), then the end of the response. */
        ERROR,
        /** HTTP/2 RST_STREAM (INTERNAL_ERROR); a WebSocket close 1011. */
        RESET,
        /** HTTP/2 GOAWAY (INTERNAL_ERROR), then the connection closes. */
        GOAWAY,
        /** The TCP connection is closed without a word. */
        DROP,
        /**
         * The response headers are sent only after this long. A delay past the connection idle timeout (60 s by
         * default) on a connection with no other traffic ends with the connection closed first, as an idle
         * connection in front of the service would be. The stream runs meanwhile (its idle timeout too); over
         * HTTP/2, what it says waits and follows the headers.
         */
        DELAY_HEADERS,
        /**
         * The emulator stops reading the stream: the client's HTTP/2 flow-control window, or over WebSocket the TCP
         * buffers, fill and stay full, so a client's sends must wait and its memory must stay bounded. A
         * connection that then carries nothing at all (no HTTP/2 PING, say) is closed after the connection idle
         * timeout.
         */
        STALL
    }

    /** The latest time a parsed fault may name: the service's longest stream. */
    private static final double MAX_SECONDS = EmulatorConfig.SERVICE_MAX_STREAM_DURATION.toSeconds();

    /** Checks the parts. */
    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (at.isNegative()) {
            throw new IllegalArgumentException("a fault's time must not be negative");
        }
        if ((kind == Kind.EXCEPTION || kind == Kind.ERROR) && (errorType == null || errorType.isBlank())) {
            throw new IllegalArgumentException(kind + " needs a type, as in exception:BadRequestException@1");
        }
    }

    /** A modeled exception at audio time {@code at}. */
    public static Fault exception(String type, String message, Duration at) {
        return new Fault(Kind.EXCEPTION, at, type, message);
    }

    /** A fault of {@code kind} without a type at audio time (or delay) {@code at}. */
    public static Fault of(Kind kind, Duration at) {
        return new Fault(kind, at, null, null);
    }

    /** The default message of an injected exception of {@code type}. */
    String messageOrDefault() {
        return message != null ? message : "Injected by the riffle emulator: " + errorType;
    }

    /**
     * Parses the {@code --fault} syntax.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static Fault parse(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("fault '" + text + "' needs a time, as in reset@1.5");
        }
        double seconds;
        try {
            seconds = Double.parseDouble(text.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault '" + text + "': '" + text.substring(at + 1)
                    + "' is not a number of seconds");
        }
        if (!(seconds >= 0 && seconds <= MAX_SECONDS)) { // NaN would round to 0 s, Infinity to never
            throw new IllegalArgumentException("fault '" + text + "': the time must be 0 to " + (long) MAX_SECONDS
                    + " seconds (a stream's longest), was " + text.substring(at + 1));
        }
        Duration when = Duration.ofMillis(Math.round(seconds * 1000));
        String[] parts = text.substring(0, at).split(":", 3);
        Kind kind;
        try {
            kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault '" + text + "': '" + parts[0] + "' is not one of exception, "
                    + "error, reset, goaway, drop, delay-headers, stall");
        }
        String type = parts.length > 1 ? parts[1] : null;
        String message = parts.length > 2 ? parts[2] : null;
        return new Fault(kind, when, type, message);
    }

    @Override
    public String toString() {
        String seconds = String.format(Locale.ROOT, "%.3f", at.toMillis() / 1000.0);
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + (errorType == null ? "" : ":" + errorType)
                + "@" + seconds;
    }
}
