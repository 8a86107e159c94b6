package dev.riffle.cli.bench;

import java.util.concurrent.CompletableFuture;

/**
 * A Transcribe Streaming client under load: riffle's ({@link RiffleLoadClient}), or another one adapted to run the
 * same workload (the benchmarks module adapts the AWS SDK for Java v2).
 */
public interface LoadClient extends AutoCloseable {

    /** A short name for reports: {@code riffle}, {@code aws-sdk-java-v2}. */
    String name();

    /**
     * Opens a stream whose events go to {@code sink}.
     *
     * @return completes once the service accepted the stream; exceptionally if it refused
     */
    CompletableFuture<LoadStream> open(StreamSpec spec, TranscriptSink sink);

    /** The type of {@code error}, as a report groups failures: the service's exception name where there is one. */
    String errorType(Throwable error);

    /** Releases the client's connections and threads. */
    @Override
    void close();
}
