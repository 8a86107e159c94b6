package dev.riffle.emulator;

import dev.riffle.sigv4.SignableRequest;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.StartStreamTranscriptionResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/2 front end of a session (spec 2): {@code POST /stream-transcription} on one stream, signed in its
 * headers; the response's HEADERS go out at once, its DATA carries the messages, END_STREAM ends it.
 */
final class Http2Session extends ChannelInboundHandlerAdapter implements SessionChannel {

    static final String PATH = "/stream-transcription";

    private final EmulatorContext context;
    private final TranscriptionSession session;
    private final String requestId = UUID.randomUUID().toString();
    private ChannelHandlerContext ctx;
    private boolean requested;
    /**
     * The stream's frames produced while a {@code delay-headers} fault holds back its HEADERS (events, an idle
     * timeout's exception, the end): a response's DATA cannot come before its HEADERS, so they wait, in order, and
     * go out right after them. Null once the HEADERS are written. Owned here: released if the stream closes first.
     */
    private List<HeldFrame> heldForHeaders;

    Http2Session(EmulatorContext context) {
        this.context = context;
        this.session = new TranscriptionSession(context);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2HeadersFrame headers) {
                if (!requested) {
                    requested = true;
                    onRequest(headers.headers());
                }
                if (headers.isEndStream()) {
                    session.onEndOfInput();
                }
            } else if (msg instanceof Http2DataFrame data) {
                for (ByteBuffer part : data.content().nioBuffers()) {
                    session.onBytes(part);
                }
                if (data.isEndStream()) {
                    session.onEndOfInput();
                }
            } else if (msg instanceof Http2ResetFrame) {
                session.stop();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof Http2ResetFrame) {
            session.stop(); // the client abandoned the stream
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.stop();
        if (heldForHeaders != null) {
            heldForHeaders.forEach(HeldFrame::discard);
            heldForHeaders.clear();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        session.stop();
        ctx.close();
    }

    private void onRequest(Http2Headers headers) {
        String target = headers.path() == null ? "" : headers.path().toString();
        int q = target.indexOf('?');
        String bare = q < 0 ? target : target.substring(0, q);
        if (!"POST".contentEquals(headers.method()) || !bare.equals(PATH)) {
            // The path only, not the query: a presigned URL sent here carries its signature and session token there.
            reject(new Admission.Refusal(404, "UnknownOperationException", "riffle's emulator serves POST " + PATH
                    + " over HTTP/2, not " + headers.method() + " " + bare));
            return;
        }
        List<SignableRequest.Param> query = Admission.decodedQuery(q < 0 ? "" : target.substring(q + 1)).orElse(null);
        if (query == null) {
            reject(Admission.MALFORMED_QUERY);
            return;
        }
        Admission.Outcome outcome = Admission.admit(context,
                () -> context.verifier.verify(toSignable(headers, bare, query)),
                () -> StartStreamTranscriptionRequest.fromHeaders(plainHeaders(headers)), session);
        if (!outcome.accepted()) {
            reject(outcome.refusal());
            return;
        }
        Http2Headers response = acceptedHeaders(requestId, outcome);
        Duration delay = session.takeHeaderDelay();
        if (delay.isZero()) {
            ctx.writeAndFlush(new DefaultHttp2HeadersFrame(response, false));
        } else {
            heldForHeaders = new ArrayList<>();
            ctx.executor().schedule(() -> writeDelayedHeaders(response), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        session.start(this, outcome, TranscriptionSession.Framing.SIGNED);
    }

    private void writeDelayedHeaders(Http2Headers response) {
        List<HeldFrame> held = heldForHeaders;
        heldForHeaders = null;
        if (!ctx.channel().isActive()) {
            held.forEach(HeldFrame::discard);
            return;
        }
        ctx.write(new DefaultHttp2HeadersFrame(response, false));
        held.forEach(h -> ctx.write(h.frame(), h.promise()));
        ctx.flush();
    }

    /**
     * Writes {@code frame} now, or keeps it until the delayed HEADERS have gone out.
     *
     * @return done when the frame is written, or failed if the stream closes first
     */
    private ChannelFuture writeData(Http2DataFrame frame, boolean flush) {
        ChannelPromise promise = ctx.newPromise();
        if (heldForHeaders != null) {
            heldForHeaders.add(new HeldFrame(frame, promise));
        } else if (flush) {
            ctx.writeAndFlush(frame, promise);
        } else {
            ctx.write(frame, promise);
        }
        return promise;
    }

    /** A DATA frame waiting for delayed HEADERS, and the promise of its write. */
    private record HeldFrame(Http2DataFrame frame, ChannelPromise promise) {
        /** The stream closed before the frame could go: release it (it is ours) and fail its write. */
        void discard() {
            ReferenceCountUtil.release(frame);
            promise.tryFailure(new ClosedChannelException());
        }
    }

    /** The 200 response's headers (spec 2.5): the request id, then the echo of the parameters with the session id. */
    static Http2Headers acceptedHeaders(String requestId, Admission.Outcome outcome) {
        Http2Headers response = new DefaultHttp2Headers().status("200");
        StartStreamTranscriptionResponse.of(requestId, outcome.request().toBuilder().sessionId(outcome.sessionId())
                .build()).toHeaders().forEach((name, value) -> response.add(name.toLowerCase(Locale.ROOT), value));
        return response.add("content-type", "application/json");
    }

    private void reject(Admission.Refusal refusal) {
        ctx.write(new DefaultHttp2HeadersFrame(ErrorResponses.headers(refusal.status(), refusal.errorType(),
                requestId), false));
        ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(
                ErrorResponses.body(refusal.errorType(), refusal.message())), true));
    }

    // ---- SessionChannel

    @Override
    public ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    @Override
    public EventExecutor executor() {
        return ctx.executor();
    }

    @Override
    public void send(ByteBuf message) {
        writeData(new DefaultHttp2DataFrame(message, false), false);
    }

    @Override
    public void flush() {
        if (heldForHeaders == null) {
            ctx.flush();
        }
    }

    @Override
    public Future<?> endResponse() {
        return writeData(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true), true);
    }

    @Override
    public void reset() {
        afterDataWritten(() -> ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR)));
    }

    @Override
    public void goAway() {
        afterDataWritten(() -> ctx.channel().parent().writeAndFlush(new DefaultHttp2GoAwayFrame(
                Http2Error.INTERNAL_ERROR)).addListener(f -> ctx.channel().parent().close()));
    }

    /**
     * Runs {@code fault} once the events written so far are on the wire. RST_STREAM and GOAWAY are not
     * flow-controlled (RFC 9113 section 6.9): written at once they overtake DATA still queued for the stream, in the
     * flow controller or unflushed while the connection is reading, and Netty discards a closed stream's queued DATA,
     * so the client would lose events the service had sent. An empty DATA frame queues behind them, and the fault
     * follows its write.
     */
    private void afterDataWritten(Runnable fault) {
        if (heldForHeaders != null) {
            fault.run(); // nothing has been sent yet; the held frames are released when the stream closes
            return;
        }
        ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, false)).addListener(f -> fault.run());
    }

    @Override
    public void drop() {
        ctx.channel().parent().close();
    }

    /**
     * Stops reading the stream: its window is no longer returned, so the client's writes back up. Frames Netty had
     * already read stay queued in the stream's channel, and a stream channel that is not reading never sees its
     * reset either; so when the connection closes, reading is turned back on, which hands the queued frames to this
     * handler to be released.
     */
    @Override
    public void stopReading() {
        Channel stream = ctx.channel();
        stream.config().setAutoRead(false);
        stream.parent().closeFuture().addListener(closed -> stream.eventLoop().execute(
                () -> stream.config().setAutoRead(true)));
    }

    // ---- helpers

    /** The request as its signer saw it: {@code path} without the query, and the query already decoded. */
    private static SignableRequest toSignable(Http2Headers headers, String path, List<SignableRequest.Param> query) {
        // Most SDKs sign the authority as "host"; the JavaScript SDK signs the pseudo-header ":authority" itself.
        // Both are offered: only the names in the Authorization's SignedHeaders enter the canonical request.
        String authority = headers.authority() == null ? "" : headers.authority().toString();
        SignableRequest.Builder request = SignableRequest.builder(headers.method().toString(), path)
                .header("host", authority).header(":authority", authority);
        query.forEach(p -> request.query(p.name(), p.value()));
        for (Map.Entry<CharSequence, CharSequence> h : headers) {
            if (h.getKey().length() > 0 && h.getKey().charAt(0) != ':') {
                request.header(h.getKey().toString(), h.getValue().toString());
            }
        }
        return request.build();
    }

    /** Every header of the request, pseudo-headers included, for the parameter parser (which takes only its own). */
    static Map<String, String> plainHeaders(Http2Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<CharSequence, CharSequence> h : headers) {
            out.put(h.getKey().toString(), h.getValue().toString());
        }
        return out;
    }
}
