package dev.riffle.emulator;

import dev.riffle.eventstream.EventStreamException;
import dev.riffle.eventstream.MessageDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket front end of a session (spec 4.2, 4.3): one event-stream message per binary frame, signed or bare;
 * an empty binary frame carries nothing and is passed over; anything else is "Unexpected WebSocket frame received."
 * A client's close with 1000 is the end of input, as the JavaScript SDK closes right after its last audio: the open
 * segment is finalized and its events sent before the close is answered. The service ends a stream by closing with
 * 1000.
 */
final class WebSocketSession extends ChannelInboundHandlerAdapter implements SessionChannel {

    static final String UNEXPECTED_FRAME = "Unexpected WebSocket frame received.";
    /** How long, after our close frame, the client has to answer with its own before the connection is closed. */
    static final long LINGER_MILLIS = 2_000;

    private final TranscriptionSession session;
    private final MessageDecoder decoder = new MessageDecoder();
    private ChannelHandlerContext ctx;
    private boolean closing;
    private boolean closeSent;
    private boolean closeReceived;

    WebSocketSession(TranscriptionSession session) {
        this.session = session;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (closeSent) {
                lingerRead(msg);
            } else if (msg instanceof BinaryWebSocketFrame frame) {
                onBinary(frame.content());
            } else if (msg instanceof CloseWebSocketFrame close) {
                onClose(close.statusCode());
            } else if (msg instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (msg instanceof WebSocketFrame && !(msg instanceof PongWebSocketFrame)) {
                session.terminate("BadRequestException", UNEXPECTED_FRAME); // a text frame
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /**
     * One frame, one whole message: decoded on its own, so a frame that is not exactly one message is refused. An
     * empty frame is no message at all: the JavaScript SDK in a browser sends one after its last audio (its
     * event-stream encoder's end marker, which only the signing handler turns into a signed empty envelope), then
     * closes. Refusing it would fail every browser's stream at its end, and no such failure is reported against the
     * service [inferred], so the frame is passed over and the close ends the input.
     */
    private void onBinary(ByteBuf content) {
        if (!content.isReadable()) {
            return;
        }
        try {
            int[] messages = {0};
            decoder.feed(content.nioBuffer(), view -> {
                messages[0]++;
                session.onMessage(view);
            });
            if (messages[0] != 1 || decoder.hasPartialMessage()) {
                session.terminate("BadRequestException", UNEXPECTED_FRAME);
            }
        } catch (EventStreamException e) {
            session.terminate("BadRequestException", UNEXPECTED_FRAME);
        }
    }

    private void onClose(int code) {
        closeReceived = true;
        if (code == 1000 || code == -1) {
            closing = true;
            session.onEndOfInput(); // finalizes, sends what is left, then answers with our close
        } else {
            session.stop();
        }
        if (ctx.channel().isActive()) {
            closeWith(1000, "");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.stop();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        session.stop();
        ctx.close();
    }

    // ---- SessionChannel

    @Override
    public ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    @Override
    public EventExecutor executor() {
        return ctx.executor();
    }

    @Override
    public void send(ByteBuf message) {
        ctx.write(new BinaryWebSocketFrame(message));
    }

    @Override
    public void flush() {
        ctx.flush();
    }

    @Override
    public Future<?> endResponse() {
        return closeWith(1000, closing ? "" : "Streaming completed successfully");
    }

    @Override
    public void reset() {
        closeWith(1011, "Internal failure");
    }

    @Override
    public void goAway() {
        closeWith(1001, "Going away");
    }

    @Override
    public void drop() {
        ctx.close();
    }

    @Override
    public void stopReading() {
        ctx.channel().config().setAutoRead(false);
    }

    /**
     * Sends our close frame once, then closes the connection when the client answers with its own, or after
     * {@link #LINGER_MILLIS}. Closing at once would leave the client's later frames unread or arriving at a closed
     * socket, and the kernel answers both with RST instead of FIN: the client's next send then fails ("broken pipe",
     * "connection reset"), and a client that gives up on a failed send (riffle's own Netty transport closes its
     * channel) never reads the last events and close frame already waiting in its receive buffer, and reports the
     * connection's failure instead of the service's error. RFC 6455 (sections 1.4, 5.5.1 and 7.1.1) closes the TCP
     * connection once close frames went both ways. {@code EmulatorWebSocketTest} sends on after the close and reads
     * late on purpose.
     */
    private ChannelFuture closeWith(int code, String reason) {
        if (closeSent || !ctx.channel().isActive()) {
            return ctx.newSucceededFuture();
        }
        closeSent = true;
        return ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(written -> {
            if (!written.isSuccess() || closeReceived) {
                ctx.close(); // the handshake is complete: the client sends nothing after its close frame
                return;
            }
            ctx.channel().config().setAutoRead(true); // a stalled session reads again, to drain
            ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        });
    }

    /** After our close frame: everything the client still sends is read and dropped, until its close frame. */
    private void lingerRead(Object msg) {
        if (msg instanceof CloseWebSocketFrame) {
            ctx.close();
        }
    }
}
