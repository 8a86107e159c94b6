package dev.riffle.transport.http2;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2PingFrame;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * Connection-level events for the one stream on the connection: GOAWAY, PING acknowledgements, read idleness, the
 * connection closing, and errors (TLS, HTTP/2 protocol). Frames that reach here are released here.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private final Http2EventStream owner;

    ConnectionHandler(Http2EventStream owner) {
        this.owner = owner;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2GoAwayFrame goAway) {
                owner.onGoAway(goAway);
            } else if (msg instanceof Http2PingFrame ping && ping.ack()) {
                owner.onPingAnswered();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            owner.onReadIdle();
        } else if (evt instanceof SslHandshakeCompletionEvent handshake) {
            owner.onTlsHandshake(handshake);
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        owner.onConnectionClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        owner.onConnectionError(cause);
        ctx.close();
    }
}
