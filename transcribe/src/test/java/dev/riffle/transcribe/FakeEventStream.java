package dev.riffle.transcribe;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.StreamResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The transport's side of an open stream, for tests that drive a {@link DefaultTranscriptionStream} directly:
 * a 200 response with the given headers, sends that succeed at once, and an end that the test decides by
 * completing {@link #closed()} (a cancel completes it exceptionally).
 */
final class FakeEventStream implements EventStream {

    private final StreamResponse response;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    FakeEventStream(Map<String, String> responseHeaders) {
        this.response = new StreamResponse(200, responseHeaders);
    }

    @Override
    public StreamResponse response() {
        return response;
    }

    @Override
    public CompletableFuture<Void> send(ByteBuffer message) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> send(HeaderBlock headers, ByteBuffer payload) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> end() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void cancel() {
        closed.completeExceptionally(new IllegalStateException("cancelled"));
    }

    /** Not yet complete until the test or a cancel completes it. */
    @Override
    public CompletableFuture<Void> closed() {
        return closed;
    }

    @Override
    public void pauseReading() {
    }

    @Override
    public void resumeReading() {
    }
}
