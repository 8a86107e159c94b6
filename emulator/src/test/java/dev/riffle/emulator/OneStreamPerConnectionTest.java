package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service takes one stream per HTTP/2 connection (spec: transcribe-protocol.md section 1), and the emulator
 * says so the way HTTP/2 lets a server say it: {@code SETTINGS_MAX_CONCURRENT_STREAMS = 1} in its first SETTINGS
 * (RFC 9113 section 6.5.2), which clients such as the AWS SDK's Netty client obey by opening a connection per
 * stream. Read here with a bare Netty HTTP/2 client, so no riffle code is between the test and the bytes.
 */
@Timeout(30)
class OneStreamPerConnectionTest {

    @Test
    void theEmulatorsFirstSettingsAllowOneConcurrentStream() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().build())) {
            CompletableFuture<Http2SettingsFrame> settings = new CompletableFuture<>();
            Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(),
                                    new SimpleChannelInboundHandler<Http2SettingsFrame>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext ctx,
                                                                    Http2SettingsFrame frame) {
                                            settings.complete(frame);
                                        }
                                    });
                        }
                    }).connect("127.0.0.1", emulator.port()).sync().channel();
            try {
                assertThat(settings.get(10, TimeUnit.SECONDS).settings().maxConcurrentStreams()).isEqualTo(1L);
            } finally {
                channel.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
