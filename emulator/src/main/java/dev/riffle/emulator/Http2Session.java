package dev.riffle.emulator;

import dev.riffle.eventstream.EventStreamException;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.eventstream.MessageView;
import dev.riffle.sigv4.EventChainVerifier;
import dev.riffle.sigv4.SignableRequest;
import dev.riffle.sigv4.SignatureVerificationException;
import dev.riffle.sigv4.VerifiedRequest;
import dev.riffle.transcribe.model.InvalidRequestException;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.StartStreamTranscriptionResponse;
import dev.riffle.transcribe.model.TranscriptEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One StartStreamTranscription over HTTP/2, on its stream's channel, as the service runs it (spec 5.1):
 *
 * <pre>
 * request -> signature (403) -> parameters (400) -> quota (429) -> session id (409) -> 200 headers at once
 * STREAMING: each envelope verified against the chain; AudioEvents timed; limits; faults; transcript events out
 *   bad frame, bad signature, stale :date, too big, too fast  -> BadRequestException, end
 *   no audio for 15 s                                         -> BadRequestException, end
 *   4 hours of audio                                          -> LimitExceededException, end
 * end of input (signed empty envelope, empty AudioEvent, END_STREAM) -> finals, end
 * </pre>
 *
 * Every field is confined to the stream channel's event loop.
 */
final class Http2Session extends ChannelInboundHandlerAdapter {

    static final String PATH = "/stream-transcription";
    static final String TOO_BIG = "Your stream is too big. Reduce the frame size and try your request again.";

    private enum State { AWAITING_REQUEST, STREAMING, DONE }

    private final EmulatorContext context;
    private final MessageDecoder envelopes = new MessageDecoder();
    private final MessageDecoder inner = new MessageDecoder();
    private final MessageEncoder encoder = new MessageEncoder();
    private final Deque<Fault> faults;
    private final String requestId = UUID.randomUUID().toString();

    private ChannelHandlerContext ctx;
    private State state = State.AWAITING_REQUEST;
    private String sessionId;
    private boolean pcm;
    private EventChainVerifier chain;
    private AudioClock audioClock;
    private Transcription transcription;
    private double audioSeconds;
    private long firstAudioNanos = -1;
    private ScheduledFuture<?> idleTimer;

    Http2Session(EmulatorContext context) {
        this.context = context;
        this.faults = new ArrayDeque<>(context.config.faults.stream()
                .sorted(Comparator.comparing(Fault::at)).toList());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof Http2HeadersFrame headers) {
                if (state == State.AWAITING_REQUEST) {
                    onRequest(headers.headers());
                }
                if (headers.isEndStream()) {
                    onEndOfInput();
                }
            } else if (msg instanceof Http2DataFrame data) {
                onData(data);
            } else if (msg instanceof Http2ResetFrame) {
                stop();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof Http2ResetFrame) {
            stop(); // the client abandoned the stream
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        stop();
        ctx.close();
    }

    // ------------------------------------------------------------------ the request

    private void onRequest(Http2Headers headers) {
        String path = headers.path() == null ? "" : headers.path().toString();
        if (!"POST".contentEquals(headers.method()) || !path.startsWith(PATH)
                || path.length() > PATH.length() && path.charAt(PATH.length()) != '?') {
            reject(404, "UnknownOperationException", "riffle's emulator serves POST " + PATH + ", not "
                    + headers.method() + " " + path);
            return;
        }
        VerifiedRequest verified;
        try {
            verified = context.verifier.verify(toSignable(headers));
        } catch (SignatureVerificationException e) {
            reject(e.httpStatus(), e.errorType(), e.getMessage());
            return;
        }
        StartStreamTranscriptionRequest request;
        try {
            request = StartStreamTranscriptionRequest.fromHeaders(plainHeaders(headers)).validate();
        } catch (InvalidRequestException e) {
            reject(400, "BadRequestException", e.getMessage());
            return;
        }
        if (context.sessions.full()) {
            reject(429, "LimitExceededException", "You have reached your limit of concurrent streams, "
                    + context.sessions.quota() + ". Try again later.");
            return;
        }
        sessionId = request.sessionId().orElse(UUID.randomUUID().toString()).toLowerCase(Locale.ROOT);
        if (!claimSessionId()) {
            return;
        }
        accept(request, verified);
    }

    /** One live stream per session id (spec 5.7); returns false if this request was refused for it. */
    private boolean claimSessionId() {
        Http2Session live = context.sessions.live(sessionId);
        if (live != null) {
            if (context.config.sessionConflict == EmulatorConfig.SessionConflict.REFUSE_NEW) {
                reject(409, "ConflictException", "Another stream is in progress with the same session ID.");
                return false;
            }
            live.terminateFromAnyThread("ConflictException",
                    "A new stream was started with the same session ID; this stream is terminated.");
        }
        context.sessions.add(sessionId, this);
        return true;
    }

    private void accept(StartStreamTranscriptionRequest request, VerifiedRequest verified) {
        state = State.STREAMING;
        chain = new EventChainVerifier(verified, context.config.clock, context.config.clockSkew);
        pcm = request.mediaEncoding().orElse(MediaEncoding.PCM) == MediaEncoding.PCM;
        audioClock = context.audioClocks.create(request);
        transcription = context.transcriptions.create(request);
        Http2Headers response = new DefaultHttp2Headers().status("200");
        Map<String, String> echoed = StartStreamTranscriptionResponse.of(requestId,
                request.toBuilder().sessionId(sessionId).build()).toHeaders();
        echoed.forEach((name, value) -> response.add(name.toLowerCase(Locale.ROOT), value));
        response.add("content-type", "application/json");
        Fault delay = takeFault(Fault.Kind.DELAY_HEADERS);
        if (delay == null) {
            ctx.writeAndFlush(new DefaultHttp2HeadersFrame(response, false));
        } else {
            ctx.executor().schedule(() -> {
                if (state == State.STREAMING) {
                    ctx.writeAndFlush(new DefaultHttp2HeadersFrame(response, false));
                }
            }, delay.at().toMillis(), TimeUnit.MILLISECONDS);
        }
        restartIdleTimer();
    }

    private void reject(int status, String errorType, String message) {
        state = State.DONE;
        ctx.write(new DefaultHttp2HeadersFrame(ErrorResponses.headers(status, errorType, requestId), false));
        ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(ErrorResponses.body(errorType, message)),
                true));
    }

    // ------------------------------------------------------------------ the stream

    private void onData(Http2DataFrame data) {
        if (state != State.STREAMING) {
            return;
        }
        try {
            ByteBuf content = data.content();
            for (ByteBuffer part : content.nioBuffers()) {
                envelopes.feed(part, this::onEnvelope);
                if (state != State.STREAMING) {
                    return;
                }
            }
        } catch (EventStreamException e) {
            terminate("BadRequestException", "Could not decode the audio stream: " + e.getMessage());
            return;
        }
        if (data.isEndStream()) {
            onEndOfInput();
        }
    }

    private void onEnvelope(MessageView envelope) {
        if (state != State.STREAMING) {
            return;
        }
        boolean end;
        try {
            end = chain.verify(envelope);
        } catch (SignatureVerificationException e) {
            terminate("BadRequestException", e.getMessage());
            return;
        }
        if (end) {
            onEndOfInput();
            return;
        }
        inner.feed(envelope.payload(), this::onEvent);
        inner.endOfInput();
    }

    /** One inner message: AudioEvent (empty: end of input), ConfigurationEvent (accepted), nothing else. */
    private void onEvent(MessageView event) {
        String type = event.stringHeader(":event-type");
        if ("AudioEvent".equals(type)) {
            if (event.payloadLength() == 0) {
                onEndOfInput();
            } else {
                onAudio(event.payload());
            }
        } else if (!"ConfigurationEvent".equals(type)) {
            terminate("BadRequestException", "The event type " + type + " is not valid for this operation.");
        }
    }

    private void onAudio(ByteBuffer audio) {
        restartIdleTimer();
        long now = System.nanoTime();
        if (firstAudioNanos < 0) {
            firstAudioNanos = now;
        }
        double before = audioSeconds;
        audioSeconds = audioClock.advance(audio);
        if (audioSeconds - before > seconds(context.config.maxAudioPerEvent) + 1e-9) {
            terminate("BadRequestException", TOO_BIG);
            return;
        }
        Duration allowance = context.config.aheadOfRealTimeAllowance;
        if (allowance != null && audioSeconds - (now - firstAudioNanos) / 1e9 > seconds(allowance)) {
            terminate("BadRequestException", TOO_BIG);
            return;
        }
        if (audioSeconds > seconds(context.config.maxStreamDuration)) {
            terminate("LimitExceededException", "Your stream has exceeded the maximum duration of "
                    + context.config.maxStreamDuration.toHours() + " hours.");
            return;
        }
        send(transcription.accept(pcm ? audio : null, audioSeconds));
        applyDueFaults();
    }

    private void onEndOfInput() {
        if (state != State.STREAMING) {
            return;
        }
        send(transcription.finish());
        state = State.DONE;
        ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true));
        stop();
    }

    private void send(List<TranscriptEvent> events) {
        if (events.isEmpty() || state != State.STREAMING) {
            return;
        }
        for (TranscriptEvent event : events) {
            ctx.write(new DefaultHttp2DataFrame(ServiceMessages.transcriptEvent(ctx.alloc(), encoder, event), false));
        }
        ctx.flush();
    }

    /**
     * {@link #terminate} from any thread: hops onto the stream's event loop.
     *
     * @return completes once the exception and the end of the response have been written (or at once if the
     *     stream was no longer streaming)
     */
    java.util.concurrent.CompletableFuture<Void> terminateFromAnyThread(String exceptionType, String message) {
        java.util.concurrent.CompletableFuture<Void> written = new java.util.concurrent.CompletableFuture<>();
        ctx.executor().execute(() -> {
            terminate(exceptionType, message);
            ctx.channel().writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER)
                    .addListener(f -> written.complete(null));
        });
        return written;
    }

    /** Ends the stream with a modeled exception (spec 3.5: an exception is terminal), then stops reading. */
    void terminate(String exceptionType, String message) {
        if (state != State.STREAMING) {
            return;
        }
        state = State.DONE;
        ctx.write(new DefaultHttp2DataFrame(ServiceMessages.exception(ctx.alloc(), encoder, exceptionType, message),
                false));
        ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true));
        stop();
    }

    // ------------------------------------------------------------------ faults and timers

    private void applyDueFaults() {
        while (!faults.isEmpty() && seconds(faults.peekFirst().at()) <= audioSeconds && state == State.STREAMING) {
            apply(faults.pollFirst());
        }
    }

    private void apply(Fault fault) {
        switch (fault.kind()) {
            case EXCEPTION -> terminate(fault.errorType(), fault.messageOrDefault());
            case ERROR -> {
                state = State.DONE;
                ctx.write(new DefaultHttp2DataFrame(ServiceMessages.error(ctx.alloc(), encoder, fault.errorType(),
                        fault.messageOrDefault()), false));
                ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true));
                stop();
            }
            case RESET -> {
                state = State.DONE;
                ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR));
                stop();
            }
            case GOAWAY -> {
                state = State.DONE;
                ctx.channel().parent().writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.INTERNAL_ERROR))
                        .addListener(f -> ctx.channel().parent().close());
                stop();
            }
            case DROP -> {
                state = State.DONE;
                ctx.channel().parent().close();
                stop();
            }
            case DELAY_HEADERS -> {
                // applied when the request was accepted
            }
        }
    }

    private Fault takeFault(Fault.Kind kind) {
        for (Fault fault : faults) {
            if (fault.kind() == kind) {
                faults.remove(fault);
                return fault;
            }
        }
        return null;
    }

    /** The idle timer starts when the stream is accepted; audio (even silence) resets it, nothing else does. */
    private void restartIdleTimer() {
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        Duration timeout = context.config.idleTimeout;
        idleTimer = ctx.executor().schedule(() -> terminate("BadRequestException",
                "Your request timed out because no new audio was received for " + timeout.toSeconds() + " seconds."),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Releases what this stream holds in the emulator: its session id and its timer. Idempotent. */
    void stop() {
        state = State.DONE;
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        if (sessionId != null) {
            context.sessions.remove(sessionId, this);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static SignableRequest toSignable(Http2Headers headers) {
        String target = headers.path().toString();
        int q = target.indexOf('?');
        SignableRequest.Builder request = SignableRequest.builder(headers.method().toString(),
                q < 0 ? target : target.substring(0, q)).header("host", headers.authority() == null ? ""
                : headers.authority().toString());
        if (q >= 0) {
            dev.riffle.sigv4.UriEncoding.parseQuery(target.substring(q + 1))
                    .forEach(p -> request.query(p.name(), p.value()));
        }
        for (Map.Entry<CharSequence, CharSequence> h : headers) {
            if (h.getKey().length() > 0 && h.getKey().charAt(0) != ':') {
                request.header(h.getKey().toString(), h.getValue().toString());
            }
        }
        return request.build();
    }

    private static Map<String, String> plainHeaders(Http2Headers headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<CharSequence, CharSequence> h : headers) {
            out.put(h.getKey().toString(), h.getValue().toString());
        }
        return out;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
