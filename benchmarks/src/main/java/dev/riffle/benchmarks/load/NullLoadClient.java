package dev.riffle.benchmarks.load;

import dev.riffle.cli.bench.LoadClient;
import dev.riffle.cli.bench.LoadStream;
import dev.riffle.cli.bench.StreamSpec;
import dev.riffle.cli.bench.TranscriptSink;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A client that does nothing: every stream opens at once, takes every event at once and ends when asked, with no
 * network and no events. Run through the same workload, it measures what the harness itself costs (pacing,
 * sampling, bookkeeping), the share of every client's figures that is not the client's.
 */
final class NullLoadClient implements LoadClient {

    /** The name its runs carry in the figures. */
    static final String NAME = "none (harness only)";

    private static final CompletableFuture<Void> TAKEN = CompletableFuture.completedFuture(null);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<LoadStream> open(StreamSpec spec, TranscriptSink sink) {
        CompletableFuture<Void> completion = new CompletableFuture<>();
        return CompletableFuture.completedFuture(new LoadStream() {
            @Override
            public CompletableFuture<Void> send(ByteBuffer audio) {
                return TAKEN;
            }

            @Override
            public void end() {
                completion.complete(null);
            }

            @Override
            public void cancel() {
                completion.cancel(false);
            }

            @Override
            public CompletableFuture<Void> completion() {
                return completion;
            }
        });
    }

    @Override
    public String errorType(Throwable error) {
        return error.getClass().getSimpleName();
    }

    @Override
    public void close() {
        // nothing held
    }
}
