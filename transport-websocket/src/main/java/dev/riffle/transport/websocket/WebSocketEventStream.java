package dev.riffle.transport.websocket;

import dev.riffle.eventstream.EventStreamException;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.EventSigner;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.EventStreamListener;
import dev.riffle.transport.StreamRejectedException;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.StreamResponse;
import dev.riffle.transport.TransportException;
import dev.riffle.transport.TransportException.Kind;
import dev.riffle.transport.netty.ConnectionErrors;
import dev.riffle.transport.netty.OutboundQueue;
import dev.riffle.transport.netty.SignedFrames;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One event stream over a WebSocket connection. Every field is confined to {@link #loop}, except the outbound
 * queue's admission, which any thread may call.
 *
 * <pre>
 * CONNECTING -> UPGRADING -> OPEN -> (input ended) -> DRAINING -> CLOSED (the service's close 1000)
 *                         \-> CLOSED: the upgrade refused (HTTP status and body)
 * any state -> CLOSED on a close other than 1000, a dropped connection, a timeout, malformed data, cancellation
 * </pre>
 */
final class WebSocketEventStream implements EventStream {

    private enum State { CONNECTING, UPGRADING, OPEN, DRAINING, CLOSED }

    private final WebSocketUrl url;
    private final EventStreamListener listener;
    private final WebSocketTransport.Settings settings;
    private final EventLoop loop;
    private final SslContext sslContext;
    private final EventSigner signer;
    private final OutboundQueue outbound;
    private final CompletableFuture<EventStream> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final MessageDecoder decoder = new MessageDecoder();
    private final MessageEncoder encoder = new MessageEncoder();

    private State state = State.CONNECTING;
    private Channel channel;
    private StreamResponse response;
    private ScheduledFuture<?> responseTimer;
    private ScheduledFuture<?> drainTimer;
    private ScheduledFuture<?> pingTimer;

    WebSocketEventStream(WebSocketUrl url, Credentials credentials, StreamRequest request,
                         EventStreamListener listener, WebSocketTransport.Settings settings, EventLoop loop,
                         SslContext sslContext) {
        this.url = url;
        this.listener = listener;
        this.settings = settings;
        this.loop = loop;
        this.sslContext = sslContext;
        this.signer = settings.signEvents() ? new EventSigner(credentials, request.region(), request.service(),
                url.signature(), settings.clock()) : null;
        this.outbound = new OutboundQueue(settings.maxPendingBytes());
    }

    CompletableFuture<EventStream> opened() {
        return opened;
    }

    // ---------------------------------------------------------------- connecting and upgrading

    void connect() {
        WebSocketClientHandshaker handshaker = Handshakers.client(url, settings.maxFramePayload());
        ChannelFuture connecting = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new WebSocketChannelInitializer(this, handshaker, sslContext, url, settings))
                .connect(url.uri().getHost(), url.port());
        channel = connecting.channel();
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                Throwable cause = f.cause();
                Kind kind = cause instanceof io.netty.channel.ConnectTimeoutException ? Kind.CONNECT_TIMEOUT
                        : Kind.CONNECT_FAILED;
                fail(new TransportException(kind, "cannot connect to " + url + ": " + cause.getMessage(), cause));
            }
        });
    }

    /** The connection is up (TLS done): the handler has sent the upgrade request. */
    void onUpgradeSent() {
        state = State.UPGRADING;
        responseTimer = loop.schedule(() -> fail(new TransportException(Kind.RESPONSE_TIMEOUT, "no answer to the "
                + "WebSocket upgrade from " + url + " within " + settings.responseTimeout())),
                settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The upgrade succeeded (101). */
    void onUpgraded(FullHttpResponse answer) {
        cancel(responseTimer);
        response = new StreamResponse(answer.status().code(), headers(answer));
        state = State.OPEN;
        opened.complete(this);
        drain();
    }

    /** The upgrade was refused with an HTTP status: the service's error, before the stream. */
    void onUpgradeRefused(FullHttpResponse answer) {
        byte[] body = new byte[Math.min(answer.content().readableBytes(), 64 * 1024)];
        answer.content().getBytes(answer.content().readerIndex(), body);
        finish(new StreamRejectedException(new StreamResponse(answer.status().code(), headers(answer)), body));
    }

    // ---------------------------------------------------------------- inbound

    /** A binary (or continuation) frame's content: one message, or part of one. */
    void onData(ByteBuf content) {
        if (state != State.OPEN && state != State.DRAINING) {
            return;
        }
        try {
            for (ByteBuffer part : content.nioBuffers()) {
                decoder.feed(part, listener::onMessage);
            }
        } catch (EventStreamException e) {
            fail(new TransportException(Kind.PROTOCOL_ERROR, "the service sent malformed event-stream data: "
                    + e.getMessage(), e));
        } catch (RuntimeException e) {
            fail(new TransportException(Kind.PROTOCOL_ERROR, "the stream listener failed: " + e, e));
        }
    }

    /** The service closed: 1000 ends the stream normally (at any time: after an exception frame too). */
    void onClose(int code, String reason) {
        if (state == State.CLOSED) {
            return;
        }
        if (code == 1000 || code == -1 && state == State.DRAINING) {
            if (channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame(1000, "")); // answer the close handshake
            }
            finish(null);
        } else {
            fail(new TransportException(Kind.STREAM_RESET, "the service closed the WebSocket with code " + code
                    + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")")));
        }
    }

    void onTextFrame() {
        fail(new TransportException(Kind.PROTOCOL_ERROR, "the service sent a text frame; event streams are binary"));
    }

    void onConnectionClosed() {
        if (state != State.CLOSED) {
            fail(new TransportException(Kind.CONNECTION_CLOSED, "the connection to " + url
                    + " closed before the stream ended"));
        }
    }

    void onConnectionError(Throwable cause) {
        fail(ConnectionErrors.toTransportException(cause, url, "a ws:// endpoint"));
    }

    /** The answer to the upgrade request was not HTTP the codec could read: not a WebSocket server. */
    void onUpgradeUnreadable(Throwable cause) {
        fail(new TransportException(Kind.PROTOCOL_ERROR, "the answer to the WebSocket upgrade from " + url
                + " is not HTTP: " + cause.getMessage(), cause));
    }

    void onReadIdle() {
        if (pingTimer != null || (state != State.OPEN && state != State.DRAINING)) {
            return;
        }
        channel.writeAndFlush(new PingWebSocketFrame());
        pingTimer = loop.schedule(() -> fail(new TransportException(Kind.IDLE_TIMEOUT, "no answer to a WebSocket "
                + "ping within " + settings.pingTimeout())), settings.pingTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    void onPong() {
        cancel(pingTimer);
        pingTimer = null;
    }

    // ---------------------------------------------------------------- outbound

    @Override
    public CompletableFuture<Void> send(ByteBuffer message) {
        return outbound.offer(message, loop, this::enqueue);
    }

    @Override
    public CompletableFuture<Void> send(HeaderBlock headers, ByteBuffer payload) {
        return outbound.offer(headers, payload, loop, this::enqueue);
    }

    @Override
    public CompletableFuture<Void> end() {
        outbound.closeInput();
        loop.execute(() -> {
            if (state == State.OPEN || state == State.UPGRADING || state == State.CONNECTING) {
                if (outbound.addEnd()) {
                    startDrainTimer();
                    drain();
                }
            } else if (!outbound.endQueued()) {
                ended.completeExceptionally(new TransportException(Kind.STREAM_CLOSED, "the stream is not open"));
            }
        });
        return ended;
    }

    private void enqueue(OutboundQueue.Pending pending) {
        if (state == State.DRAINING || state == State.CLOSED || outbound.endQueued()) {
            outbound.refuse(pending, "the stream is not open");
            return;
        }
        outbound.add(pending);
        drain();
    }

    /** Writes queued messages while the connection is writable, each signed (or not) as it goes. */
    void drain() {
        if (state != State.OPEN) {
            return;
        }
        boolean wrote = false;
        while (!outbound.isEmpty() && channel.isWritable()) {
            OutboundQueue.Pending pending = outbound.poll();
            wrote = true;
            if (pending.isEnd()) {
                writeEnd();
                break;
            }
            ByteBuf frame = signer != null ? SignedFrames.signed(channel.alloc(), signer, encoder, pending)
                    : SignedFrames.unsigned(channel.alloc(), encoder, pending);
            channel.write(new BinaryWebSocketFrame(frame)).addListener(f -> outbound.written(pending, f.cause()));
        }
        if (wrote) {
            channel.flush();
        }
    }

    /**
     * The bound on everything after the end of input: writing what is still queued, the end frame, and the
     * service's last events. It starts when the caller ends the input, not when the end frame is written, so a
     * peer that stops reading cannot hold the stream open by never letting the queue drain.
     */
    private void startDrainTimer() {
        drainTimer = loop.schedule(() -> fail(new TransportException(Kind.DRAIN_TIMEOUT, "the service did not "
                + "close the WebSocket within " + settings.drainTimeout() + " of the end of input")),
                settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void writeEnd() {
        ByteBuf end = signer != null ? SignedFrames.signedEnd(channel.alloc(), signer)
                : SignedFrames.unsigned(channel.alloc(), encoder, new OutboundQueue.Pending(
                        settings.unsignedEndOfInput(), ByteBuffer.allocate(0),
                        MessageEncoder.encodedLength(settings.unsignedEndOfInput().length(), 0), null));
        state = State.DRAINING;
        channel.write(new BinaryWebSocketFrame(end)).addListener(f -> {
            if (f.isSuccess()) {
                ended.complete(null);
            } else {
                ended.completeExceptionally(new TransportException(Kind.CONNECTION_CLOSED,
                        "the end of input could not be written: " + f.cause().getMessage(), f.cause()));
            }
        });
    }

    // ---------------------------------------------------------------- ending

    @Override
    public void cancel() {
        loop.execute(() -> {
            if (channel != null && channel.isActive() && (state == State.OPEN || state == State.DRAINING)) {
                // 1001, not 1000: a service reads a client's 1000 as the end of input (as the JS SDK closes).
                channel.writeAndFlush(new CloseWebSocketFrame(1001, "cancelled"));
            }
            fail(new TransportException(Kind.CANCELLED, "the stream was cancelled"));
        });
    }

    @Override
    public CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public StreamResponse response() {
        return response;
    }

    @Override
    public void pauseReading() {
        loop.execute(() -> {
            if (channel != null) {
                channel.config().setAutoRead(false);
            }
        });
    }

    @Override
    public void resumeReading() {
        loop.execute(() -> {
            if (channel != null) {
                channel.config().setAutoRead(true);
            }
        });
    }

    void fail(Throwable error) {
        finish(error);
    }

    /** Ends the stream once: futures, queued messages, timers, and the connection (which releases its buffers). */
    private void finish(Throwable error) {
        if (state == State.CLOSED) {
            return;
        }
        State was = state;
        state = State.CLOSED;
        cancel(responseTimer);
        cancel(drainTimer);
        cancel(pingTimer);
        outbound.close(error == null ? "the service ended the stream" : "the stream failed: " + error.getMessage());
        if (error == null) {
            if (was == State.DRAINING || was == State.OPEN) {
                try {
                    decoder.endOfInput();
                } catch (EventStreamException e) {
                    error = new TransportException(Kind.PROTOCOL_ERROR, "the stream ended inside a message: "
                            + e.getMessage(), e);
                }
            }
        }
        if (error == null) {
            ended.complete(null);
            opened.complete(this);
            closed.complete(null);
        } else {
            ended.completeExceptionally(error);
            opened.completeExceptionally(error);
            closed.completeExceptionally(error);
        }
        if (channel != null) {
            channel.close();
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static Map<String, String> headers(FullHttpResponse answer) {
        Map<String, String> out = new LinkedHashMap<>();
        answer.headers().forEach(h -> out.merge(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue(),
                (a, b) -> a + "," + b));
        return out;
    }
}
