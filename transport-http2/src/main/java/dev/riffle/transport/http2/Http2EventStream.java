package dev.riffle.transport.http2;

import dev.riffle.eventstream.EventStreamConstants;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.EventSigner;
import dev.riffle.sigv4.RequestSigner;
import dev.riffle.sigv4.SigV4;
import dev.riffle.sigv4.SignableRequest;
import dev.riffle.sigv4.SignedRequest;
import dev.riffle.sigv4.SigningOptions;
import dev.riffle.transport.EventStreamListener;
import dev.riffle.transport.StreamRejectedException;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.StreamResponse;
import dev.riffle.transport.TransportException;
import dev.riffle.transport.TransportException.Kind;
import dev.riffle.transport.netty.AbstractEventStream;
import dev.riffle.transport.netty.OutboundQueue;
import dev.riffle.transport.netty.SignedFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
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
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;

/**
 * One HTTP/2 event stream and its connection: the request is a HEADERS frame signed when it is sent, the
 * response's status decides between opening and refusing, each message is a DATA frame, and the end of input is
 * the signed empty envelope with END_STREAM. The life cycle is {@link AbstractEventStream}'s; everything here runs
 * on the connection's event loop.
 */
final class Http2EventStream extends AbstractEventStream {

    /** The body of an error response is kept up to this size. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    /** Signed bytes handed to Netty but not yet written are capped low, so signatures stay fresh (see drain). */
    private static final WriteBufferWaterMark STREAM_WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);
    private static final int INITIAL_WINDOW = 1 << 20;

    private final StreamRequest request;
    private final Credentials credentials;
    private final Http2Transport.Settings settings;
    private final SslContext sslContext;

    private Http2StreamChannel stream;
    private EventSigner signer;
    private ByteArrayOutputStream rejectedBody;

    Http2EventStream(StreamRequest request, Credentials credentials, EventStreamListener listener,
                     Http2Transport.Settings settings, EventLoop loop, SslContext sslContext) {
        super(loop, settings, listener, request.endpoint(), "an http:// endpoint");
        this.request = request;
        this.credentials = credentials;
        this.settings = settings;
        this.sslContext = sslContext;
    }

    // ---------------------------------------------------------------- connecting

    @Override
    protected void connect() {
        connectTo(request.endpoint().getHost(), request.port(), new ClientChannelInitializer(this, sslContext,
                request.endpoint().getHost(), request.port(), settings.connectTimeout(), settings.pingInterval(),
                INITIAL_WINDOW)).addListener(f -> {
                    if (f.isSuccess() && sslContext == null) {
                        openStream();
                    }
                    // With TLS, ClientChannelInitializer calls onTlsReady() once the handshake and ALPN are done.
                });
    }

    /** TLS is up; {@code protocol} is the ALPN choice, or null if the server did not do ALPN. */
    void onTlsReady(String protocol) {
        if (protocol != null && !protocol.equals("h2")) {
            fail(new TransportException(Kind.TLS_FAILED, "the server at " + server()
                    + " chose " + protocol + " instead of HTTP/2 (is this an event-stream endpoint?)"));
            return;
        }
        openStream();
    }

    private void openStream() {
        if (state() != State.CONNECTING) {
            return;
        }
        new Http2StreamChannelBootstrap(connection())
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

    /** Signs the request now, sends its HEADERS, and waits for the response's. */
    private void sendRequest() {
        if (state() != State.CONNECTING) {
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
                headers.add(header.name().toLowerCase(Locale.ROOT), header.value());
            }
        }
        headers.add("user-agent", settings.userAgent());
        awaitResponse("response headers");
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
        if (state() == State.AWAITING_RESPONSE) {
            int status = parseStatus(frame.headers());
            StreamResponse response = new StreamResponse(status, toMap(frame.headers()));
            if (status == 200) {
                onAccepted(response);
            } else {
                rejectedBody = new ByteArrayOutputStream();
                onRefused(response, this::onEndOfResponse);
            }
        }
        if (frame.isEndStream()) {
            onEndOfResponse();
        }
    }

    void onData(Http2DataFrame frame) {
        ByteBuf content = frame.content();
        if (state() == State.REJECTED) {
            int room = MAX_ERROR_BODY - rejectedBody.size();
            if (room > 0) {
                byte[] bytes = new byte[Math.min(room, content.readableBytes())];
                content.getBytes(content.readerIndex(), bytes);
                rejectedBody.write(bytes, 0, bytes.length);
            }
        } else {
            decode(content);
        }
        if (frame.isEndStream()) {
            onEndOfResponse();
        }
    }

    private void onEndOfResponse() {
        if (state() == State.REJECTED) {
            fail(new StreamRejectedException(response(), rejectedBody.toByteArray()));
        } else if (state() == State.OPEN || state() == State.DRAINING) {
            finishNormally();
        }
    }

    /** RST_STREAM: reported after the frames received before it, which may complete the response (RFC 9113 §8.1). */
    void onReset(long errorCode) {
        failAfterQueuedFrames(new TransportException(Kind.STREAM_RESET, "the service reset the stream ("
                + describe(errorCode) + ")"));
    }

    void onGoAway(Http2GoAwayFrame frame) {
        boolean ours = stream != null && stream.stream().id() > 0 && frame.lastStreamId() >= stream.stream().id();
        if (state() != State.CLOSED && (!ours || frame.errorCode() != Http2Error.NO_ERROR.code())) {
            failAfterQueuedFrames(new TransportException(Kind.GOAWAY, "the service is closing the connection "
                    + "(GOAWAY, " + describe(frame.errorCode()) + ", last stream " + frame.lastStreamId() + ")"));
        }
    }

    // ---------------------------------------------------------------- framing

    @Override
    protected Channel streamChannel() {
        return stream;
    }

    @Override
    protected Object dataFrame(ByteBuf message, boolean endOfInput) {
        return new DefaultHttp2DataFrame(message, endOfInput);
    }

    @Override
    protected ByteBuf encode(ByteBufAllocator alloc, MessageEncoder encoder, OutboundQueue.Pending pending) {
        return SignedFrames.signed(alloc, signer, encoder, pending);
    }

    @Override
    protected ByteBuf encodeEnd(ByteBufAllocator alloc, MessageEncoder encoder) {
        return SignedFrames.signedEnd(alloc, signer);
    }

    @Override
    protected Object pingFrame() {
        return new DefaultHttp2PingFrame(System.nanoTime());
    }

    @Override
    protected String pingName() {
        return "an HTTP/2 PING";
    }

    // ---------------------------------------------------------------- helpers

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
