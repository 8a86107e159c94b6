package dev.riffle.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.sigv4.Credentials;
import dev.riffle.transcribe.RetryPolicy;
import dev.riffle.transcribe.TranscribeStreamingClient;
import dev.riffle.transcribe.TranscriptionStream;
import dev.riffle.transcribe.model.BadRequestException;
import dev.riffle.transcribe.model.ConflictException;
import dev.riffle.transcribe.model.ForbiddenException;
import dev.riffle.transcribe.model.LanguageCode;
import dev.riffle.transcribe.model.LimitExceededException;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.TranscribeException;
import dev.riffle.transcribe.model.TranscribeServiceException;
import dev.riffle.transcribe.model.TranscribeTransportException;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.StreamRejectedException;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.http2.Http2Transport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * riffle's client against the embedded emulator, over one transport per subclass (HTTP/2, WebSocket signed and
 * unsigned): what is accepted, what is refused, the limits, every fault. The client code is the same for all; only
 * the transport object passed to it differs.
 */
@Timeout(60)
abstract class EmulatorContractTest {

    /** A transport of this kind with the given signing clock and response timeout. */
    abstract EventStreamTransport transport(Clock clock, Duration responseTimeout);

    /** What an injected {@code reset}, {@code goaway} or {@code drop} looks like through this transport. */
    abstract String transportFailureFor(String fault);

    /**
     * The transport, with at most {@code maxPendingBytes} of events queued in the client and {@code drainTimeout}
     * allowed after the end of input.
     */
    abstract EventStreamTransport boundedTransport(int maxPendingBytes, Duration drainTimeout);

    /** Whether this transport signs events (unsigned WebSocket does not: no chain to check). */
    boolean signsEvents() {
        return true;
    }

    static final Credentials EXAMPLE = Credentials.of(EmulatorConfig.EXAMPLE_ACCESS_KEY_ID,
            EmulatorConfig.EXAMPLE_SECRET_ACCESS_KEY);
    static final StartStreamTranscriptionRequest REQUEST = StartStreamTranscriptionRequest.builder()
            .languageCode(LanguageCode.EN_US).mediaEncoding(MediaEncoding.PCM).mediaSampleRateHertz(16_000).build();

    /** The transport-level request for a Transcribe stream on {@code emulator}, signed with the example keys. */
    static StreamRequest request(Emulator emulator) {
        return StreamRequest.builder().endpoint(emulator.uri()).path(TranscribeStreamingClient.PATH)
                .headers(REQUEST.toHeaders()).service(TranscribeStreamingClient.SIGNING_NAME)
                .region("us-west-2").credentials(() -> EXAMPLE).build();
    }

    private Emulator emulator;
    private final List<TranscribeStreamingClient> clients = new ArrayList<>();
    private final List<TranscriptEvent> events = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void tearDown() {
        clients.forEach(TranscribeStreamingClient::close);
        if (emulator != null) {
            emulator.close();
        }
    }

    private TranscribeStreamingClient client(Credentials credentials, Clock clock, Duration responseTimeout) {
        TranscribeStreamingClient client = TranscribeStreamingClient.builder().region("us-west-2")
                .endpoint(emulator.uri()).credentialsProvider(() -> credentials).retryPolicy(RetryPolicy.NONE)
                .transport(transport(clock, responseTimeout)).build();
        clients.add(client);
        return client;
    }

    private TranscribeStreamingClient client(Credentials credentials, Clock clock) {
        return client(credentials, clock, Duration.ofSeconds(5));
    }

    private TranscribeStreamingClient client() {
        return client(EXAMPLE, Clock.systemUTC());
    }

    private TranscriptionStream open(TranscribeStreamingClient client, StartStreamTranscriptionRequest request)
            throws Exception {
        return client.startStreamTranscription(request, events::add).get(5, TimeUnit.SECONDS);
    }

    private static ByteBuffer pcm(int millis) {
        return ByteBuffer.wrap(new byte[32 * millis]);
    }

    /** Sends {@code seconds} of silence in 100 ms events, as fast as they are taken. */
    private static void send(TranscriptionStream stream, double seconds) throws Exception {
        for (int i = 0; i < Math.round(seconds * 10); i++) {
            stream.sendAudio(pcm(100)).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void acceptedStreamEchoesItsSettingsAndEndsCleanly() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        StartStreamTranscriptionRequest request = REQUEST.toBuilder()
                .sessionId("3F2504E0-4F89-11D3-9A0C-0305E82C3301").showSpeakerLabel(true).build();
        TranscriptionStream stream = open(client(), request);
        send(stream, 2);
        stream.end();
        stream.completion().get(5, TimeUnit.SECONDS);

        assertThat(stream.response().requestId()).isPresent();
        assertThat(stream.response().sessionId()).hasValue("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        assertThat(stream.response().settings().showSpeakerLabel()).hasValue(true);
        assertThat(stream.response().settings().mediaSampleRateHertz()).hasValue(16_000);
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.transcript().results()).isEmpty());
        assertThat(emulator.liveStreams()).isZero();
    }

    @Test
    void sampleComesBackAsItsScriptsTranscriptWithPartialsFirst() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().script(Samples.script("briefing"))
                .aheadOfRealTimeAllowance(null).build());
        TranscriptionStream stream = open(client(), REQUEST);
        for (ByteBuffer chunk : Samples.chunks("briefing")) {
            stream.sendAudio(chunk).get(5, TimeUnit.SECONDS);
        }
        stream.end();
        stream.completion().get(10, TimeUnit.SECONDS);

        assertThat(Samples.finalText(events)).isEqualTo(Samples.transcript("briefing"));
        assertThat(Samples.hasPartials(events)).isTrue();
        int firstFinal = events.indexOf(events.stream().filter(e -> e.transcript().results().stream()
                .anyMatch(r -> !r.isPartial())).findFirst().orElseThrow());
        assertThat(events.subList(0, firstFinal)).anySatisfy(e -> assertThat(e.transcript().results())
                .anyMatch(dev.riffle.transcribe.model.Result::isPartial));
    }

    @Test
    void stereoSampleComesBackPerChannelWithChannelIdentification() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().script(Samples.script("support-call"))
                .aheadOfRealTimeAllowance(null).build());
        StartStreamTranscriptionRequest stereo = REQUEST.toBuilder().enableChannelIdentification(true)
                .numberOfChannels(2).build();
        TranscriptionStream stream = open(client(), stereo);
        for (ByteBuffer chunk : Samples.chunks("support-call")) {
            stream.sendAudio(chunk).get(5, TimeUnit.SECONDS);
        }
        stream.end();
        stream.completion().get(10, TimeUnit.SECONDS);

        assertThat(Samples.finalText(events)).isEqualTo(Samples.transcript("support-call"));
        assertThat(events.stream().flatMap(e -> e.transcript().results().stream())
                .map(dev.riffle.transcribe.model.Result::channelId).distinct()).containsExactlyInAnyOrder("ch_0", "ch_1");
    }

    @Test
    void invalidParameterIsRefusedWithTheServicesMessage() {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        // riffle's client refuses this itself, so the headers go through the bare transport.
        StreamRejectedException rejected = rejected(Map.of("x-amzn-transcribe-language-code", "en-US",
                "x-amzn-transcribe-media-encoding", "pcm", "x-amzn-transcribe-sample-rate", "96000"));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.errorType()).isEqualTo("BadRequestException");
        assertThat(new String(rejected.body(), StandardCharsets.UTF_8)).contains("mediaSampleRateHertz")
                .contains("48000");
        assertThat(rejected.response().requestId()).isNotBlank();
    }

    @Test
    void incompatibleParametersAreRefused() {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        StreamRejectedException rejected = rejected(Map.of("x-amzn-transcribe-language-code", "en-US",
                "x-amzn-transcribe-identify-language", "true", "x-amzn-transcribe-media-encoding", "pcm",
                "x-amzn-transcribe-sample-rate", "16000"));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(new String(rejected.body(), StandardCharsets.UTF_8)).contains("IdentifyLanguage");
    }

    @Test
    void wrongSecretIsRefusedWithTheSignatureError() {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        TranscribeException e = failure(client(Credentials.of(EmulatorConfig.EXAMPLE_ACCESS_KEY_ID, "wrong"),
                Clock.systemUTC()).startStreamTranscription(REQUEST, events::add));
        assertThat(e).isInstanceOf(ForbiddenException.class);
        assertThat(e.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(e.errorMessage()).contains("does not match");
    }

    @Test
    void unknownAccessKeyIsUnrecognized() {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        TranscribeException e = failure(client(Credentials.of("AKIDOTHER", "x"), Clock.systemUTC())
                .startStreamTranscription(REQUEST, events::add));
        assertThat(e.errorType()).isEqualTo("UnrecognizedClientException");
    }

    @Test
    void sessionTokensAreChecked() throws Exception {
        Credentials temporary = Credentials.of("ASIATEMPORARY", "temporary-secret", "session-token");
        emulator = Emulator.start(EmulatorConfig.builder().credentials(temporary).build());
        TranscriptionStream stream = open(client(temporary, Clock.systemUTC()), REQUEST);
        stream.end();
        stream.completion().get(5, TimeUnit.SECONDS);

        TranscribeException e = failure(client(Credentials.of("ASIATEMPORARY", "temporary-secret", "forged"),
                Clock.systemUTC()).startStreamTranscription(REQUEST, events::add));
        assertThat(e.errorType()).isEqualTo("UnrecognizedClientException");
    }

    @Test
    void clockSkewedClientIsRefusedBeforeTheStream() {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        Clock late = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        TranscribeException e = failure(client(EXAMPLE, late).startStreamTranscription(REQUEST, events::add));
        assertThat(e.errorType()).isEqualTo("InvalidSignatureException");
        assertThat(e.errorMessage()).startsWith("Signature expired:");
    }

    @Test
    void staleEventDateEndsTheStreamWithSignatureExpired() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(signsEvents(), "unsigned events carry no :date");
        MutableClock emulatorClock = new MutableClock(Instant.now());
        emulator = Emulator.start(EmulatorConfig.builder().clock(emulatorClock).build());
        TranscriptionStream stream = open(client(), REQUEST);
        send(stream, 0.2);
        emulatorClock.advance(Duration.ofMinutes(6)); // what the client signs now is 6 minutes old there

        stream.sendAudio(pcm(100));
        TranscribeException e = failure(stream.completion());
        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.errorMessage()).startsWith("Signature expired:");
    }

    @Test
    void eventOverTheLimitIsTooBig() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().maxAudioPerEvent(Duration.ofMillis(500)).build());
        TranscriptionStream stream = open(client(), REQUEST);
        stream.sendAudio(pcm(600));
        TranscribeException e = failure(stream.completion());
        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.errorMessage()).isEqualTo(TranscriptionSession.TOO_BIG);
    }

    @Test
    void audioFarAheadOfRealTimeIsTooBigUnlessTheLimitIsOff() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().aheadOfRealTimeAllowance(Duration.ofSeconds(2)).build());
        TranscriptionStream stream = open(client(), REQUEST);
        send(stream, 2);
        stream.sendAudio(pcm(500));
        assertThat(failure(stream.completion()).errorMessage()).isEqualTo(TranscriptionSession.TOO_BIG);
        emulator.close();

        emulator = Emulator.start(EmulatorConfig.builder().aheadOfRealTimeAllowance(null).build());
        TranscriptionStream unlimited = open(client(), REQUEST);
        send(unlimited, 30);
        unlimited.end();
        unlimited.completion().get(10, TimeUnit.SECONDS);
    }

    @Test
    void noAudioForTheIdleTimeoutEndsTheStream() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().idleTimeout(Duration.ofMillis(500)).build());
        TranscriptionStream stream = open(client(), REQUEST);
        TranscribeException e = failure(stream.completion());
        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.errorMessage()).contains("no new audio was received");
    }

    @Test
    void maximumDurationIsALimit() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().maxStreamDuration(Duration.ofSeconds(1))
                .aheadOfRealTimeAllowance(null).build());
        TranscriptionStream stream = open(client(), REQUEST);
        send(stream, 1);
        stream.sendAudio(pcm(100));
        assertThat(failure(stream.completion())).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("maximum duration of 1 second."); // the limit set, not "0 hours"
    }

    @Test
    void concurrencyQuotaRefusesTheNextStream() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().maxConcurrentStreams(2).build());
        TranscribeStreamingClient client = client();
        TranscriptionStream a = open(client, REQUEST);
        TranscriptionStream b = open(client, REQUEST);
        TranscribeException e = failure(client.startStreamTranscription(REQUEST, events::add));
        assertThat(e).isInstanceOf(LimitExceededException.class);
        assertThat(e.errorMessage()).isEqualTo("You have reached your limit of concurrent streams, 2. Try again later.");
        a.cancel();
        b.cancel();
    }

    @Test
    void liveSessionIdReusedTerminatesTheOlderStreamOrRefusesTheNewOne() throws Exception {
        String id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        StartStreamTranscriptionRequest withId = REQUEST.toBuilder().sessionId(id).build();
        emulator = Emulator.start(EmulatorConfig.builder().build());
        TranscriptionStream older = open(client(), withId);
        TranscriptionStream newer = open(client(), withId);
        assertThat(failure(older.completion())).isInstanceOf(ConflictException.class);
        newer.cancel();
        emulator.close();

        emulator = Emulator.start(EmulatorConfig.builder()
                .sessionConflict(EmulatorConfig.SessionConflict.REFUSE_NEW).build());
        TranscriptionStream first = open(client(), withId);
        assertThat(failure(client().startStreamTranscription(withId, events::add)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("same session ID");
        first.cancel();
    }

    @Test
    void injectedExceptionArrivesAtItsAudioTime() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder()
                .fault(Fault.parse("exception:InternalFailureException:try later@1.0")).build());
        TranscriptionStream stream = open(client(), REQUEST);
        send(stream, 0.9);
        assertThat(stream.completion()).isNotDone();
        stream.sendAudio(pcm(100));
        TranscribeException e = failure(stream.completion());
        assertThat(e.errorType()).isEqualTo("InternalFailureException");
        assertThat(e.errorMessage()).isEqualTo("try later");
    }

    @Test
    void injectedErrorMessageIsAGenericServiceException() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().fault(Fault.parse("error:InternalError@0.2")).build());
        TranscriptionStream stream = open(client(), REQUEST);
        stream.sendAudio(pcm(300));
        TranscribeException e = failure(stream.completion());
        assertThat(e).isExactlyInstanceOf(TranscribeServiceException.class);
        assertThat(e.errorType()).isEqualTo("InternalError");
    }

    /**
     * A peer that stops reading (the stall fault) must hold the client's sends, not let them pile up: the client
     * refuses what exceeds its queue (SEND_QUEUE_FULL) and its pooled memory stays bounded however fast the caller
     * pushes, while an hour of audio is offered.
     */
    @Test
    void aPeerThatStopsReadingHoldsTheClientsSendsAndItsMemoryStaysBounded() throws Exception {
        TranscriptionStream stream = openStalled(Duration.ofSeconds(30));
        io.netty.buffer.PooledByteBufAllocatorMetric pool = io.netty.buffer.PooledByteBufAllocator.DEFAULT.metric();
        long pooledBefore = pool.usedDirectMemory() + pool.usedHeapMemory();
        List<CompletableFuture<Void>> pending = pushUntilHeld(stream);
        long pooledGrowth = pool.usedDirectMemory() + pool.usedHeapMemory() - pooledBefore;
        long unwritten = pending.stream().filter(f -> !f.isDone()).count();

        assertThat(pending.size()).as("events the stalled peer let through (its buffers, then nothing)")
                .isLessThan(HOUR_OF_EVENTS);
        assertThat(unwritten).as("sends the stalled peer holds back").isPositive();
        assertThat(unwritten * 3200).as("bytes queued in the client").isLessThanOrEqualTo(STALL_QUEUE_CAP);
        assertThat(pooledGrowth).as("pooled memory held by the client").isLessThan(32L << 20);
        stream.cancel();
    }

    /** A full queue behind a stalled peer must not hold the end of input (and the caller) past the drain bound. */
    @Test
    void aPeerThatStopsReadingCannotHoldTheStreamPastTheDrainTimeout() throws Exception {
        TranscriptionStream stream = openStalled(Duration.ofSeconds(1));
        pushUntilHeld(stream);
        long start = System.nanoTime();
        stream.end();

        TranscribeException e = failure(stream.completion());
        assertThat(e).isInstanceOf(TranscribeTransportException.class).hasMessageContaining("DRAIN_TIMEOUT");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private static final int STALL_QUEUE_CAP = 256 * 1024;
    private static final int HOUR_OF_EVENTS = 36_000;

    /** A stream to an emulator that stops reading after 1 s of audio. */
    private TranscriptionStream openStalled(Duration drainTimeout) throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().aheadOfRealTimeAllowance(null)
                .fault(Fault.parse("stall@1")).build());
        TranscribeStreamingClient client = TranscribeStreamingClient.builder().region("us-west-2")
                .endpoint(emulator.uri()).credentialsProvider(() -> EXAMPLE).retryPolicy(RetryPolicy.NONE)
                .transport(boundedTransport(STALL_QUEUE_CAP, drainTimeout)).build();
        clients.add(client);
        return open(client, REQUEST);
    }

    /**
     * Pushes up to an hour of 100 ms events as fast as the client takes them, until it has refused 20 in a row
     * (each after a 50 ms pause in which a reading peer would have made room); returns the sends it accepted.
     */
    private static List<CompletableFuture<Void>> pushUntilHeld(TranscriptionStream stream) throws Exception {
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        int refusedInARow = 0;
        while (accepted.size() < HOUR_OF_EVENTS && refusedInARow < 20) {
            CompletableFuture<Void> send = stream.sendAudio(pcm(100));
            if (send.isCompletedExceptionally()) {
                refusedInARow++;
                assertThat(send).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                        .havingCause().isInstanceOfSatisfying(dev.riffle.transport.TransportException.class,
                                e -> assertThat(e.kind()).isEqualTo(
                                        dev.riffle.transport.TransportException.Kind.SEND_QUEUE_FULL));
                Thread.sleep(50);
            } else {
                refusedInARow = 0;
                accepted.add(send);
            }
        }
        return accepted;
    }

    @Test
    void injectedResetGoAwayAndDropAreTransportFailures() throws Exception {
        for (String fault : List.of("reset@0.2", "goaway@0.2", "drop@0.2")) {
            emulator = Emulator.start(EmulatorConfig.builder().fault(Fault.parse(fault)).build());
            TranscriptionStream stream = open(client(), REQUEST);
            stream.sendAudio(pcm(300));
            TranscribeException e = failure(stream.completion());
            assertThat(e).as(fault).isInstanceOf(TranscribeTransportException.class);
            assertThat(e.getMessage()).as(fault).contains(transportFailureFor(fault.substring(0, fault.indexOf('@'))));
            emulator.close();
        }
        emulator = null;
    }

    @Test
    void delayedResponseHeadersTripTheClientsResponseTimeout() {
        emulator = Emulator.start(EmulatorConfig.builder().fault(Fault.parse("delay-headers@3")).build());
        TranscribeException e = failure(client(EXAMPLE, Clock.systemUTC(), Duration.ofMillis(500))
                .startStreamTranscription(REQUEST, events::add));
        assertThat(e).isInstanceOf(TranscribeTransportException.class).hasMessageContaining("RESPONSE_TIMEOUT");
    }

    @Test
    void shutdownEndsOpenStreamsWithServiceUnavailable() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        TranscriptionStream stream = open(client(), REQUEST);
        send(stream, 0.2);
        emulator.close();
        emulator = null;
        TranscribeException e = failure(stream.completion());
        assertThat(e.errorType()).isEqualTo("ServiceUnavailableException");
    }

    @Test
    void shutdownDuringAHeaderDelayStillEndsTheStreamWithServiceUnavailable() throws Exception {
        // The stream is admitted but its response waits 1 s: the goodbye can only be written after that, and the
        // shutdown must wait for it rather than close the connection under it.
        emulator = Emulator.start(EmulatorConfig.builder().fault(Fault.parse("delay-headers@1")).build());
        CompletableFuture<TranscriptionStream> opening = client().startStreamTranscription(REQUEST, events::add);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (emulator.liveStreams() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(emulator.liveStreams()).as("streams admitted").isEqualTo(1);

        emulator.close();
        emulator = null;

        TranscribeException e = failure(opening.thenCompose(TranscriptionStream::completion));
        assertThat(e.errorType()).isEqualTo("ServiceUnavailableException");
    }

    /** Sends raw parameter headers through the bare transport and returns the refusal. */
    private StreamRejectedException rejected(Map<String, String> headers) {
        try (Http2Transport transport = Http2Transport.create()) {
            transport.open(StreamRequest.builder().endpoint(emulator.uri()).path("/stream-transcription")
                    .headers(headers).service("transcribe").region("us-west-2").credentials(() -> EXAMPLE)
                    .build(), m -> { }).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(StreamRejectedException.class);
            return (StreamRejectedException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the emulator accepted " + headers);
    }

    static TranscribeException failure(CompletableFuture<?> future) {
        try {
            future.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TranscribeException.class);
            return (TranscribeException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    /** A clock the test moves (read from the emulator's threads, hence volatile). */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
