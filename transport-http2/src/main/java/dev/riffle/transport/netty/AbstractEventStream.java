package dev.riffle.transport.netty;

import dev.riffle.eventstream.EventStreamException;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.EventStreamListener;
import dev.riffle.transport.StreamResponse;
import dev.riffle.transport.TransportException;
import dev.riffle.transport.TransportException.Kind;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The life cycle of one event stream on its own Netty connection, the same whatever carries it: connecting,
 * waiting for the service to accept, the outbound queue written as flow control allows (each message signed as it
 * is written), inbound bytes fed to the decoder, keep-alive pings, the drain after the end of input, and ending
 * exactly once. A subclass adds what its protocol needs: how to ask for the stream, how to read the answer, and how
 * a message is framed on the wire.
 *
 * <pre>
 * CONNECTING -> AWAITING_RESPONSE -> OPEN -> (input ended) -> DRAINING -> CLOSED
 *                                 \-> REJECTED (an error response, its body read) -> CLOSED
 * any state -> CLOSED on failure, cancellation, a timeout, malformed data or a dropped connection
 * </pre>
 *
 * <p>Threading: every field is touched only on {@link #loop()}, the connection's event loop (connecting included:
 * {@link TransportRuntime} starts it there); the methods of {@link EventStream} hop onto it, and only the outbound
 * queue's admission runs on the caller's thread. The public methods that are not {@link EventStream}'s ({@code
 * drain} and those named {@code on...}) are for the transport's pipeline: they must be called on the loop, as
 * Netty calls handlers, and assert it.
 */
public abstract class AbstractEventStream implements EventStream {

    /** Where the stream is in its life cycle; see the class description. */
    protected enum State {
        /** TCP connect and TLS handshake (and for HTTP/2 the connection preface) under way. */
        CONNECTING,
        /** The request (or the WebSocket upgrade) is sent; the response timeout runs. */
        AWAITING_RESPONSE,
        /** Accepted: messages go both ways. */
        OPEN,
        /** The end of input is written; the service's last messages are read, within the drain timeout. */
        DRAINING,
        /** Refused with an error status; its body is read, within the response timeout. */
        REJECTED,
        /** Ended, normally or not; every future is complete. */
        CLOSED
    }

    private final EventLoop loop;
    private final StreamSettings settings;
    private final EventStreamListener listener;
    private final String server;
    private final String plainEndpoint;
    private final OutboundQueue outbound;
    private final MessageDecoder decoder = new MessageDecoder();
    private final MessageEncoder encoder = new MessageEncoder();
    private final CompletableFuture<EventStream> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private State state = State.CONNECTING;
    private Channel connection;
    private StreamResponse response;
    private ScheduledFuture<?> responseTimer;
    private ScheduledFuture<?> drainTimer;
    private ScheduledFuture<?> pingTimer;
    /** The drain timeout ran out while the caller had paused reading; see {@link #startDrainTimer}. */
    private boolean drainExpiredWhilePaused;
    /** An end that overtook frames the caller has not read yet; see {@link #failAfterQueuedFrames}. */
    private TransportException pendingFailure;
    /** The first failed write's cause; see {@link #onOutputShutdown}. */
    private Throwable writeFailure;

    /**
     * @param server        how errors name the peer, such as the endpoint; never with credentials in it
     * @param plainEndpoint what to suggest when a TLS endpoint answers in plain text, such as
     *                      {@code "an http:// endpoint"}
     */
    protected AbstractEventStream(EventLoop loop, StreamSettings settings, EventStreamListener listener,
                                  Object server, String plainEndpoint) {
        this.loop = loop;
        this.settings = settings;
        this.listener = listener;
        this.server = String.valueOf(server);
        this.plainEndpoint = plainEndpoint;
        this.outbound = new OutboundQueue(settings.maxPendingBytes());
    }

    /** Completes with this stream once the service has accepted it, or exceptionally if it never is. */
    final CompletableFuture<EventStream> opened() {
        return opened;
    }

    // ---------------------------------------------------------------- what a protocol adds

    /** Connects (see {@link #connectTo}) and, once connected, asks for the stream. Called once, on the loop. */
    protected abstract void connect();

    /** The channel the stream's messages travel on (the connection, or an HTTP/2 child); null until it exists. */
    protected abstract Channel streamChannel();

    /** The protocol's frame around one encoded message; {@code endOfInput} for the last one the client sends. */
    protected abstract Object dataFrame(ByteBuf message, boolean endOfInput);

    /** A queued message as the bytes to send: signed, or not. The caller owns and writes the result. */
    protected abstract ByteBuf encode(ByteBufAllocator alloc, MessageEncoder encoder, OutboundQueue.Pending pending);

    /** The message that ends the input (the signed empty envelope, or an unsigned end event). Caller-owned. */
    protected abstract ByteBuf encodeEnd(ByteBufAllocator alloc, MessageEncoder encoder);

    /** A keep-alive ping for the connection, sent after {@link StreamSettings#pingInterval()} of silence. */
    protected abstract Object pingFrame();

    /** The ping as an error names it, such as {@code "an HTTP/2 PING"}. */
    protected abstract String pingName();

    /** Called on the loop when the caller cancels, before the stream fails; nothing by default. */
    protected void onCancel() {
    }

    /**
     * Whether a failed write leaves the connection open so that what the peer sent before it can still be read.
     * True where the connection is the stream (WebSocket): a peer that closes after its last frames makes our next
     * write fail (the kernel answers it with a reset), while those frames may still wait in the socket, unread
     * because the caller has paused reading. Netty's default, closing on a failed write, would drop them; with
     * this, Netty shuts the output down instead and the stream ends when reading reaches the peer's close. False
     * by default: an HTTP/2 connection keeps reading for its streams, so nothing waits in its socket.
     */
    protected boolean readsOnAfterWriteFailure() {
        return false;
    }

    // ---------------------------------------------------------------- connecting

    /** Connects to {@code host:port} with {@code initializer}'s pipeline; a failure fails the stream. */
    protected final ChannelFuture connectTo(String host, int port, ChannelHandler initializer) {
        ChannelFuture connecting = new Bootstrap().group(loop).channel(StreamSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.AUTO_CLOSE, !readsOnAfterWriteFailure())
                .handler(initializer)
                .connect(host, port);
        connection = connecting.channel();
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                Throwable cause = f.cause();
                Kind kind = cause instanceof ConnectTimeoutException ? Kind.CONNECT_TIMEOUT : Kind.CONNECT_FAILED;
                fail(new TransportException(kind, "cannot connect to " + server + ": " + cause.getMessage(), cause));
            }
        });
        return connecting;
    }

    /** The request has been sent: the service must answer within the response timeout. */
    protected final void awaitResponse(String awaited) {
        if (state != State.CONNECTING) {
            return; // cancelled or failed while connecting
        }
        state = State.AWAITING_RESPONSE;
        responseTimer = schedule(() -> fail(new TransportException(Kind.RESPONSE_TIMEOUT, "no " + awaited + " from "
                + server + " within " + settings.responseTimeout())), settings.responseTimeout());
    }

    /** The service accepted the stream: it opens, and what was queued meanwhile goes out. */
    protected final void onAccepted(StreamResponse accepted) {
        if (state != State.AWAITING_RESPONSE) {
            return;
        }
        stop(responseTimer);
        response = accepted;
        state = State.OPEN;
        opened.complete(this);
        drain();
    }

    /**
     * The service refused the stream and its error body follows. Reading the body is bounded in time as well as
     * in size: a peer that never ends it must not hold {@link #opened()} forever, so after the response timeout
     * {@code whenBodyTimesOut} reports the refusal with the body received so far.
     */
    protected final void onRefused(StreamResponse refusal, Runnable whenBodyTimesOut) {
        if (state != State.AWAITING_RESPONSE) {
            return;
        }
        stop(responseTimer);
        response = refusal;
        state = State.REJECTED;
        responseTimer = schedule(whenBodyTimesOut, settings.responseTimeout());
    }

    // ---------------------------------------------------------------- inbound

    /**
     * Feeds the stream's bytes to the decoder without copying them, each NIO view of {@code content} in order.
     * Ownership: {@code content} stays the caller's (the pipeline releases it); the listener's views into it are
     * valid only during its calls.
     */
    protected final void decode(ByteBuf content) {
        if (state != State.OPEN && state != State.DRAINING) {
            return;
        }
        try {
            if (content.nioBufferCount() == 1) {
                decoder.feed(content.nioBuffer(), listener::onMessage);
            } else {
                for (ByteBuffer part : content.nioBuffers()) {
                    decoder.feed(part, listener::onMessage);
                }
            }
        } catch (EventStreamException e) {
            fail(new TransportException(Kind.PROTOCOL_ERROR, "the service sent malformed event-stream data: "
                    + e.getMessage(), e));
        } catch (RuntimeException e) {
            fail(new TransportException(Kind.PROTOCOL_ERROR, "the stream listener failed: " + e, e));
        }
    }

    /** The service ended the stream; it ends normally unless a message was left incomplete. */
    protected final void finishNormally() {
        if (state == State.OPEN || state == State.DRAINING) {
            try {
                decoder.endOfInput();
            } catch (EventStreamException e) {
                fail(new TransportException(Kind.PROTOCOL_ERROR, "the stream ended inside a message: "
                        + e.getMessage(), e));
                return;
            }
        }
        finish(null);
    }

    /** The connection closed; before the stream ended, that is a failure. */
    public final void onConnectionClosed() {
        assert loop.inEventLoop();
        failAfterQueuedFrames(connectionClosed());
    }

    /**
     * The stream's own channel closed, where it is not the connection (an HTTP/2 child). Netty closes it only
     * after handing over every frame it held, so this is where an end kept back by {@link #failAfterQueuedFrames}
     * is reported.
     */
    public final void onStreamChannelClosed() {
        assert loop.inEventLoop();
        fail(pendingFailure != null ? pendingFailure : connectionClosed());
    }

    private TransportException connectionClosed() {
        return new TransportException(Kind.CONNECTION_CLOSED, "the connection to " + server
                + " closed before the stream ended");
    }

    /**
     * Ends the stream with {@code error}, but only after the frames the peer sent before it have been read. HTTP/2
     * hands RST_STREAM, GOAWAY and the connection's close over at once, while the DATA that preceded them waits in
     * the stream's channel for as long as the caller has paused reading. Failing at once would drop that data: a
     * complete response followed by RST_STREAM(NO_ERROR), which RFC 9113 section 8.1 allows a server to send to
     * stop the request, would be lost. So the failure waits; a response that completes meanwhile ends the stream
     * normally. Input is refused at once, since the peer reads no more of it.
     *
     * <p>The failure is reported when the stream's channel closes ({@link #onStreamChannelClosed}), or on the
     * loop's next turn if the channel is reading (the frames it held have then been delivered).
     */
    protected final void failAfterQueuedFrames(TransportException error) {
        Channel channel = streamChannel();
        if (state == State.CLOSED) {
            return;
        }
        if (channel == null || !channel.isActive()) {
            fail(pendingFailure != null ? pendingFailure : error); // nothing can wait unread behind it
            return;
        }
        if (pendingFailure == null) {
            pendingFailure = error;
            outbound.close(error.getMessage());
        }
        // A stream channel (HTTP/2) has delivered all it held once it reads; a connection of its own (WebSocket)
        // may still have frames in the socket, and ends when reading reaches the close (onConnectionClosed).
        if (channel != connection && channel.config().isAutoRead()) {
            failPendingLater();
        }
    }

    /** Keeps the first write failure's cause, for the message of {@link #onOutputShutdown}. */
    private void rememberWriteFailure(Throwable cause) {
        if (cause != null && writeFailure == null) {
            writeFailure = cause;
        }
    }

    /**
     * The connection's output shut down after a failed write, which happens only where the connection stays open
     * for reading ({@link #readsOnAfterWriteFailure}); elsewhere Netty closes the connection, and that close ends
     * the stream. Netty reports it whichever write failed, ours or a ping's. The failure then waits behind what
     * the peer sent before it, like a reset (see {@link #failAfterQueuedFrames}), and the channel stops waiting to
     * write (see {@link StreamSocketChannel}).
     */
    public final void onOutputShutdown() {
        assert loop.inEventLoop();
        if (connection instanceof StreamSocketChannel socket) {
            socket.stopWaitingToWrite();
        }
        Throwable cause = writeFailure;
        failAfterQueuedFrames(new TransportException(Kind.CONNECTION_CLOSED, "cannot write to " + server
                + (cause == null ? " any more" : ": " + cause.getMessage()), cause));
    }

    private void failPendingLater() {
        onLoop(() -> {
            if (pendingFailure != null) {
                fail(pendingFailure);
            }
        });
    }

    /**
     * The TLS handshake ended. A failure is the connection's error: on a handshake timeout Netty's SslHandler only
     * signals this event and closes the channel, and without it the stream would report a closed connection
     * rather than the timeout.
     */
    public final void onTlsHandshake(io.netty.handler.ssl.SslHandshakeCompletionEvent done) {
        if (!done.isSuccess()) {
            onConnectionError(done.cause());
        }
    }

    /** An error no other handler took: TLS, or bytes the protocol could not read. */
    public final void onConnectionError(Throwable cause) {
        assert loop.inEventLoop();
        // An end already held back explains more than the error reading after it (a reset, where the system
        // drops what was received before it).
        fail(pendingFailure != null ? pendingFailure
                : ConnectionErrors.toTransportException(cause, server, plainEndpoint));
    }

    /**
     * Nothing received for a ping interval: ask the peer whether it is alive. Not while the caller has paused
     * reading on the connection itself (WebSocket): the silence is then ours, and the answer could not be read.
     */
    public final void onReadIdle() {
        assert loop.inEventLoop();
        boolean open = state == State.OPEN || state == State.DRAINING;
        if (pingTimer != null || !open || !connection.config().isAutoRead()) {
            return;
        }
        connection.writeAndFlush(pingFrame());
        pingTimer = schedule(() -> fail(new TransportException(Kind.IDLE_TIMEOUT, "no answer to " + pingName()
                + " within " + settings.pingTimeout() + " (nothing received for "
                + settings.pingInterval().plus(settings.pingTimeout()) + ")")), settings.pingTimeout());
    }

    /** The peer answered the ping. */
    public final void onPingAnswered() {
        assert loop.inEventLoop();
        forgetPing();
    }

    private void forgetPing() {
        stop(pingTimer);
        pingTimer = null;
    }

    // ---------------------------------------------------------------- outbound

    @Override
    public final CompletableFuture<Void> send(ByteBuffer message) {
        return outbound.offer(message, loop, this::enqueue);
    }

    @Override
    public final CompletableFuture<Void> send(HeaderBlock headers, ByteBuffer payload) {
        return outbound.offer(headers, payload, loop, this::enqueue);
    }

    @Override
    public final CompletableFuture<Void> end() {
        outbound.closeInput();
        boolean taken = onLoop(() -> {
            if (takesInput() && pendingFailure == null) {
                if (outbound.addEnd()) {
                    startDrainTimer();
                    drain();
                }
            } else if (!outbound.endQueued()) {
                ended.completeExceptionally(new TransportException(Kind.STREAM_CLOSED, pendingFailure != null
                        ? pendingFailure.getMessage() : "the stream is not open"));
            }
        });
        if (!taken) {
            ended.completeExceptionally(new TransportException(Kind.STREAM_CLOSED, "the transport is closed"));
        }
        return ended;
    }

    /** Before the input ends, messages are queued while the stream opens and while it is open. */
    private boolean takesInput() {
        return state == State.CONNECTING || state == State.AWAITING_RESPONSE || state == State.OPEN;
    }

    private void enqueue(OutboundQueue.Pending pending) {
        if (!takesInput() || outbound.endQueued()) {
            outbound.refuse(pending, "the stream is not open");
            return;
        }
        outbound.add(pending);
        drain();
    }

    /**
     * Hands queued messages to Netty while the stream's channel is writable, signing each one as it goes. Gating
     * on writability keeps signed-but-unsent bytes few, so that no signature waits long enough to expire at the
     * service ("Signature expired" after 5 minutes). Called again when the channel becomes writable.
     */
    public final void drain() {
        assert loop.inEventLoop();
        Channel channel = streamChannel();
        if (state != State.OPEN || channel == null) {
            return;
        }
        boolean wrote = false;
        while (!outbound.isEmpty() && channel.isWritable()) {
            OutboundQueue.Pending pending = outbound.poll();
            wrote = true;
            if (pending.isEnd()) {
                writeEnd(channel);
                break;
            }
            ByteBuf message;
            try {
                message = encode(channel.alloc(), encoder, pending);
            } catch (RuntimeException e) { // a message the encoder refuses: its send fails, and so does the stream
                outbound.written(pending, e);
                fail(new TransportException(Kind.PROTOCOL_ERROR, "a message could not be encoded: "
                        + e.getMessage(), e));
                return;
            }
            channel.write(dataFrame(message, false)).addListener(f -> {
                outbound.written(pending, f.cause());
                rememberWriteFailure(f.cause());
            });
        }
        if (wrote) {
            channel.flush();
        }
    }

    /**
     * The bound on everything after the end of input: writing what is still queued, the end frame, and the
     * service's last events. It starts when the caller ends the input, not when the end frame is written, so a
     * peer that stops reading cannot hold the stream open by never letting the queue drain. Time while the caller
     * has paused reading does not count against the service: its last events may be waiting unread, so a timeout
     * that falls in a pause starts again, whole, when reading resumes.
     */
    private void startDrainTimer() {
        drainTimer = schedule(() -> {
            Channel channel = streamChannel();
            if (channel != null && !channel.config().isAutoRead()) {
                drainExpiredWhilePaused = true;
                return;
            }
            fail(new TransportException(Kind.DRAIN_TIMEOUT, "the service did not end the stream within "
                    + settings.drainTimeout() + " of the end of input"));
        }, settings.drainTimeout());
    }

    private void writeEnd(Channel channel) {
        ByteBuf end = encodeEnd(channel.alloc(), encoder);
        state = State.DRAINING;
        channel.write(dataFrame(end, true)).addListener(f -> {
            if (f.isSuccess()) {
                ended.complete(null);
            } else {
                ended.completeExceptionally(new TransportException(Kind.CONNECTION_CLOSED,
                        "the end of input could not be written: " + f.cause().getMessage(), f.cause()));
                rememberWriteFailure(f.cause());
            }
        });
    }

    // ---------------------------------------------------------------- ending

    @Override
    public final void cancel() {
        onLoop(() -> {
            if (state != State.CLOSED) {
                onCancel();
            }
            fail(new TransportException(Kind.CANCELLED, "the stream was cancelled"));
        });
    }

    @Override
    public final CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public final StreamResponse response() {
        return response;
    }

    @Override
    public final void pauseReading() {
        onLoop(() -> setAutoRead(false));
    }

    @Override
    public final void resumeReading() {
        onLoop(() -> setAutoRead(true));
    }

    private void setAutoRead(boolean autoRead) {
        Channel channel = streamChannel();
        if (channel != null) {
            channel.config().setAutoRead(autoRead);
        }
        if (autoRead && drainExpiredWhilePaused && state != State.CLOSED) {
            drainExpiredWhilePaused = false;
            startDrainTimer();
        }
        if (autoRead && pendingFailure != null && channel != connection) {
            // resuming delivered what the stream's channel held, unless the channel's close reports first; a
            // connection of its own reads from the socket later, and its close reports the failure
            failPendingLater();
        }
        if (!autoRead && channel == connection) {
            forgetPing(); // its answer could not be read now; the next idle period after resuming sends another
        }
    }

    /** Ends the stream with {@code error}, if it has not ended yet. */
    protected final void fail(Throwable error) {
        finish(error);
    }

    /**
     * Ends the stream once: completes the futures, fails what is still queued, stops the timers, and closes the
     * stream's channel (for HTTP/2 a RST_STREAM if the stream is still open) and the connection, which releases
     * every buffer Netty holds for them.
     */
    private void finish(Throwable error) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        stop(responseTimer);
        stop(drainTimer);
        stop(pingTimer);
        outbound.close(error == null ? "the service ended the stream" : "the stream failed: " + error.getMessage());
        if (error == null) {
            ended.complete(null);
            opened.complete(this);
            closed.complete(null);
        } else {
            ended.completeExceptionally(error);
            opened.completeExceptionally(error);
            closed.completeExceptionally(error);
        }
        Channel channel = streamChannel();
        if (channel != null && channel != connection) {
            channel.close();
        }
        if (connection != null) {
            connection.close();
        }
    }

    // ---------------------------------------------------------------- for subclasses

    /** The connection's event loop, to which everything about this stream is confined. */
    protected final EventLoop loop() {
        return loop;
    }

    /** The connection's channel; null before {@link #connectTo}. */
    protected final Channel connection() {
        return connection;
    }

    /** Where the stream is in its life cycle. */
    protected final State state() {
        return state;
    }

    /** How errors name the peer. */
    protected final String server() {
        return server;
    }

    /**
     * Runs {@code task} on the loop from any thread; false if the loop takes no more tasks: the transport's own
     * group has shut down, by which time every stream on it has ended, so the task has nothing left to do.
     */
    private boolean onLoop(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, java.time.Duration delay) {
        return loop.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void stop(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
