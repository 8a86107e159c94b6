package dev.riffle.emulator;

import dev.riffle.eventstream.EventStreamException;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.eventstream.MessageView;
import dev.riffle.sigv4.EventChainVerifier;
import dev.riffle.sigv4.SignatureVerificationException;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.TranscriptEvent;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One accepted StartStreamTranscription, whatever carries it (spec 5.1):
 *
 * <pre>
 * STREAMING: each event verified (against the chain when signed), AudioEvents timed, limits, faults, transcript out
 *   bad frame, bad signature, stale :date, too big, too fast  -> BadRequestException, end
 *   no audio for the idle timeout (15 s)                      -> BadRequestException, end
 *   the maximum duration (4 h) of audio                       -> LimitExceededException, end
 * end of input (signed empty envelope, empty AudioEvent, the transport's end) -> finals, end of the response
 * </pre>
 *
 * Confined to {@link SessionChannel#executor()}.
 */
final class TranscriptionSession {

    static final String TOO_BIG = "Your stream is too big. Reduce the frame size and try your request again.";

    /** Whether the client's events come signed in envelopes or bare (allowed over WebSocket only). */
    enum Framing { SIGNED, UNSIGNED, EITHER }

    private final EmulatorContext context;
    private final MessageDecoder envelopes = new MessageDecoder();
    private final MessageDecoder inner = new MessageDecoder();
    private final MessageEncoder encoder = new MessageEncoder();
    private final Deque<Fault> faults;

    /** Set on the session's event loop by {@link #start}; read by others in {@link #terminateFromAnyThread}. */
    private volatile SessionChannel channel;
    private boolean streaming;
    private Framing framing;
    /** Set at admission, so that {@link #stop} frees the slot even for a session that never started. */
    private volatile String sessionId;
    /**
     * A termination asked for before the session started (a newer stream with its session id, a shutdown, while
     * this one was still in its handshake or a header delay): carried out as soon as it starts.
     */
    private final AtomicReference<EarlyTermination> terminationBeforeStart = new AtomicReference<>();
    /** Set by {@link #stop}: a termination asked for after it has nothing to wait for. */
    private volatile boolean stopped;
    private boolean pcm;
    private EventChainVerifier chain;
    private AudioClock audioClock;
    private Transcription transcription;
    private double audioSeconds;
    private long firstAudioNanos = -1;
    private ScheduledFuture<?> idleTimer;

    TranscriptionSession(EmulatorContext context) {
        this.context = context;
        this.faults = new ArrayDeque<>(context.config.faults.stream()
                .sorted(Comparator.comparing(Fault::at)).toList());
    }

    /** Starts streaming for an admitted request. */
    void start(SessionChannel channel, Admission.Outcome admitted, Framing framing) {
        this.framing = framing; // the session id was recorded at admission (admittedAs)
        this.streaming = true;
        this.chain = new EventChainVerifier(admitted.verified(), context.config.clock, context.config.clockSkew);
        this.pcm = admitted.request().mediaEncoding().orElse(MediaEncoding.PCM) == MediaEncoding.PCM;
        this.audioClock = context.audioClocks.create(admitted.request());
        this.transcription = context.transcriptions.create(admitted.request());
        this.channel = channel;
        restartIdleTimer();
        EarlyTermination early = terminationBeforeStart.getAndSet(null);
        if (early != null) {
            terminate(early.exceptionType(), early.message()).addListener(f -> early.written().complete(null));
        }
    }

    /** The session holds the quota slot and the session id from admission on. */
    void admittedAs(String sessionId) {
        this.sessionId = sessionId;
    }

    /** The delay before the response headers, if a {@code delay-headers} fault says so. */
    Duration takeHeaderDelay() {
        for (Fault fault : faults) {
            if (fault.kind() == Fault.Kind.DELAY_HEADERS) {
                faults.remove(fault);
                return fault.at();
            }
        }
        return Duration.ZERO;
    }

    boolean streaming() {
        return streaming;
    }

    /** A stream of signed envelopes, split anywhere (HTTP/2 DATA). */
    void onBytes(ByteBuffer bytes) {
        if (!streaming) {
            return;
        }
        try {
            envelopes.feed(bytes, this::onEnvelope);
        } catch (EventStreamException e) {
            terminate("BadRequestException", "Could not decode the audio stream: " + e.getMessage());
        }
    }

    /** One whole message (a WebSocket binary frame): a signed envelope, or a bare event when unsigned is allowed. */
    void onMessage(MessageView message) {
        if (!streaming) {
            return;
        }
        boolean signed = message.indexOf(":chunk-signature") >= 0;
        if (framing == Framing.EITHER) {
            framing = signed ? Framing.SIGNED : Framing.UNSIGNED; // the first frame decides, for the whole stream
        }
        if (signed != (framing == Framing.SIGNED)) {
            terminate("BadRequestException", "Unexpected WebSocket frame received.");
        } else if (signed) {
            onEnvelope(message);
        } else {
            onEvent(message);
        }
    }

    private void onEnvelope(MessageView envelope) {
        if (!streaming) {
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
        try {
            inner.feed(envelope.payload(), this::onEvent);
            inner.endOfInput();
        } catch (EventStreamException e) {
            terminate("BadRequestException", "Could not decode the event inside a signed frame: " + e.getMessage());
        }
    }

    /** One event: AudioEvent (empty: end of input), ConfigurationEvent (accepted), nothing else. */
    private void onEvent(MessageView event) {
        if (!streaming) {
            return;
        }
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
                    + durationInWords(context.config.maxStreamDuration) + ".");
            return;
        }
        send(transcription.accept(pcm ? audio : null, audioSeconds));
        applyDueFaults();
    }

    /** The input ended: finalize, send the last events, end the response. Idempotent. */
    void onEndOfInput() {
        if (!streaming) {
            return;
        }
        send(transcription.finish());
        end(channel::endResponse);
    }

    private void send(List<TranscriptEvent> events) {
        if (events.isEmpty() || !streaming) {
            return;
        }
        for (TranscriptEvent event : events) {
            channel.send(ServiceMessages.transcriptEvent(channel.alloc(), encoder, event));
        }
        channel.flush();
    }

    /**
     * Ends the stream with a modeled exception (spec 3.5: an exception is terminal).
     *
     * @return done once the end is written, see {@link SessionChannel#endResponse()}; done at once if the stream
     *     had already ended
     */
    Future<?> terminate(String exceptionType, String message) {
        if (!streaming) {
            return ImmediateEventExecutor.INSTANCE.newSucceededFuture(null);
        }
        return endWith(() -> ServiceMessages.exception(channel.alloc(), encoder, exceptionType, message));
    }

    /**
     * Sends {@code last} and ends the response; the stream ends and frees its slot even if it cannot be encoded.
     *
     * @return done once the end is written
     */
    private Future<?> endWith(Supplier<ByteBuf> last) {
        streaming = false;
        Future<?> ended = null;
        try {
            channel.send(last.get());
        } finally {
            stop();
            ended = channel.endResponse();
        }
        return ended;
    }

    /**
     * {@link #terminate} from any thread.
     *
     * @return completes once the exception and the end of the response are written to the connection, or cannot
     *     be (the connection closed); at once if the stream had already ended. A session asked before it started
     *     completes it when it starts and has written, or when it ends without starting.
     */
    CompletableFuture<Void> terminateFromAnyThread(String exceptionType, String message) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (channel == null && leftForStartOrStop(new EarlyTermination(exceptionType, message, written))) {
            return written; // start() carries it out, or stop() gives it up; either completes it
        }
        SessionChannel started = channel;
        if (started == null) {
            written.complete(null); // stopped without starting: there is no goodbye to wait for
        } else {
            started.executor().execute(() -> terminate(exceptionType, message)
                    .addListener(f -> written.complete(null)));
        }
        return written;
    }

    /**
     * Leaves {@code early} for {@link #start} or {@link #stop} to take, unless one of them ran meanwhile. Exactly one
     * side takes it (the reference is swapped, never read and cleared apart), so a goodbye is carried out once and
     * its future is completed by the side that wrote it.
     *
     * @return false if the caller must carry it out itself: the session started or stopped meanwhile, without
     *     taking it
     */
    private boolean leftForStartOrStop(EarlyTermination early) {
        EarlyTermination replaced = terminationBeforeStart.getAndSet(early);
        if (replaced != null) { // asked twice before starting: the first asker waits for the same goodbye
            early.written().whenComplete((done, failure) -> replaced.written().complete(null));
        }
        if (channel == null && !stopped) {
            return true;
        }
        return !terminationBeforeStart.compareAndSet(early, null);
    }

    /** A termination asked for before the session started, and what to complete once it has been written. */
    private record EarlyTermination(String exceptionType, String message, CompletableFuture<Void> written) {
    }

    private void applyDueFaults() {
        while (!faults.isEmpty() && seconds(faults.peekFirst().at()) <= audioSeconds && streaming) {
            apply(faults.pollFirst());
        }
    }

    private void apply(Fault fault) {
        switch (fault.kind()) {
            case EXCEPTION -> terminate(fault.errorType(), fault.messageOrDefault());
            case ERROR -> endWith(() -> ServiceMessages.error(channel.alloc(), encoder, fault.errorType(),
                    fault.messageOrDefault()));
            case RESET -> end(channel::reset);
            case GOAWAY -> end(channel::goAway);
            case DROP -> end(channel::drop);
            case DELAY_HEADERS -> {
                // taken before the stream started
            }
            case STALL -> channel.stopReading();
        }
    }

    /**
     * Ends the stream: first gives up its place (session id, quota), then says goodbye the transport's way, so a
     * client that sees the end can start again at once without meeting its own ghost.
     */
    private void end(Runnable how) {
        stop();
        how.run();
    }

    /** The idle timer starts when the stream is accepted; audio (even silence) resets it, nothing else does. */
    private void restartIdleTimer() {
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        Duration timeout = context.config.idleTimeout;
        idleTimer = channel.executor().schedule(() -> terminate("BadRequestException",
                "Your request timed out because no new audio was received for " + timeout.toSeconds() + " seconds."),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Releases what this stream holds in the emulator: its session id and its timer. Idempotent. */
    void stop() {
        streaming = false;
        stopped = true;
        EarlyTermination early = terminationBeforeStart.getAndSet(null);
        if (early != null) {
            early.written().complete(null); // ended without starting: there is no goodbye to wait for
        }
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        if (sessionId != null) {
            context.sessions.remove(sessionId, this);
        }
    }

    /** "4 hours", as the service words its limit; a shorter limit set for a test in seconds, not "0 hours". */
    static String durationInWords(Duration d) {
        if (d.toNanosPart() != 0) {
            return seconds(d) + " seconds";
        }
        return d.toSeconds() % 3600 == 0 ? count(d.toHours(), "hour") : count(d.toSeconds(), "second");
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
