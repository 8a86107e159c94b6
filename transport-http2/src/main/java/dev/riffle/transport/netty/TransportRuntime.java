package dev.riffle.transport.netty;

import dev.riffle.sigv4.Credentials;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.TransportException;
import dev.riffle.transport.TransportException.Kind;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The threads and the live streams of one transport: an event loop group, its own or the caller's, and every
 * stream opened and not yet ended, so that closing the transport cancels them. Thread-safe.
 */
public final class TransportRuntime {

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final Set<AbstractEventStream> streams = ConcurrentHashMap.newKeySet();

    /**
     * @param threads I/O threads of a group of its own, used when {@code given} is null
     * @param given   a group owned by the caller (not shut down by {@link #close()}), or null
     */
    public TransportRuntime(int threads, EventLoopGroup given) {
        this.ownsGroup = given == null;
        this.group = ownsGroup ? new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory()) : given;
    }

    /**
     * Opens a stream for {@code request}: resolves its credentials (a failure completes the result
     * exceptionally), makes the stream on the next event loop with {@code newStream}, and connects it.
     *
     * @return as {@link dev.riffle.transport.EventStreamTransport#open}
     */
    public CompletableFuture<EventStream> open(StreamRequest request,
                                               BiFunction<Credentials, EventLoop, AbstractEventStream> newStream) {
        Credentials credentials;
        try {
            credentials = request.credentials().resolveCredentials();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (group.isShuttingDown()) {
            return closedTransport();
        }
        AbstractEventStream stream = newStream.apply(credentials, group.next());
        streams.add(stream);
        stream.closed().whenComplete((ok, error) -> streams.remove(stream));
        try {
            // On the loop, so that the stream's fields never leave it; and not at all if the stream was cancelled
            // (a close() racing this open) before the task ran: no connection for a stream nobody will use.
            stream.loop().execute(() -> {
                if (stream.state() == AbstractEventStream.State.CONNECTING) {
                    stream.connect();
                }
            });
        } catch (RejectedExecutionException e) { // closed since the check above
            streams.remove(stream);
            return closedTransport();
        }
        return stream.opened();
    }

    private static CompletableFuture<EventStream> closedTransport() {
        return CompletableFuture.failedFuture(new TransportException(Kind.STREAM_CLOSED, "the transport is closed"));
    }

    /** Streams open or opening. */
    public int openStreams() {
        return streams.size();
    }

    /**
     * Cancels every live stream, then shuts the group down if it is this runtime's own, waiting for it unless called
     * on one of its threads: a stream's callbacks run there, and a thread of the group cannot wait for the group to
     * end (it would wait for itself, for ever).
     */
    public void close() {
        for (AbstractEventStream stream : streams) {
            stream.cancel();
        }
        if (ownsGroup) {
            io.netty.util.concurrent.Future<?> terminated = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            if (!onOwnThread()) {
                terminated.syncUninterruptibly();
            }
        }
    }

    private boolean onOwnThread() {
        for (io.netty.util.concurrent.EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
