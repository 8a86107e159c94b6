package dev.riffle.transport.websocket;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.EventSigner;
import dev.riffle.transport.EventStreamListener;
import dev.riffle.transport.StreamRejectedException;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.StreamResponse;
import dev.riffle.transport.TransportException;
import dev.riffle.transport.TransportException.Kind;
import dev.riffle.transport.netty.AbstractEventStream;
import dev.riffle.transport.netty.OutboundQueue;
import dev.riffle.transport.netty.SignedFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.ssl.SslContext;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One event stream over a WebSocket connection: the presigned upgrade is the request, its 101 opens the stream and
 * any other status refuses it, each message is one binary frame (signed, or bare), and the service's close 1000
 * ends the stream. The life cycle is {@link AbstractEventStream}'s; everything here runs on the connection's event
 * loop.
 */
final class WebSocketEventStream extends AbstractEventStream {

    private final WebSocketUrl url;
    private final WebSocketTransport.Settings settings;
    private final SslContext sslContext;
    /** Null when events go unsigned ({@link WebSocketTransport.Builder#signEvents}). */
    private final EventSigner signer;

    WebSocketEventStream(WebSocketUrl url, Credentials credentials, StreamRequest request,
                         EventStreamListener listener, WebSocketTransport.Settings settings, EventLoop loop,
                         SslContext sslContext) {
        super(loop, settings, listener, url, "a ws:// endpoint");
        this.url = url;
        this.settings = settings;
        this.sslContext = sslContext;
        this.signer = settings.signEvents() ? new EventSigner(credentials, request.region(), request.service(),
                url.signature(), settings.clock()) : null;
    }

    // ---------------------------------------------------------------- connecting and upgrading

    @Override
    protected void connect() {
        WebSocketClientHandshaker handshaker = Handshakers.client(url, settings.maxFramePayload());
        connectTo(url.uri().getHost(), url.port(),
                new WebSocketChannelInitializer(this, handshaker, sslContext, url, settings));
    }

    /** The connection is up (TLS done): the handler has sent the upgrade request. */
    void onUpgradeSent() {
        awaitResponse("answer to the WebSocket upgrade");
    }

    /** The upgrade succeeded (101). */
    void onUpgraded(FullHttpResponse answer) {
        onAccepted(new StreamResponse(answer.status().code(), headers(answer)));
    }

    /** The upgrade was refused with an HTTP status: the service's error, before the stream. */
    void onUpgradeRefused(FullHttpResponse answer) {
        byte[] body = new byte[Math.min(answer.content().readableBytes(), 64 * 1024)];
        answer.content().getBytes(answer.content().readerIndex(), body);
        fail(new StreamRejectedException(new StreamResponse(answer.status().code(), headers(answer)), body));
    }

    /** The answer to the upgrade request was not HTTP the codec could read: not a WebSocket server. */
    void onUpgradeUnreadable(Throwable cause) {
        fail(new TransportException(Kind.PROTOCOL_ERROR, "the answer to the WebSocket upgrade from " + url
                + " is not HTTP: " + cause.getMessage(), cause));
    }

    // ---------------------------------------------------------------- inbound

    /** A binary (or continuation) frame's content: one message, or part of one. */
    void onData(ByteBuf content) {
        decode(content);
    }

    /** The service closed: 1000 ends the stream normally (at any time: after an exception frame too). */
    void onClose(int code, String reason) {
        if (state() == State.CLOSED) {
            return;
        }
        if (code == 1000 || code == -1 && state() == State.DRAINING) {
            if (connection().isActive()) {
                connection().writeAndFlush(new CloseWebSocketFrame(1000, "")); // answer the close handshake
            }
            finishNormally();
        } else {
            fail(new TransportException(Kind.STREAM_RESET, "the service closed the WebSocket with code " + code
                    + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")")));
        }
    }

    void onTextFrame() {
        fail(new TransportException(Kind.PROTOCOL_ERROR, "the service sent a text frame; event streams are binary"));
    }

    // ---------------------------------------------------------------- framing

    /** The connection is the stream: the service's last frames may wait in the socket behind a failed send. */
    @Override
    protected boolean readsOnAfterWriteFailure() {
        return true;
    }

    @Override
    protected Channel streamChannel() {
        return connection();
    }

    @Override
    protected Object dataFrame(ByteBuf message, boolean endOfInput) {
        return new BinaryWebSocketFrame(message);
    }

    @Override
    protected ByteBuf encode(ByteBufAllocator alloc, MessageEncoder encoder, OutboundQueue.Pending pending) {
        return signer != null ? SignedFrames.signed(alloc, signer, encoder, pending)
                : SignedFrames.unsigned(alloc, encoder, pending);
    }

    @Override
    protected ByteBuf encodeEnd(ByteBufAllocator alloc, MessageEncoder encoder) {
        if (signer != null) {
            return SignedFrames.signedEnd(alloc, signer);
        }
        HeaderBlock end = settings.unsignedEndOfInput();
        return SignedFrames.unsigned(alloc, encoder, new OutboundQueue.Pending(end, ByteBuffer.allocate(0),
                MessageEncoder.encodedLength(end.length(), 0), null));
    }

    @Override
    protected Object pingFrame() {
        return new PingWebSocketFrame();
    }

    @Override
    protected String pingName() {
        return "a WebSocket ping";
    }

    /** 1001, not 1000: a service reads a client's 1000 as the end of input (as the JS SDK closes). */
    @Override
    protected void onCancel() {
        Channel channel = connection();
        if (channel != null && channel.isActive() && (state() == State.OPEN || state() == State.DRAINING)) {
            channel.writeAndFlush(new CloseWebSocketFrame(1001, "cancelled"));
        }
    }

    private static Map<String, String> headers(FullHttpResponse answer) {
        Map<String, String> out = new LinkedHashMap<>();
        answer.headers().forEach(h -> out.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(),
                (a, b) -> a + "," + b));
        return out;
    }
}
