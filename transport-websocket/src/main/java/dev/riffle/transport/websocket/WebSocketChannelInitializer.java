package dev.riffle.transport.websocket;

import dev.riffle.transport.netty.TlsContexts;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelOutputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The connection's pipeline: TLS (hostname verified) if {@code wss}, idle detection for pings, the HTTP client
 * codec and an aggregator for the upgrade's answer (so a refusal's body is kept), then {@link Handler}, which
 * drives the handshake and hands frames to the stream. Frames are released here after the stream has read them.
 */
final class WebSocketChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final WebSocketEventStream owner;
    private final WebSocketClientHandshaker handshaker;
    private final SslContext sslContext;
    private final WebSocketUrl url;
    private final WebSocketTransport.Settings settings;

    WebSocketChannelInitializer(WebSocketEventStream owner, WebSocketClientHandshaker handshaker,
                                SslContext sslContext, WebSocketUrl url, WebSocketTransport.Settings settings) {
        this.owner = owner;
        this.handshaker = handshaker;
        this.sslContext = sslContext;
        this.url = url;
        this.settings = settings;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (sslContext != null) {
            SslHandler ssl = sslContext.newHandler(channel.alloc(), url.uri().getHost(), url.port());
            TlsContexts.verifyHostname(ssl.engine());
            ssl.setHandshakeTimeoutMillis(settings.connectTimeout().toMillis());
            pipeline.addLast(ssl);
        }
        pipeline.addLast(new IdleStateHandler(settings.pingInterval().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast(new HttpClientCodec());
        pipeline.addLast(new HttpObjectAggregator(64 * 1024));
        pipeline.addLast(new Handler());
    }

    /** The handshake, then the frames. */
    private final class Handler extends SimpleChannelInboundHandler<Object> {

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            // With TLS, the handshake runs first: SslHandler holds our write until it is done.
            handshaker.handshake(ctx.channel());
            owner.onUpgradeSent();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (!handshaker.isHandshakeComplete() && msg instanceof FullHttpResponse answer) {
                if (answer.decoderResult().isFailure()) { // the codec marks, rather than throws, what it cannot read
                    owner.onUpgradeUnreadable(answer.decoderResult().cause());
                } else if (answer.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
                    handshaker.finishHandshake(ctx.channel(), answer);
                    owner.onUpgraded(answer);
                } else {
                    owner.onUpgradeRefused(answer);
                }
            } else if (msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
                owner.onData(((io.netty.handler.codec.http.websocketx.WebSocketFrame) msg).content());
            } else if (msg instanceof CloseWebSocketFrame close) {
                owner.onClose(close.statusCode(), close.reasonText());
            } else if (msg instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (msg instanceof PongWebSocketFrame) {
                owner.onPingAnswered();
            } else if (msg instanceof TextWebSocketFrame) {
                owner.onTextFrame();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                owner.onReadIdle();
            } else if (evt instanceof SslHandshakeCompletionEvent handshake) {
                owner.onTlsHandshake(handshake);
            } else if (evt instanceof ChannelOutputShutdownEvent) {
                owner.onOutputShutdown(); // a write failed; the connection stays open to read what came before
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            owner.drain();
            ctx.fireChannelWritabilityChanged();
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
}
