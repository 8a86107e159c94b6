package dev.riffle.emulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import java.util.List;

/**
 * Decides, from a connection's first bytes, whether it speaks HTTP/2 (the client preface
 * {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}) or HTTP/1.1, and installs the matching pipeline. This is how one port
 * serves HTTP/2 with prior knowledge, HTTP/2 over TLS whether or not the client did ALPN (the AWS SDK for Java v2's
 * Netty client does not), and HTTP/1.1 WebSocket upgrades.
 */
final class ProtocolDetector extends ByteToMessageDecoder {

    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private final Runnable http2;
    private final Runnable http1;

    /**
     * @param http2 installs the HTTP/2 handlers after this one (called on the event loop)
     * @param http1 installs the HTTP/1.1 handlers after this one
     */
    ProtocolDetector(Runnable http2, Runnable http1) {
        this.http2 = http2;
        this.http1 = http1;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int available = Math.min(in.readableBytes(), PREFACE.readableBytes());
        boolean prefixMatches = ByteBufUtil.equals(in, in.readerIndex(), PREFACE, 0, available);
        if (prefixMatches && available < PREFACE.readableBytes()) {
            return; // so far so HTTP/2: wait for the rest of the preface
        }
        if (prefixMatches) {
            http2.run();
        } else {
            http1.run();
        }
        ctx.pipeline().remove(this); // hands the bytes read so far to the new handlers
    }

    /**
     * Closes the connection on an error before its protocol is known: a failed TLS handshake, or bytes that are
     * not TLS on a TLS port. Each has been answered already (a TLS alert, or nothing); passed on, the error would
     * reach the end of the pipeline, which logs it with a stack trace as an unhandled exception.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    @Override
    public void handlerRemoved0(ChannelHandlerContext ctx) {
        // nothing to release: the cumulation is passed on by ByteToMessageDecoder
    }
}
