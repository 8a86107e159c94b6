package dev.riffle.emulator;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.SslContext;

/**
 * A connection's pipeline: TLS if configured, then {@link ProtocolDetector}, then either HTTP/2 (one stream at a
 * time, {@code SETTINGS_MAX_CONCURRENT_STREAMS = 1} as spec 2.1 recommends, each stream a {@link Http2Session}) or
 * HTTP/1.1 for WebSocket upgrades ({@link WebSocketUpgrade}). {@link ConnectionGuard} closes connections that go
 * idle, or fail below the level of a stream.
 */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {

    private static final int INITIAL_WINDOW = 1 << 20;
    /**
     * A presigned WebSocket request line carries every parameter: with the 3,000 characters the service model
     * allows for each of vocabulary-names and vocabulary-filter-names, and a session token, it passes Netty's
     * default of 4,096 bytes. 16 KiB, as AWS's load balancers allow for a request line [inferred].
     */
    static final int MAX_REQUEST_LINE = 16 * 1024;
    /** The headers of a request (HTTP/1.1) or its header list (HTTP/2), for the same reason. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final EmulatorContext context;
    private final SslContext sslContext;

    ServerInitializer(EmulatorContext context, SslContext sslContext) {
        this.context = context;
        this.sslContext = sslContext;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(ConnectionGuard.idleCloser(context.config.connectionIdleTimeout));
        if (sslContext != null) {
            pipeline.addLast(sslContext.newHandler(channel.alloc()));
        }
        pipeline.addLast(new ProtocolDetector(() -> http2(pipeline), () -> http1(pipeline)));
    }

    private void http2(ChannelPipeline pipeline) {
        pipeline.addLast(Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(1)
                        .initialWindowSize(INITIAL_WINDOW).maxHeaderListSize(MAX_HEADER_BYTES))
                .build());
        pipeline.addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.pipeline().addLast(new Http2Session(context));
            }
        }));
        pipeline.addLast(ConnectionGuard.errorCloser());
    }

    private void http1(ChannelPipeline pipeline) {
        pipeline.addLast(new HttpServerCodec(MAX_REQUEST_LINE, MAX_HEADER_BYTES, 8192));
        pipeline.addLast(new HttpObjectAggregator(64 * 1024));
        pipeline.addLast(new WebSocketUpgrade(context, sslContext != null));
    }
}
