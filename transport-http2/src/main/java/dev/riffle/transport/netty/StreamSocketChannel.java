package dev.riffle.transport.netty;

import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The NIO socket channel of a stream's connection, able to stop waiting to write once its output has shut down.
 *
 * <p>Why: with {@code AUTO_CLOSE} off (see {@link AbstractEventStream#readsOnAfterWriteFailure()}), a write that
 * fails shuts the output down and keeps the channel. If Netty was waiting for the socket to take more
 * ({@code OP_WRITE} set, the socket full), nothing clears that interest any more: only a completed write would.
 * A reset socket is always ready, so the event loop would wake at once, find nothing to flush, and go round
 * again, at full CPU, for as long as the caller keeps reading paused.
 */
public final class StreamSocketChannel extends NioSocketChannel {

    /** For Netty's reflective channel factory. */
    public StreamSocketChannel() {
    }

    /** Drops the interest in writing; call on the event loop, once the output has shut down. */
    void stopWaitingToWrite() {
        clearOpWrite();
    }
}
