package dev.riffle.transcribe;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageView;
import dev.riffle.transcribe.model.MalformedPayloadException;
import dev.riffle.transcribe.model.MediaEncoding;
import dev.riffle.transcribe.model.RequestParameter;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.StartStreamTranscriptionResponse;
import dev.riffle.transcribe.model.TranscribeException;
import dev.riffle.transcribe.model.TranscribeTransportException;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transport.EventStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * A transcription over an {@link EventStream}: wraps audio into AudioEvents, reads the response stream's messages
 * into TranscriptEvents and typed exceptions, and delivers them to a handler or a publisher.
 *
 * <p>{@link #onMessage} runs on the transport's I/O thread; the terminal error is decided there too.
 */
final class DefaultTranscriptionStream implements TranscriptionStream {

    /** The three headers of every AudioEvent, encoded once and shared by every stream (read only). */
    static final HeaderBlock AUDIO_EVENT_HEADERS = new HeaderBlock()
            .addString(ResponseMessages.MESSAGE_TYPE, "event")
            .addString(ResponseMessages.EVENT_TYPE, "AudioEvent")
            .addString(":content-type", "application/octet-stream");

    private final StartStreamTranscriptionRequest request;
    private final TranscriptResultStreamHandler handler;
    private final EventPublisher<TranscriptEvent> publisher;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private final int maxPcmBytesPerEvent;
    private volatile EventStream transport;
    private volatile StartStreamTranscriptionResponse response;
    /** The first terminal error seen in the stream (an exception message, a malformed event, a failed handler). */
    private volatile TranscribeException terminalError;

    DefaultTranscriptionStream(StartStreamTranscriptionRequest request, TranscriptResultStreamHandler handler,
                               Executor executor) {
        this.request = request;
        this.handler = handler;
        this.publisher = handler != null ? null
                : new EventPublisher<>(executor, () -> transport.pauseReading(), () -> transport.resumeReading(),
                        e -> abandon(new TranscribeTransportException("the events subscriber failed: " + e,
                                requestId(), e)));
        this.maxPcmBytesPerEvent = maxPcmBytesPerEvent(request);
    }

    /** The stream is open: remember it and the response, and follow how it ends. */
    void attach(EventStream stream) {
        this.transport = stream;
        this.response = response(stream.response().headers());
        stream.closed().whenComplete((ok, error) -> finish(error));
    }

    /**
     * The response from its headers. Over HTTP/2 the service echoes the settings there; a WebSocket upgrade does not
     * (spec 4.1), so, as the JavaScript SDK does, the request's own settings stand in, with the session id the
     * upgrade gave if any.
     *
     * <p>The echo is taken as the service sent it. Whether there is one is read from the raw media-encoding header:
     * the typed accessor fails on a value the model does not know (a newer encoding, damage in transit), and a
     * failure here would leave the caller's stream future pending for good.
     */
    private StartStreamTranscriptionResponse response(java.util.Map<String, String> headers) {
        StartStreamTranscriptionResponse echoed = StartStreamTranscriptionResponse.fromHeaders(headers);
        if (echoed.settings().parameter(RequestParameter.MEDIA_ENCODING).isPresent()) {
            return echoed;
        }
        StartStreamTranscriptionRequest settings = echoed.sessionId()
                .map(id -> request.toBuilder().sessionId(id).build()).orElse(request);
        return StartStreamTranscriptionResponse.of(echoed.requestId().orElse(null), settings);
    }

    /** The transport's listener: one response message (borrowed view). */
    void onMessage(MessageView message) {
        if (terminalError != null) {
            return;
        }
        try {
            if (!ResponseMessages.isEvent(message)) {
                terminalError = ResponseMessages.exception(message, requestId());
                return; // the service ends the stream after an exception; finish() reports it then
            }
            TranscriptEvent event = ResponseMessages.transcriptEvent(message);
            if (event != null) {
                deliver(event, message);
            }
        } catch (MalformedPayloadException e) {
            abandon(new TranscribeTransportException("the service sent a malformed event: " + e.getMessage(),
                    requestId(), e));
        }
    }

    private void deliver(TranscriptEvent event, MessageView message) {
        if (handler == null) {
            publisher.offer(event);
            return;
        }
        try {
            handler.handleTranscriptEventJson(message.payload());
            handler.handleTranscriptEvent(event);
        } catch (RuntimeException e) {
            abandon(handlerFailed(e));
        }
    }

    /** Ends the stream from our side because of {@code error}. */
    private void abandon(TranscribeException error) {
        terminalError = error;
        transport.cancel();
    }

    /**
     * The transport ended: report the terminal error if any, else how the transport ended. A handler has its
     * last call before {@link #completion()} completes, so that whoever waits on the completion has seen every
     * result; a publisher's subscriber is served on the executor and may still be receiving (see
     * {@link TranscriptionStream#completion()}).
     */
    private void finish(Throwable transportError) {
        TranscribeException error = terminalError;
        if (error == null && transportError != null) {
            error = TranscribeStreamingClient.toTranscribeException(unwrap(transportError), requestId());
        }
        if (handler == null) {
            if (error == null) {
                publisher.complete();
            } else {
                publisher.fail(error);
            }
        } else {
            error = tellHandler(error);
        }
        if (error == null) {
            completion.complete(null);
        } else {
            completion.completeExceptionally(error);
        }
    }

    /** The handler's last call; returns the stream's error, or the handler's own if it threw at a normal end. */
    private TranscribeException tellHandler(TranscribeException error) {
        try {
            if (error == null) {
                handler.handleCompletion();
            } else {
                handler.handleError(error);
            }
        } catch (RuntimeException e) {
            if (error == null) {
                return handlerFailed(e);
            }
            error.addSuppressed(e);
        }
        return error;
    }

    private TranscribeTransportException handlerFailed(RuntimeException e) {
        return new TranscribeTransportException("the result handler failed: " + e, requestId(), e);
    }

    @Override
    public StartStreamTranscriptionResponse response() {
        return response;
    }

    @Override
    public CompletableFuture<Void> sendAudio(ByteBuffer audio) {
        if (maxPcmBytesPerEvent > 0 && audio.remaining() > maxPcmBytesPerEvent) {
            throw new IllegalArgumentException("an AudioEvent may carry at most 1 s of audio (" + maxPcmBytesPerEvent
                    + " bytes of PCM at this rate and channel count), this one has " + audio.remaining()
                    + " bytes: send it in chunks of 50 to 200 ms");
        }
        return transport.send(AUDIO_EVENT_HEADERS, audio);
    }

    @Override
    public CompletableFuture<Void> end() {
        return transport.end();
    }

    @Override
    public void cancel() {
        transport.cancel();
    }

    @Override
    public Flow.Publisher<TranscriptEvent> events() {
        if (publisher == null) {
            throw new IllegalStateException("this stream delivers its events to a TranscriptResultStreamHandler");
        }
        return publisher;
    }

    @Override
    public CompletableFuture<Void> completion() {
        return completion;
    }

    private String requestId() {
        StartStreamTranscriptionResponse r = response;
        return r == null ? null : r.requestId().orElse(null);
    }

    /** One second of PCM in bytes for the request's rate and channels, or 0 when the encoding is a container. */
    private static int maxPcmBytesPerEvent(StartStreamTranscriptionRequest request) {
        if (request.mediaEncoding().orElse(null) != MediaEncoding.PCM) {
            return 0;
        }
        int channels = request.numberOfChannels().orElse(1);
        return request.mediaSampleRateHertz().orElse(0) * channels * 2;
    }

    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
