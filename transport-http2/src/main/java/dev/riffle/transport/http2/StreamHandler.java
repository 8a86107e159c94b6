package dev.riffle.transport.http2;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * The stream's child channel: response HEADERS and DATA to the owner, RST_STREAM and GOAWAY (delivered to the
 * child as user events), writability changes (flow control) and closing. Every frame is released here after the
 * owner has read it; the owner never keeps a reference.
 */
final class StreamHandler extends ChannelInboundHandlerAdapter {

    private final Http2EventStream owner;

    StreamHandler(Http2EventStream owner) {
        this.owner = owner;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2HeadersFrame headers) {
                owner.onHeaders(headers);
            } else if (msg instanceof Http2DataFrame data) {
                owner.onData(data);
            } else if (msg instanceof Http2ResetFrame reset) {
                owner.onReset(reset.errorCode());
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        try {
            if (evt instanceof Http2ResetFrame reset) {
                owner.onReset(reset.errorCode());
            } else if (evt instanceof Http2GoAwayFrame goAway) {
                owner.onGoAway(goAway);
            }
        } finally {
            ReferenceCountUtil.release(evt);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        owner.drain();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        owner.onStreamChannelClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        owner.onConnectionError(cause);
    }
}
