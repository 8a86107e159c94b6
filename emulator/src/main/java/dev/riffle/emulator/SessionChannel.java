package dev.riffle.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;

/**
 * How a {@link TranscriptionSession} reaches its client, whatever the transport: HTTP/2 DATA frames on a stream,
 * or binary WebSocket frames. Called only on {@link #executor()}.
 */
interface SessionChannel {

    ByteBufAllocator alloc();

    EventExecutor executor();

    /** Writes one encoded event-stream message (ownership passes to the channel); flushed by {@link #flush()}. */
    void send(ByteBuf message);

    void flush();

    /**
     * Ends the response normally: HTTP/2 END_STREAM; WebSocket close 1000.
     *
     * @return done once that end is written to the connection, or can no longer be (the connection closed); a
     *     client behind flow control, or a response whose headers a fault delays, makes it wait
     */
    Future<?> endResponse();

    /** Abandons the stream: HTTP/2 RST_STREAM (INTERNAL_ERROR); WebSocket close 1011. */
    void reset();

    /** Shuts the connection down: HTTP/2 GOAWAY then close; WebSocket close 1001 then close. */
    void goAway();

    /** Closes the TCP connection without a word. */
    void drop();

    /** Stops reading what the client sends (the {@code stall} fault): its writes back up and wait. */
    void stopReading();
}
