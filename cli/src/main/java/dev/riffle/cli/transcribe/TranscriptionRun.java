package dev.riffle.cli.transcribe;

import dev.riffle.cli.metrics.SendTimes;
import dev.riffle.transcribe.AudioStreamer;
import dev.riffle.transcribe.TranscribeStreamingClient;
import dev.riffle.transcribe.TranscriptResultStreamHandler;
import dev.riffle.transcribe.TranscriptionStream;
import dev.riffle.transcribe.audio.AudioChunk;
import dev.riffle.transcribe.audio.AudioChunker;
import dev.riffle.transcribe.audio.Pacer;
import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.StartStreamTranscriptionRequest;
import dev.riffle.transcribe.model.TranscribeException;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One transcription from the command line: opens the stream, sends the audio paced, prints the events as they
 * come, and reports how it ended. An interrupt (Ctrl-C) ends the input cleanly, after the chunk in flight, and
 * waits up to {@link #DRAIN_BOUND} for the service's last finals; a second interrupt stops waiting.
 */
final class TranscriptionRun {

    /** How long an interrupted run waits for the service to send its last finals and end the stream. */
    static final Duration DRAIN_BOUND = Duration.ofSeconds(10);

    /** How a run ended. */
    sealed interface Outcome {
        /** The service sent the whole transcript and ended the stream. */
        record Completed() implements Outcome {
        }

        /** An interrupt ended it. */
        record Interrupted() implements Outcome {
        }

        /** The service refused or failed the stream, or the connection failed. */
        record Failed(TranscribeException error) implements Outcome {
        }

        /** Reading the audio failed partway (a damaged FLAC stream, a read error). */
        record InputFailed(IOException error) implements Outcome {
        }

        /** Writing the output failed (a closed pipe, a full disk). */
        record OutputFailed(IOException error) implements Outcome {
        }
    }

    private final TranscriptPrinter printer;
    private final SendTimes sendTimes = new SendTimes(1024);
    private final AudioStreamer streamer;
    private volatile CompletableFuture<TranscriptionStream> opening;
    private volatile TranscriptionStream stream;
    private volatile boolean interrupted;
    private volatile IOException outputError;

    TranscriptionRun(AudioChunker chunker, Pacer pacer, TranscriptPrinter printer) {
        this.printer = printer;
        this.streamer = AudioStreamer.of(chunker, pacer, this::chunkSent);
    }

    /** Runs the transcription to its end and says how it ended; the printer has finished by then. */
    Outcome run(TranscribeStreamingClient client, StartStreamTranscriptionRequest request) {
        Outcome outcome;
        try {
            outcome = transcribe(client, request);
        } finally {
            synchronized (printer) {
                try {
                    printer.finish();
                } catch (IOException e) {
                    outputError = outputError == null ? e : outputError;
                }
            }
        }
        IOException writeFailure = outputError;
        return writeFailure != null && !(outcome instanceof Outcome.Failed) ? new Outcome.OutputFailed(writeFailure)
                : outcome;
    }

    private Outcome transcribe(TranscribeStreamingClient client, StartStreamTranscriptionRequest request) {
        opening = client.startStreamTranscription(request, new Handler());
        if (interrupted) {
            opening.cancel(false); // interrupted before the stage existed; see interrupt()
        }
        TranscriptionStream opened;
        try {
            opened = await(opening);
        } catch (TranscribeException e) {
            return interrupted ? new Outcome.Interrupted() : new Outcome.Failed(e);
        } catch (CancellationException e) {
            return new Outcome.Interrupted(); // only interrupt() cancels it
        }
        stream = opened;
        if (interrupted) { // while opening: send nothing, end the input at once
            streamer.stop();
            cancelAfterDrainBound(opened);
        }
        CompletableFuture<Duration> sending = streamer.start(opened);
        try {
            await(opened.completion());
        } catch (TranscribeException e) {
            return endedBy(e, sending);
        }
        return interrupted ? new Outcome.Interrupted() : new Outcome.Completed();
    }

    /** The outcome of a stream that failed: an input error that made us cancel, an interrupt, or the error. */
    private Outcome endedBy(TranscribeException error, CompletableFuture<Duration> sending) {
        if (interrupted) {
            // The user asked to stop: an input error would not change that, and the sender may be blocked reading
            // a terminal or a pipe, so it is not waited for.
            return outputError != null ? new Outcome.OutputFailed(outputError) : new Outcome.Interrupted();
        }
        try {
            sending.get(DRAIN_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException input) {
                return new Outcome.InputFailed(input);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            // the sender is stuck reading a pipe; the stream's error is the news
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (outputError != null) {
            return new Outcome.OutputFailed(outputError);
        }
        return interrupted ? new Outcome.Interrupted() : new Outcome.Failed(error);
    }

    /**
     * Ctrl-C: the first ends the input and gives the service {@link #DRAIN_BOUND} to finish; the next one cancels.
     * While the stream is still opening there is nothing to finish, so the first one abandons the opening (which
     * cancels the stream if it opens after all) rather than wait for the connect or response timeout. Called from a
     * signal's thread.
     */
    void interrupt() {
        if (interrupted) {
            TranscriptionStream current = stream;
            if (current != null) {
                current.cancel();
            }
            return;
        }
        // Set before reading the stream, as transcribe() sets the stream before reading this: one of the two
        // sees the other, so an interrupt as the stream opens is never missed.
        interrupted = true;
        streamer.stop();
        TranscriptionStream current = stream;
        if (current != null) {
            cancelAfterDrainBound(current);
            return;
        }
        CompletableFuture<TranscriptionStream> starting = opening;
        if (starting != null) {
            starting.cancel(false); // false if it has just opened: transcribe() then ends the input itself
        }
    }

    private static void cancelAfterDrainBound(TranscriptionStream stream) {
        CompletableFuture.delayedExecutor(DRAIN_BOUND.toMillis(), TimeUnit.MILLISECONDS).execute(stream::cancel);
    }

    /** The stage's value, or its failure as the typed exception it is. */
    private static <T> T await(CompletableFuture<T> stage) {
        try {
            return stage.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TranscribeException error) {
                throw error;
            }
            throw e;
        }
    }

    private void chunkSent(AudioChunk chunk) {
        sendTimes.sent(chunk.end(), System.nanoTime());
        print(() -> printer.audioSent(chunk.end()));
    }

    /** Runs one printer call under the printer's lock; a write failure stops the stream (nobody is reading). */
    private void print(PrinterCall call) {
        synchronized (printer) {
            if (outputError != null) {
                return;
            }
            try {
                call.run();
            } catch (IOException e) {
                outputError = e;
                streamer.stop();
                TranscriptionStream current = stream;
                if (current != null) {
                    current.cancel();
                }
            }
        }
    }

    @FunctionalInterface
    private interface PrinterCall {
        void run() throws IOException;
    }

    /** Receives the stream's events on the transport's thread. */
    private final class Handler implements TranscriptResultStreamHandler {
        @Override
        public void handleTranscriptEventJson(ByteBuffer json) {
            print(() -> printer.eventJson(json));
        }

        @Override
        public void handleTranscriptEvent(TranscriptEvent event) {
            Duration latency = latencyOf(event);
            print(() -> printer.event(event, latency));
        }
    }

    private Duration latencyOf(TranscriptEvent event) {
        double end = -1;
        for (Result result : event.transcript().results()) {
            end = Math.max(end, result.endTime());
        }
        return end < 0 ? null : sendTimes.latency(end, System.nanoTime());
    }
}
