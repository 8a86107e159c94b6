package dev.riffle.transport.http2;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.eventstream.MessageView;
import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsLookup;
import dev.riffle.sigv4.EventChainVerifier;
import dev.riffle.sigv4.RequestVerifier;
import dev.riffle.sigv4.SignableRequest;
import dev.riffle.sigv4.SignatureVerificationException;
import dev.riffle.sigv4.VerifiedRequest;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable HTTP/2 (h2c) event-stream server on 127.0.0.1 for transport tests. It checks what the client sends
 * as a service would: the request's SigV4 signature, then every event envelope against the chain (riffle's
 * verifiers), decodes the inner messages, and hands them to a {@link Script} that decides what to answer, including
 * faults (error statuses, exceptions, RST_STREAM, GOAWAY, a dropped connection, silence).
 */
public final class TestHttp2Server implements AutoCloseable {

    public static final Credentials CREDENTIALS = Credentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final Script script;
    private final RequestVerifier verifier;
    public final List<ServerStream> streams = new CopyOnWriteArrayList<>();

    /** What the server does at each point of a stream. */
    public interface Script {
        /** The request verified: by default, accept it (200 and the request id). */
        default void onRequest(ServerStream stream) {
            stream.accept();
        }

        /** A verified inner message (borrowed view). */
        default void onEvent(ServerStream stream, MessageView inner) {
        }

        /** The signed end frame arrived: by default, end the response. */
        default void onEndOfInput(ServerStream stream) {
            stream.finish();
        }
    }

    public TestHttp2Server(Script script) {
        this.script = script;
        this.verifier = new RequestVerifier(CredentialsLookup.of(CREDENTIALS), Clock.systemUTC(),
                Duration.ofMinutes(5), "transcribe");
        this.server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(Http2FrameCodecBuilder.forServer().build());
                        channel.pipeline().addLast(new Http2MultiplexHandler(
                                new ChannelInitializer<Http2StreamChannel>() {
                                    @Override
                                    protected void initChannel(Http2StreamChannel stream) {
                                        ServerStream s = new ServerStream(stream);
                                        streams.add(s);
                                        stream.pipeline().addLast(s);
                                    }
                                }));
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort());
    }

    public ServerStream awaitStream() throws InterruptedException {
        for (int i = 0; i < 500 && streams.isEmpty(); i++) {
            Thread.sleep(10);
        }
        return streams.get(0);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One stream on the server: what it received, and the actions a script takes. */
    public final class ServerStream extends ChannelInboundHandlerAdapter {
        public final Http2StreamChannel channel;
        public final List<String> verificationErrors = new CopyOnWriteArrayList<>();
        public final CountDownLatch endOfInput = new CountDownLatch(1);
        public final CountDownLatch reset = new CountDownLatch(1);
        public volatile Http2Headers requestHeaders;
        public volatile VerifiedRequest verified;
        public volatile int events;
        public volatile long innerBytes;
        private EventChainVerifier chain;
        private final MessageDecoder envelopes = new MessageDecoder();

        ServerStream(Http2StreamChannel channel) {
            this.channel = channel;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof Http2HeadersFrame headers && requestHeaders == null) {
                    onRequest(headers.headers());
                } else if (msg instanceof Http2DataFrame data && chain != null) {
                    envelopes.feed(data.content().nioBuffer(), this::onEnvelope);
                }
            } catch (RuntimeException e) {
                verificationErrors.add(e.toString());
                reject(400, "BadRequestException", e.getMessage());
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof io.netty.handler.codec.http2.Http2ResetFrame) {
                reset.countDown();
            }
            ReferenceCountUtil.release(evt);
        }

        private void onRequest(Http2Headers headers) {
            requestHeaders = headers;
            SignableRequest.Builder request = SignableRequest.builder(headers.method().toString(),
                    headers.path().toString()).header("host", headers.authority().toString());
            for (Map.Entry<CharSequence, CharSequence> h : headers) {
                if (h.getKey().charAt(0) != ':') {
                    request.header(h.getKey().toString(), h.getValue().toString());
                }
            }
            try {
                verified = verifier.verify(request.build());
            } catch (SignatureVerificationException e) {
                verificationErrors.add(e.getMessage());
                reject(e.httpStatus(), e.errorType(), e.getMessage());
                return;
            }
            chain = new EventChainVerifier(verified, Clock.systemUTC(), Duration.ofMinutes(5));
            script.onRequest(this);
        }

        private void onEnvelope(MessageView envelope) {
            boolean end = chain.verify(envelope);
            if (end) {
                endOfInput.countDown();
                script.onEndOfInput(this);
                return;
            }
            events++;
            innerBytes += envelope.payloadLength();
            MessageDecoder inner = new MessageDecoder();
            inner.feed(envelope.payload(), view -> script.onEvent(this, view));
            inner.endOfInput();
        }

        public void accept() {
            channel.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
                    .add("x-amzn-request-id", UUID.randomUUID().toString())
                    .add("content-type", "application/json"), false));
        }

        public void reject(int status, String errorType, String message) {
            if (!channel.isActive()) {
                return;
            }
            byte[] body = ("{\"Message\":\"" + message.replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8);
            channel.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status(Integer.toString(status))
                    .add("x-amzn-errortype", errorType + ":http://internal.amazon.com/coral/com.amazonaws.transcribe/")
                    .add("x-amzn-requestid", "req-" + status).add("content-type", "application/json"), false));
            channel.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true));
        }

        /** Answers as a proxy in front of the service might: a status and a page, no AWS error headers. */
        public void rejectWithPage(int status, String contentType, String page) {
            channel.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status(Integer.toString(status))
                    .add("content-type", contentType), false));
            channel.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer(page, StandardCharsets.UTF_8),
                    true));
        }

        /** Sends an error status and the start of its body, and never ends the body. */
        public void rejectAndStall(int status, String errorType) {
            channel.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status(Integer.toString(status))
                    .add("x-amzn-errortype", errorType).add("x-amzn-requestid", "req-stalled"), false));
            channel.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer("{\"Message\":\"part",
                    StandardCharsets.UTF_8), false));
        }

        /** Sends an event with a JSON payload. */
        public void sendEvent(String eventType, String json) {
            send(message("event", ":event-type", eventType, json));
        }

        /** Sends a modeled exception, then ends the response, as the service does. */
        public void sendException(String exceptionType, String text) {
            send(message("exception", ":exception-type", exceptionType, "{\"Message\":\"" + text + "\"}"));
            finish();
        }

        public void send(ByteBuffer encoded) {
            channel.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(encoded), false));
        }

        /** Sends raw bytes as DATA (for malformed event-stream data). */
        public void sendRaw(byte[] bytes) {
            channel.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(bytes), false));
        }

        /** Ends the response; the returned future completes once the end, and all before it, is on the wire. */
        public ChannelFuture finish() {
            return channel.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true));
        }

        public void resetStream(Http2Error error) {
            channel.writeAndFlush(new DefaultHttp2ResetFrame(error));
        }

        /**
         * Resets the stream, while its response is still open, once everything written before is on the wire (an
         * empty DATA frame is written and the reset waits for it). RST_STREAM is not flow-controlled, so
         * {@link #resetStream} can overtake DATA still queued in the server's flow controller, which the reset
         * then discards.
         */
        public void resetStreamAfterWrites(Http2Error error) {
            channel.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, false))
                    .addListener(f -> resetStream(error));
        }

        public void goAway(Http2Error error, int lastStreamId) {
            ByteBuf debug = Unpooled.copiedBuffer("going away", StandardCharsets.US_ASCII);
            channel.parent().writeAndFlush(new DefaultHttp2GoAwayFrame(error, debug).setExtraStreamIds(0))
                    .addListener(f -> {
                        if (error != Http2Error.NO_ERROR) {
                            channel.parent().close();
                        }
                    });
        }

        public void dropConnection() {
            channel.parent().close();
        }

        public void pauseReading() {
            channel.eventLoop().execute(() -> channel.config().setAutoRead(false));
        }

        public void resumeReading() {
            channel.eventLoop().execute(() -> {
                channel.config().setAutoRead(true);
                channel.read();
            });
        }
    }

    /** An encoded message with the three protocol headers and a UTF-8 payload. */
    public static ByteBuffer message(String messageType, String typeHeader, String type, String payload) {
        HeaderBlock headers = new HeaderBlock().addString(":message-type", messageType).addString(typeHeader, type)
                .addString(":content-type", "application/json");
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), bytes.length));
        new MessageEncoder().encode(headers, ByteBuffer.wrap(bytes), out);
        return out.flip();
    }
}
