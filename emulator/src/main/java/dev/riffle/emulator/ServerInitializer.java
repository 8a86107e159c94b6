package dev.riffle.emulator;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * A connection's pipeline: TLS if configured, then {@link ProtocolDetector}, then either HTTP/2 (one stream at a
 * time, {@code SETTINGS_MAX_CONCURRENT_STREAMS = 1} as spec 2.1 recommends, each stream a {@link Http2Session}) or
 * HTTP/1.1.
 */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {

    private static final int INITIAL_WINDOW = 1 << 20;

    private final EmulatorContext context;
    private final SslContext sslContext;

    ServerInitializer(EmulatorContext context, SslContext sslContext) {
        this.context = context;
        this.sslContext = sslContext;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (sslContext != null) {
            pipeline.addLast(sslContext.newHandler(channel.alloc()));
        }
        pipeline.addLast(new ProtocolDetector(() -> http2(pipeline), () -> http1(pipeline)));
    }

    private void http2(ChannelPipeline pipeline) {
        pipeline.addLast(Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(1)
                        .initialWindowSize(INITIAL_WINDOW))
                .build());
        pipeline.addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.pipeline().addLast(new Http2Session(context));
            }
        }));
    }

    private void http1(ChannelPipeline pipeline) {
        pipeline.addLast(new HttpServerCodec());
        pipeline.addLast(new HttpObjectAggregator(64 * 1024));
        pipeline.addLast(new NotFound());
    }

    /** HTTP/1.1 requests the emulator does not serve: 404 with a JSON body naming what it does serve. */
    private static final class NotFound extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof FullHttpRequest request) {
                    byte[] body = ("{\"message\":" + ErrorResponses.jsonString("riffle's emulator speaks HTTP/2 at "
                            + Http2Session.PATH + "; " + request.method() + " " + request.uri()
                            + " over HTTP/1.1 is not served") + "}").getBytes(StandardCharsets.UTF_8);
                    DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                            HttpResponseStatus.NOT_FOUND, ctx.alloc().buffer(body.length).writeBytes(body));
                    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                            .set("x-amzn-errortype", "UnknownOperationException");
                    ctx.writeAndFlush(response).addListener(f -> ctx.close());
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
    }
}
