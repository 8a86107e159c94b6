package dev.riffle.emulator;

import dev.riffle.sigv4.SignableRequest;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The WebSocket front end's first step (spec 4.1): {@code GET /stream-transcription-websocket?...} with an upgrade.
 * The presigned URL is verified (signature, host with its port, {@code X-Amz-Expires} and its 300 s cap, clock
 * skew) and the query's parameters validated; a refusal is the service's HTTP error before the upgrade. Accepted,
 * the connection becomes a {@link WebSocketSession}. Other HTTP/1.1 requests get 404.
 */
final class WebSocketUpgrade extends ChannelInboundHandlerAdapter {

    static final String PATH = "/stream-transcription-websocket";
    /** The longest presigned URL life the service accepts. */
    static final Duration MAX_EXPIRES = Duration.ofSeconds(300);
    private static final int MAX_FRAME = 1 << 20;

    private final EmulatorContext context;
    private final boolean tls;

    WebSocketUpgrade(EmulatorContext context, boolean tls) {
        this.context = context;
        this.tls = tls;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            onRequest(ctx, request);
        } finally {
            request.release();
        }
    }

    /** Closes the connection on an error before the upgrade (a TLS record gone bad), rather than log it. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /**
     * What the decoder objected to, without the input it quotes: Netty's messages put the offending request line or
     * value after a colon ("The URI contain illegal characters: /path?..."), and a presigned request's query holds
     * its signature and session token, which an error body must not echo.
     */
    private static String withoutQuotedInput(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        int colon = message.indexOf(':');
        return colon < 0 ? message : message.substring(0, colon).strip();
    }

    private void onRequest(ChannelHandlerContext ctx, FullHttpRequest request) {
        String requestId = UUID.randomUUID().toString();
        if (request.decoderResult().isFailure()) { // a request line or headers HttpServerCodec could not read
            refuse(ctx, requestId, new Admission.Refusal(400, "BadRequestException", "malformed HTTP request: "
                    + withoutQuotedInput(request.decoderResult().cause())));
            return;
        }
        String target = request.uri();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String rawQuery = q < 0 ? "" : target.substring(q + 1);
        boolean upgrade = "websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE));
        if (!request.method().equals(HttpMethod.GET) || !path.equals(PATH) || !upgrade) {
            refuse(ctx, requestId, new Admission.Refusal(404, "UnknownOperationException", "riffle's emulator "
                    + "serves WebSocket upgrades at GET " + PATH + " and HTTP/2 POST " + Http2Session.PATH
                    + "; not " + request.method() + " " + path + (upgrade ? "" : " without an upgrade")));
            return;
        }
        SignableRequest.Builder signable = SignableRequest.builder("GET", path);
        List<SignableRequest.Param> query = Admission.decodedQuery(rawQuery).orElse(null);
        if (query == null) {
            refuse(ctx, requestId, Admission.MALFORMED_QUERY);
            return;
        }
        query.forEach(p -> signable.query(p.name(), p.value()));
        Map<String, String> parameters = parameters(query);
        request.headers().forEach(h -> signable.header(h.getKey(), h.getValue()));
        TranscriptionSession session = new TranscriptionSession(context);
        Admission.Outcome outcome = Admission.admit(context,
                () -> context.verifier.verifyPresigned(signable.build(), MAX_EXPIRES),
                () -> StartStreamTranscriptionRequest.fromQueryParameters(parameters), session);
        if (!outcome.accepted()) {
            refuse(ctx, requestId, outcome.refusal());
            return;
        }
        // Admitted: the session holds a quota slot (and its session id) until it stops. Whatever ends the
        // connection from here on (a failed handshake, a peer gone during a header delay), the slot is freed;
        // stop() does nothing for a session that has already stopped.
        ctx.channel().closeFuture().addListener(f -> session.stop());
        Duration delay = session.takeHeaderDelay();
        // The handshake reads only the request's headers: keep those, and no buffer that a delay could outlive.
        FullHttpRequest headersOnly = new DefaultFullHttpRequest(request.protocolVersion(), request.method(),
                request.uri(), Unpooled.EMPTY_BUFFER, request.headers().copy(), EmptyHttpHeaders.INSTANCE);
        if (delay.isZero()) {
            upgrade(ctx, headersOnly, session, outcome, requestId);
        } else {
            ctx.executor().schedule(() -> {
                if (ctx.channel().isActive()) { // if not, its close has freed the slot
                    upgrade(ctx, headersOnly, session, outcome, requestId);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The request's parameters from its decoded query: the first value of each name. */
    static Map<String, String> parameters(List<SignableRequest.Param> query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        query.forEach(p -> parameters.putIfAbsent(p.name(), p.value()));
        return parameters;
    }

    /** The handshake response's headers: the request id and the session id (spec 4.1: no other echo). */
    static HttpHeaders handshakeHeaders(String requestId, String sessionId) {
        return new DefaultHttpHeaders().add("x-amzn-request-id", requestId)
                .add("x-amzn-transcribe-session-id", sessionId);
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, TranscriptionSession session,
                         Admission.Outcome outcome, String requestId) {
        String url = (tls ? "wss://" : "ws://") + request.headers().get(HttpHeaderNames.HOST) + PATH;
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(url, null, false, MAX_FRAME)
                .newHandshaker(request);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            session.stop();
            return;
        }
        HttpHeaders headers = handshakeHeaders(requestId, outcome.sessionId());
        ChannelFuture handshake;
        try {
            handshake = handshaker.handshake(ctx.channel(), request, headers, ctx.newPromise());
        } catch (RuntimeException e) { // Netty throws, rather than fails the promise, on a missing Connection or key
            session.stop();
            refuse(ctx, requestId, new Admission.Refusal(400, "BadRequestException", "not a WebSocket upgrade: "
                    + e.getMessage()));
            return;
        }
        handshake.addListener(f -> {
            if (!f.isSuccess()) {
                ctx.close(); // which frees the slot
                return;
            }
            ctx.pipeline().addAfter(ctx.name(), "aggregator", new WebSocketFrameAggregator(MAX_FRAME));
            WebSocketSession front = new WebSocketSession(session);
            ctx.pipeline().addAfter("aggregator", "session", front);
            ctx.pipeline().remove(this);
            session.start(front, outcome, TranscriptionSession.Framing.EITHER);
        });
    }

    private static void refuse(ChannelHandlerContext ctx, String requestId, Admission.Refusal refusal) {
        byte[] body = ErrorResponses.body(refusal.errorType(), refusal.message());
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(refusal.status()), Unpooled.wrappedBuffer(body));
        ErrorResponses.headers(refusal.status(), refusal.errorType(), requestId).forEach(h -> {
            if (h.getKey().charAt(0) != ':') {
                response.headers().set(h.getKey(), h.getValue());
            }
        });
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ctx.writeAndFlush(response).addListener(f -> ctx.close());
    }
}
