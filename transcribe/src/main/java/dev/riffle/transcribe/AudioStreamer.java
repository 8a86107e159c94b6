package dev.riffle.transcribe;

import dev.riffle.transcribe.audio.AudioChunk;
import dev.riffle.transcribe.audio.AudioChunker;
import dev.riffle.transcribe.audio.AudioSource;
import dev.riffle.transcribe.audio.Pacer;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Sends a whole audio input into a {@link TranscriptionStream}: chunks of 50–200 ms from an {@link AudioChunker},
 * each held by a {@link Pacer} until it is due, each sent only when the previous send has completed (the
 * transport's backpressure), and then the end of input.
 *
 * <p>Reading an input and pacing it both block, so the audio goes from a thread of its own, started by
 * {@link #start}. {@link #stop()} (Ctrl-C, a caller that has heard enough) ends the input after the chunk in
 * flight, so the service still sends its last finals; the input is never cut inside an event.
 *
 * <p>Sending stops without ending the input if the stream ends first (a service exception mid-stream): there is
 * nothing left to send to.
 *
 * <p>One use per instance. The streamer reads its chunker; closing the {@link AudioSource} under it stays the
 * caller's business.
 */
public final class AudioStreamer {

    private final AudioChunker chunker;
    private final Pacer pacer;
    private final Consumer<AudioChunk> onChunkSent;
    private final CompletableFuture<Duration> sent = new CompletableFuture<>();
    private volatile boolean stopRequested;
    private volatile Thread sender;

    private AudioStreamer(AudioChunker chunker, Pacer pacer, Consumer<AudioChunk> onChunkSent) {
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.onChunkSent = Objects.requireNonNull(onChunkSent, "onChunkSent");
    }

    /** Streams {@code source} in chunks of 100 ms at real-time pace: the pace of a live microphone. */
    public static AudioStreamer realtime(AudioSource source) {
        return of(AudioChunker.of(source), Pacer.realtime(), chunk -> { });
    }

    /**
     * Streams what {@code chunker} cuts at {@code pacer}'s pace.
     *
     * @param onChunkSent called on the sending thread after each chunk was taken by the transport (progress, or
     *                    the send times behind a latency figure); it must not block
     */
    public static AudioStreamer of(AudioChunker chunker, Pacer pacer, Consumer<AudioChunk> onChunkSent) {
        return new AudioStreamer(chunker, pacer, onChunkSent);
    }

    /**
     * Starts sending into {@code stream} from a new daemon thread.
     *
     * @return completes with the duration of audio sent, once the end of input was sent (or the stream ended
     *     first); exceptionally if reading the input failed (an {@link IOException} such as
     *     {@link dev.riffle.transcribe.audio.UnsupportedAudioException} for a damaged FLAC stream), in which case
     *     the stream is cancelled, since ending it would pass off a cut input as complete
     * @throws IllegalStateException if this streamer was started before
     */
    public CompletableFuture<Duration> start(TranscriptionStream stream) {
        Objects.requireNonNull(stream, "stream");
        Thread thread = new Thread(() -> run(stream), "riffle-audio-sender");
        thread.setDaemon(true);
        synchronized (this) {
            if (sender != null) {
                throw new IllegalStateException("an AudioStreamer sends once");
            }
            sender = thread;
        }
        thread.start();
        return sent;
    }

    /**
     * Ends the input after the chunk being sent, without waiting for the next to be due. Safe from any thread
     * (a signal handler); does nothing once the input has ended.
     */
    public void stop() {
        // No interrupt: an interrupted read of a file channel closes it. The pacer sleeps at most one chunk
        // (200 ms) at a time once paced, so the flag is seen soon enough.
        stopRequested = true;
    }

    /** Whether {@link #stop()} was called. */
    public boolean stopped() {
        return stopRequested;
    }

    private void run(TranscriptionStream stream) {
        Duration audio = Duration.ZERO;
        boolean streamEnded = false;
        try {
            for (AudioChunk chunk = nextUnlessStopped(); chunk != null; chunk = nextUnlessStopped()) {
                if (!awaitDue(chunk) || stream.completion().isDone()) {
                    break;
                }
                if (!sendChunk(stream, chunk)) {
                    streamEnded = true;
                    break;
                }
                audio = chunk.end();
                onChunkSent.accept(chunk);
            }
            if (!streamEnded && !stream.completion().isDone()) {
                endInput(stream);
            }
            sent.complete(audio);
        } catch (IOException | RuntimeException | Error e) {
            stream.cancel();
            sent.completeExceptionally(e);
            if (e instanceof Error error) { // from the progress callback, say: the thread must hear of it too
                throw error;
            }
        }
    }

    /**
     * The next chunk, or null at the end of input or once stopped. A read of a pipe that has nothing to give
     * blocks, and Java offers no way to interrupt it: a stop while reading stdin takes effect when the read
     * returns. Reads of files always return promptly.
     */
    private AudioChunk nextUnlessStopped() throws IOException {
        if (stopRequested) {
            return null;
        }
        AudioChunk chunk = chunker.next();
        return stopRequested ? null : chunk;
    }

    /** Waits until {@code chunk} is due; false if a stop came first. */
    private boolean awaitDue(AudioChunk chunk) {
        try {
            pacer.awaitDue(chunk);
            return !stopRequested;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Sends one chunk and waits until the transport takes it; false if the stream ended meanwhile. A send fails
     * only because the stream is ending (a failure, a cancel, the service's end), and the transport fails its
     * pending sends just before it reports that end, so a failed send is taken as the end even if
     * {@code completion()} is not done yet: that completion, not this streamer, reports why.
     */
    private static boolean sendChunk(TranscriptionStream stream, AudioChunk chunk) {
        try {
            stream.sendAudio(chunk.audio()).join(); // the chunk's buffer is borrowed until then
            return true;
        } catch (CompletionException | CancellationException e) {
            return false;
        }
    }

    /** Ends the input; an end that fails is, like a failed send, the stream ending on its own. */
    private static void endInput(TranscriptionStream stream) {
        try {
            stream.end().join();
        } catch (CompletionException | CancellationException e) {
            // the stream's completion reports why
        }
    }
}
