package dev.riffle.transport;

import dev.riffle.eventstream.MessageView;

/** Receives the messages a service sends on a stream. */
@FunctionalInterface
public interface EventStreamListener {

    /**
     * One decoded, validated message (event, exception or error), in order.
     *
     * <p>Ownership: {@code message} is borrowed; it is valid only until this method returns (see
     * {@link MessageView}). Called on the transport's I/O thread: do not block. To slow the stream down, call
     * {@link EventStream#pauseReading()}.
     */
    void onMessage(MessageView message);
}
