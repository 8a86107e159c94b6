package dev.riffle.transport.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.transport.EventStream;
import dev.riffle.transport.TransportException.Kind;
import dev.riffle.transport.http2.Http2TransportTest;
import dev.riffle.transport.http2.TestHttp2Server;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service that sends its last events and its close, then resets the connection, while the caller has paused
 * reading and goes on sending. The kernel answers the next send with the reset, so that send fails; the events
 * that came before it wait in the socket, and must still be read when the caller resumes.
 */
class PeerGoneWhilePausedTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<String> payloads = Collections.synchronizedList(new ArrayList<>());
    private WebSocketTransport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void eventsSentBeforeAResetAreReadAfterTheSendItFailed() throws Exception {
        EventStream stream = openPausedAgainst(AnswerThenReset::new);

        CompletableFuture<Void> failedSend = Http2TransportTest.sendUntilRefused(stream);
        Http2TransportTest.assertFails(failedSend, Kind.CONNECTION_CLOSED);
        assertThat(stream.closed()).as("the stream waits for its unread events").isNotDone();

        stream.resumeReading();

        stream.closed().get(5, TimeUnit.SECONDS); // the service's close 1000 came before the reset
        assertThat(payloads).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }

    /**
     * The same reset, but after the service stopped reading, so that our sends had filled the socket and Netty was
     * waiting to write. The failed write must not leave the connection's event loop spinning on a socket that is
     * always ready while the caller keeps reading paused.
     */
    @Test
    void aResetWhileWritesWaitDoesNotSpinTheEventLoop() throws Exception {
        AtomicReference<Channel> serverSide = new AtomicReference<>();
        EventStream stream = openPausedAgainst(() -> new StopReadingOnTheFirstFrame(serverSide));
        CompletableFuture<Void> waiting = sendUntilOneWaits(stream);

        Channel peer = serverSide.get();
        peer.eventLoop().execute(() -> reset(peer));
        Http2TransportTest.assertFails(waiting, Kind.CONNECTION_CLOSED);
        Thread.sleep(200);

        double busy = cpuSecondsDuring(1000);
        assertThat(busy).as("CPU seconds used in 1 s with the stream paused and its peer gone").isLessThan(0.5);

        stream.resumeReading();
        Http2TransportTest.assertFails(stream.closed(), Kind.CONNECTION_CLOSED);
    }

    /**
     * Starts a WebSocket server whose connections end in {@code handler}, opens an unsigned stream to it, collecting
     * payloads as text, and pauses reading.
     */
    private EventStream openPausedAgainst(Supplier<ChannelHandler> handler) throws Exception {
        Channel server = startServer(handler);
        URI endpoint = URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort());
        transport = WebSocketTransport.builder().signEvents(false).build();
        EventStream stream = transport.open(Http2TransportTest.request(endpoint, TestHttp2Server.CREDENTIALS),
                view -> payloads.add(StandardCharsets.UTF_8.decode(view.payload()).toString()))
                .get(5, TimeUnit.SECONDS);
        stream.pauseReading();
        return stream;
    }

    /** Closes with SO_LINGER 0, which resets the connection; on its event loop. */
    private static void reset(Channel channel) {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        channel.close();
    }

    /** Sends 32 KiB events until one has not been written after 300 ms: the socket is full; that send. */
    private static CompletableFuture<Void> sendUntilOneWaits(EventStream stream) throws Exception {
        for (int i = 0; i < 2_000; i++) {
            CompletableFuture<Void> send = stream.send(Http2TransportTest.audioEvent(32 * 1024));
            try {
                send.get(300, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return send;
            }
        }
        throw new AssertionError("64 MB were written to a peer that does not read");
    }

    private static double cpuSecondsDuring(long millis) throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        Thread.sleep(millis);
        return (os.getProcessCpuTime() - before) / 1e9;
    }

    /** Stops reading after the client's first frame, so that the client's later sends fill the socket. */
    private static final class StopReadingOnTheFirstFrame extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final AtomicReference<Channel> channel;

        StopReadingOnTheFirstFrame(AtomicReference<Channel> channel) {
            this.channel = channel;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            ctx.channel().config().setAutoRead(false);
            channel.set(ctx.channel());
        }
    }

    /** Upgrades any request to a WebSocket whose frames go to a new {@code handler}. */
    private Channel startServer(Supplier<ChannelHandler> handler) {
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                // no close frame of Netty's when the test closes: the reset is all the client sees
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/stream-transcription-websocket").checkStartsWith(true)
                                        .sendCloseFrame(null).build()),
                                handler.get());
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    /** On the client's first frame, sends four events and a close 1000, and resets the connection 300 ms later. */
    private static final class AnswerThenReset extends SimpleChannelInboundHandler<WebSocketFrame> {
        private boolean answered;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (answered || !(frame instanceof BinaryWebSocketFrame)) {
                return;
            }
            answered = true;
            for (int n = 0; n < 4; n++) {
                ctx.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(
                        TestHttp2Server.message("event", ":event-type", "TranscriptEvent", "{\"n\":" + n + "}"))));
            }
            ctx.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(written ->
                    ctx.executor().schedule(() -> reset(ctx.channel()), 300, TimeUnit.MILLISECONDS));
        }
    }
}
