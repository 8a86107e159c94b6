package dev.riffle.transport.http2;

import dev.riffle.eventstream.EventStreamConstants;
import dev.riffle.eventstream.EventStreamException;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.transport.netty.ConnectionErrors;
import dev.riffle.transport.netty.OutboundQueue;
import dev.riffle.transport.netty.SignedFrames;
import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.EventSigner;
import dev.riffle.sigv4.RequestSigner;
import dev.riffle.sigv4.SigV4;
import dev.riffle.sigv4.SignableRequest;
import dev.riffle.sigv4.SignedRequest;
import dev.riffle.sigv4.SigningOptions;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.EventStreamListener;
import dev.riffle.transport.StreamRejectedException;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.StreamResponse;
import dev.riffle.transport.TransportException;
import dev.riffle.transport.TransportException.Kind;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2PingFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/2 event stream and its connection. Every field is touched only on {@link #loop}, the connection's
 * event loop, except the few marked otherwise; public methods hop onto it.
 *
 * <pre>
 * CONNECTING -> AWAITING_RESPONSE -> OPEN -> (input ended) -> DRAINING -> CLOSED
 *                                 \-> REJECTED (error status: body collected, then CLOSED)
 * any state -> CLOSED on failure, cancellation, reset, GOAWAY or a dropped connection
 * </pre>
 */
final class Http2EventStream implements EventStream {

    /** The body of an error response is kept up to this size. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** Signed bytes handed to Netty but not yet written are capped low, so signatures stay fresh (see drain). */
    private static final WriteBufferWaterMark STREAM_WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);
    private static final int INITIAL_WINDOW = 1 << 20;

    private enum State { CONNECTING, AWAITING_RESPONSE, OPEN, DRAINING, REJECTED, CLOSED }

    private final StreamRequest request;
    private final Credentials credentials;
    private final EventStreamListener listener;
    private final Http2Transport.Settings settings;
    private final EventLoop loop;
    private final SslContext sslContext;
    private final CompletableFuture<EventStream> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final MessageDecoder decoder = new MessageDecoder();
    private final MessageEncoder encoder = new MessageEncoder();
    private final OutboundQueue outbound;

    private State state = State.CONNECTING;
    private Channel connection;
    private Http2StreamChannel stream;
    private EventSigner signer;
    private StreamResponse response;
    private ByteArrayOutputStream rejectedBody;
    private ScheduledFuture<?> responseTimer;
    private ScheduledFuture<?> drainTimer;
    private ScheduledFuture<?> pingTimer;

    Http2EventStream(StreamRequest request, Credentials credentials, EventStreamListener listener,
                     Http2Transport.Settings settings, EventLoop loop, SslContext sslContext) {
        this.request = request;
        this.credentials = credentials;
        this.listener = listener;
        this.settings = settings;
        this.loop = loop;
        this.sslContext = sslContext;
        this.outbound = new OutboundQueue(settings.maxPendingBytes());
    }

    CompletableFuture<EventStream> opened() {
        return opened;
    }

    // ---------------------------------------------------------------- connecting

    void connect() {
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ClientChannelInitializer(this, sslContext, request.endpoint().getHost(), request.port(),
                        settings.connectTimeout(), settings.pingInterval(), INITIAL_WINDOW));
        ChannelFuture connecting = bootstrap.connect(request.endpoint().getHost(), request.port());
        connection = connecting.channel();
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                Throwable cause = f.cause();
                Kind kind = cause instanceof io.netty.channel.ConnectTimeoutException ? Kind.CONNECT_TIMEOUT
                        : Kind.CONNECT_FAILED;
                fail(new TransportException(kind, "cannot connect to " + request.endpoint() + ": "
                        + cause.getMessage(), cause));
            } else if (sslContext == null) {
                openStream();
            }
            // With TLS, ClientChannelInitializer calls onTlsReady() once the handshake and ALPN are done.
        });
    }

    /** TLS is up; {@code protocol} is the ALPN choice, or null if the server did not do ALPN. */
    void onTlsReady(String protocol) {
        if (protocol != null && !protocol.equals("h2")) {
            fail(new TransportException(Kind.TLS_FAILED, "the server at " + request.endpoint()
                    + " chose " + protocol + " instead of HTTP/2 (is this an event-stream endpoint?)"));
            return;
        }
        openStream();
    }

    private void openStream() {
        if (state != State.CONNECTING) {
            return;
        }
        new Http2StreamChannelBootstrap(connection)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, STREAM_WATER_MARK)
                .handler(new StreamHandler(this))
                .open().addListener(f -> {
                    if (!f.isSuccess()) {
                        fail(new TransportException(Kind.PROTOCOL_ERROR, "cannot open an HTTP/2 stream: "
                                + f.cause().getMessage(), f.cause()));
                        return;
                    }
                    stream = (Http2StreamChannel) f.getNow();
                    sendRequest();
                });
    }

    /** Signs the request now, sends its HEADERS, and starts the response timer. */
    private void sendRequest() {
        if (state != State.CONNECTING) {
            stream.close();
            return;
        }
        String authority = authority();
        SignableRequest.Builder toSign = SignableRequest.builder(request.method(), request.path())
                .header("host", authority)
                .header("content-type", EventStreamConstants.CONTENT_TYPE);
        request.headers().forEach(toSign::header);
        SignedRequest signed = RequestSigner.sign(toSign.build(), SigningOptions.of(credentials, request.region(),
                        request.service(), settings.clock().instant())
                .withPayloadHash(SigV4.STREAMING_EVENTS_PAYLOAD).withContentSha256Header(true));
        signer = new EventSigner(credentials, request.region(), request.service(), signed.signature(),
                settings.clock());

        Http2Headers headers = new DefaultHttp2Headers().method(request.method())
                .scheme(request.secure() ? "https" : "http").authority(authority).path(request.path());
        for (SignableRequest.Param header : signed.headers()) {
            if (!header.name().equalsIgnoreCase("host")) { // sent as :authority, signed as host
                headers.add(header.name().toLowerCase(java.util.Locale.ROOT), header.value());
            }
        }
        headers.add("user-agent", settings.userAgent());
        state = State.AWAITING_RESPONSE;
        responseTimer = loop.schedule(() -> fail(new TransportException(Kind.RESPONSE_TIMEOUT,
                "no response headers from " + request.endpoint() + " within " + settings.responseTimeout())),
                settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        stream.writeAndFlush(new DefaultHttp2HeadersFrame(headers, false)).addListener(f -> {
            if (!f.isSuccess()) {
                fail(new TransportException(Kind.CONNECTION_CLOSED, "cannot send the request: "
                        + f.cause().getMessage(), f.cause()));
            }
        });
    }

    private String authority() {
        int port = request.port();
        boolean defaultPort = port == (request.secure() ? 443 : 80);
        String host = request.endpoint().getHost();
        return defaultPort ? host : host + ":" + port;
    }

    // ---------------------------------------------------------------- inbound

    void onHeaders(Http2HeadersFrame frame) {
        if (state == State.AWAITING_RESPONSE) {
            cancel(responseTimer);
            int status = parseStatus(frame.headers());
            response = new StreamResponse(status, toMap(frame.headers()));
            if (status == 200) {
                state = State.OPEN;
                opened.complete(this);
                drain();
            } else {
                state = State.REJECTED;
                rejectedBody = new ByteArrayOutputStream();
                // The error body is bounded in size (MAX_ERROR_BODY) and in time: a peer that never ends it must
                // not hold open() forever. When the response timeout passes, the rejection is reported with the
                // body received so far; the status and x-amzn-errortype already say what failed.
                responseTimer = loop.schedule(this::onEndOfResponse, settings.responseTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
        if (frame.isEndStream()) {
            onEndOfResponse();
        }
    }

    void onData(Http2DataFrame frame) {
        ByteBuf content = frame.content();
        if (state == State.REJECTED) {
            int room = MAX_ERROR_BODY - rejectedBody.size();
            if (room > 0) {
                byte[] bytes = new byte[Math.min(room, content.readableBytes())];
                content.getBytes(content.readerIndex(), bytes);
                rejectedBody.write(bytes, 0, bytes.length);
            }
        } else if (state == State.OPEN || state == State.DRAINING) {
            decode(content);
        }
        if (frame.isEndStream()) {
            onEndOfResponse();
        }
    }

    /** Feeds DATA to the decoder without copying: each NIO view of the frame, in order. */
    private void decode(ByteBuf content) {
        try {
            if (content.nioBufferCount() == 1) {
                decoder.feed(content.nioBuffer(), listener::onMessage);
            } else {
                for (ByteBuffer part : content.nioBuffers()) {
                    decoder.feed(part, listener::onMessage);
                }
            }
        } catch (EventStreamException e) {
            fail(new TransportException(Kind.PROTOCOL_ERROR, "the service sent malformed event-stream data: "
                    + e.getMessage(), e));
        } catch (RuntimeException e) {
            fail(new TransportException(Kind.PROTOCOL_ERROR, "the stream listener failed: " + e, e));
        }
    }

    private void onEndOfResponse() {
        if (state == State.REJECTED) {
            StreamRejectedException rejected = new StreamRejectedException(response, rejectedBody.toByteArray());
            finish(rejected);
            return;
        }
        if (state == State.OPEN || state == State.DRAINING) {
            try {
                decoder.endOfInput();
            } catch (EventStreamException e) {
                fail(new TransportException(Kind.PROTOCOL_ERROR, "the response ended inside a message: "
                        + e.getMessage(), e));
                return;
            }
            finish(null);
        }
    }

    void onReset(long errorCode) {
        fail(new TransportException(Kind.STREAM_RESET, "the service reset the stream ("
                + describe(errorCode) + ")"));
    }

    void onGoAway(Http2GoAwayFrame frame) {
        boolean ours = stream != null && stream.stream().id() > 0 && frame.lastStreamId() >= stream.stream().id();
        if (state != State.CLOSED && (!ours || frame.errorCode() != Http2Error.NO_ERROR.code())) {
            fail(new TransportException(Kind.GOAWAY, "the service is closing the connection (GOAWAY, "
                    + describe(frame.errorCode()) + ", last stream " + frame.lastStreamId() + ")"));
        }
    }

    void onConnectionClosed() {
        if (state != State.CLOSED) {
            fail(new TransportException(Kind.CONNECTION_CLOSED, "the connection to " + request.endpoint()
                    + " closed before the stream ended"));
        }
    }

    void onConnectionError(Throwable cause) {
        fail(ConnectionErrors.toTransportException(cause, request.endpoint(), "an http:// endpoint"));
    }

    /** Nothing received for a ping interval: ask the peer whether it is alive. */
    void onReadIdle() {
        if (pingTimer != null || state == State.CLOSED || connection == null) {
            return;
        }
        connection.writeAndFlush(new DefaultHttp2PingFrame(System.nanoTime()));
        pingTimer = loop.schedule(() -> fail(new TransportException(Kind.IDLE_TIMEOUT, "no answer to an HTTP/2 "
                + "PING within " + settings.pingTimeout() + " (nothing received for "
                + settings.pingInterval().plus(settings.pingTimeout()) + ")")),
                settings.pingTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    void onPingAck() {
        cancel(pingTimer);
        pingTimer = null;
    }

    // ---------------------------------------------------------------- outbound

    @Override
    public CompletableFuture<Void> send(ByteBuffer message) {
        return outbound.offer(message, loop, this::enqueue);
    }

    @Override
    public CompletableFuture<Void> send(HeaderBlock headers, ByteBuffer payload) {
        return outbound.offer(headers, payload, loop, this::enqueue);
    }

    @Override
    public CompletableFuture<Void> end() {
        outbound.closeInput();
        loop.execute(() -> {
            if (state == State.OPEN || state == State.AWAITING_RESPONSE) {
                if (outbound.addEnd()) {
                    startDrainTimer();
                    drain();
                }
            } else if (!outbound.endQueued()) {
                ended.completeExceptionally(new TransportException(Kind.STREAM_CLOSED, "the stream is not open"));
            }
        });
        return ended;
    }

    private void enqueue(OutboundQueue.Pending pending) {
        if (state != State.OPEN && state != State.AWAITING_RESPONSE || outbound.endQueued()) {
            outbound.refuse(pending, "the stream is not open");
            return;
        }
        outbound.add(pending);
        drain();
    }

    /**
     * Hands queued messages to Netty while the stream is writable, signing each one as it goes. Gating on
     * writability (the stream's water mark is 64 KiB) keeps signed-but-unsent bytes few, so that no signature waits
     * long enough to expire at the service ("Signature expired" after 5 minutes).
     */
    void drain() {
        if (state != State.OPEN || stream == null) {
            return;
        }
        boolean wrote = false;
        while (!outbound.isEmpty() && stream.isWritable()) {
            OutboundQueue.Pending pending = outbound.poll();
            wrote = true;
            if (pending.isEnd()) {
                writeEnd();
                break;
            }
            ByteBuf frame = SignedFrames.signed(stream.alloc(), signer, encoder, pending);
            stream.write(new DefaultHttp2DataFrame(frame, false))
                    .addListener(f -> outbound.written(pending, f.cause()));
        }
        if (wrote) {
            stream.flush();
        }
    }

    /**
     * The bound on everything after the end of input: writing what is still queued, the end frame, and the
     * service's last events. It starts when the caller ends the input, not when the end frame is written, so a
     * peer that stops reading cannot hold the stream open by never letting the queue drain.
     */
    private void startDrainTimer() {
        drainTimer = loop.schedule(() -> fail(new TransportException(Kind.DRAIN_TIMEOUT, "the service did not end "
                + "its response within " + settings.drainTimeout() + " of the end of input")),
                settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void writeEnd() {
        ByteBuf end = SignedFrames.signedEnd(stream.alloc(), signer);
        state = State.DRAINING;
        stream.write(new DefaultHttp2DataFrame(end, true)).addListener(f -> {
            if (f.isSuccess()) {
                ended.complete(null);
            } else {
                ended.completeExceptionally(new TransportException(Kind.CONNECTION_CLOSED,
                        "the end of input could not be written: " + f.cause().getMessage(), f.cause()));
            }
        });
    }

    // ---------------------------------------------------------------- ending

    @Override
    public void cancel() {
        loop.execute(() -> fail(new TransportException(Kind.CANCELLED, "the stream was cancelled")));
    }

    @Override
    public CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public StreamResponse response() {
        return response;
    }

    @Override
    public void pauseReading() {
        loop.execute(() -> {
            if (stream != null) {
                stream.config().setAutoRead(false);
            }
        });
    }

    @Override
    public void resumeReading() {
        loop.execute(() -> {
            if (stream != null) {
                stream.config().setAutoRead(true);
            }
        });
    }

    void fail(Throwable error) {
        finish(error);
    }

    /**
     * Ends the stream once: completes the futures, fails what is still queued, stops the timers, and closes the
     * stream (a RST_STREAM if it is still open) and the connection, which releases every buffer Netty holds.
     */
    private void finish(Throwable error) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        cancel(responseTimer);
        cancel(drainTimer);
        cancel(pingTimer);
        outbound.close(error == null ? "the service ended the stream" : "the stream failed: " + error.getMessage());
        if (error == null) {
            ended.complete(null);
            opened.complete(this);
            closed.complete(null);
        } else {
            ended.completeExceptionally(error);
            opened.completeExceptionally(error);
            closed.completeExceptionally(error);
        }
        if (stream != null) {
            stream.close();
        }
        if (connection != null) {
            connection.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static int parseStatus(Http2Headers headers) {
        CharSequence status = headers.status();
        try {
            return status == null ? 0 : Integer.parseInt(status.toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Map<String, String> toMap(Http2Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Entry<CharSequence, CharSequence> h : headers) {
            String name = h.getKey().toString();
            if (!name.startsWith(":")) {
                out.merge(name, h.getValue().toString(), (a, b) -> a + "," + b);
            }
        }
        return out;
    }

    private static String describe(long errorCode) {
        Http2Error error = Http2Error.valueOf(errorCode);
        return error == null ? "error code " + errorCode : error.name();
    }

}
