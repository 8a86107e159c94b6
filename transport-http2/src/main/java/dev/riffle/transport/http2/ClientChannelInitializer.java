package dev.riffle.transport.http2;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import dev.riffle.transport.netty.TlsContexts;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The connection's pipeline: TLS (with hostname verification) if asked, the HTTP/2 frame codec (no server push,
 * a large initial window for transcript events), the stream multiplexer, idle detection for PINGs, and the
 * connection-level handler.
 */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final Http2EventStream owner;
    private final SslContext sslContext;
    private final String host;
    private final int port;
    private final Duration handshakeTimeout;
    private final Duration pingInterval;
    private final int initialWindow;

    ClientChannelInitializer(Http2EventStream owner, SslContext sslContext, String host, int port,
                             Duration handshakeTimeout, Duration pingInterval, int initialWindow) {
        this.owner = owner;
        this.sslContext = sslContext;
        this.host = host;
        this.port = port;
        this.handshakeTimeout = handshakeTimeout;
        this.pingInterval = pingInterval;
        this.initialWindow = initialWindow;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (sslContext != null) {
            SslHandler ssl = sslContext.newHandler(channel.alloc(), host, port);
            TlsContexts.verifyHostname(ssl.engine());
            ssl.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
            ssl.handshakeFuture().addListener(f -> {
                if (f.isSuccess()) {
                    owner.onTlsReady(ssl.applicationProtocol());
                }
                // a failed handshake reaches ConnectionHandler.exceptionCaught
            });
            pipeline.addLast(ssl);
        }
        // Before the codec, so that "idle" means no bytes at all arrived, whatever stream they were for.
        pipeline.addLast(new IdleStateHandler(pingInterval.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast(Http2FrameCodecBuilder.forClient()
                .initialSettings(Http2Settings.defaultSettings().pushEnabled(false).initialWindowSize(initialWindow))
                .build());
        pipeline.addLast(new Http2MultiplexHandler(new RefusePushedStreams()));
        pipeline.addLast(new ConnectionHandler(owner));
    }

    /** Push is disabled in our SETTINGS; a stream the server opens anyway is closed at once. */
    private static final class RefusePushedStreams extends io.netty.channel.ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(io.netty.channel.ChannelHandlerContext ctx) {
            ctx.close();
        }

        @Override
        public boolean isSharable() {
            return true;
        }
    }
}
