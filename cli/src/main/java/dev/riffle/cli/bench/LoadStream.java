package dev.riffle.cli.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/** One open stream of a {@link LoadClient}. */
public interface LoadStream {

    /**
     * Sends one AudioEvent of PCM.
     *
     * @param audio borrowed until the returned stage completes; the harness reuses it afterwards
     * @return completes when the client can take the next event
     */
    CompletableFuture<Void> send(ByteBuffer audio);

    /** Ends the input. */
    void end();

    /** Abandons the stream. */
    void cancel();

    /** Completes when the service ends the stream; exceptionally with the client's error. */
    CompletableFuture<Void> completion();
}
