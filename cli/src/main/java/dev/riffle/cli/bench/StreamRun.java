package dev.riffle.cli.bench;

import dev.riffle.cli.metrics.SendTimes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One stream of a load run: opens it, sends the recording's events at the run's pace, measures the latency of
 * each word's first appearance and of each final, and checks the transcript at the end.
 *
 * <p>Sending never blocks a thread: an event goes when the previous one completed and, unless the pace is
 * unlimited, when the {@link LoadRun}'s pacing thread finds it due. Sends are serialized by a drain counter, so
 * a client that completes a send on the calling thread does not recurse.
 */
final class StreamRun implements TranscriptSink, BiConsumer<Void, Throwable> {

    /** Not due: waiting for a send to complete, or done. */
    static final long NOT_DUE = Long.MAX_VALUE;
    private static final int CHANNELS = 2;

    private final LoadClient client;
    private final StreamSpec spec;
    private final PreparedAudio audio;
    private final int passes;
    private final Pace pace;
    private final LoadFigures figures;
    private final String expectedTranscript;
    private final SendTimes sendTimes = new SendTimes(256);
    private final AtomicInteger sendsRequested = new AtomicInteger();
    private final ByteBuffer view;
    /** When the pacing thread should send the next event, in {@link System#nanoTime()}; {@link #NOT_DUE} if not. */
    volatile long dueAt = NOT_DUE;
    private volatile LoadStream stream;
    private volatile boolean finished;
    /** Whether {@link #finish} has run, under its lock; {@link #finished} is set only once the counts are in. */
    private boolean counted;
    private long startedAt;
    private int next;

    // What the sink has seen, per channel: the open segment's id and how many of its words have appeared.
    private final String[] segmentIds = new String[CHANNELS];
    private final int[] wordsSeen = new int[CHANNELS];
    private int channel;
    private int wordIndex;
    private boolean partial;
    private double resultStart;
    private double resultEnd;
    private long eventAt;
    private final List<TimedText> finals;

    private record TimedText(double start, String text) {
    }

    StreamRun(LoadClient client, StreamSpec spec, PreparedAudio audio, int passes, Pace pace, LoadFigures figures,
              String expectedTranscript) {
        this.client = client;
        this.spec = spec;
        this.audio = audio;
        this.passes = passes;
        this.pace = pace;
        this.figures = figures;
        this.expectedTranscript = expectedTranscript;
        this.finals = expectedTranscript == null ? null : new ArrayList<>();
        this.view = audio.view();
    }

    /** Opens the stream; sending starts once it is accepted. */
    void open() {
        CompletableFuture<LoadStream> opening;
        try {
            opening = client.open(spec, this);
        } catch (RuntimeException e) { // a client that refuses synchronously: the stream failed, the run goes on
            finish(e);
            return;
        }
        opening.whenComplete((opened, error) -> {
            if (error != null) {
                finish(error);
                return;
            }
            stream = opened;
            startedAt = System.nanoTime();
            opened.completion().whenComplete((ok, failure) -> finish(failure));
            scheduleNext();
        });
    }

    /** Whether the stream has ended, either way. */
    boolean finished() {
        return finished;
    }

    /** Abandons the stream (the run's deadline passed). */
    void cancel() {
        LoadStream open = stream;
        if (open != null) {
            open.cancel();
        }
        finish(new java.util.concurrent.TimeoutException("the run's deadline passed"));
    }

    // ---- sending ----

    /** Called by the pacing thread when {@link #dueAt} has come. */
    void sendDue() {
        dueAt = NOT_DUE;
        requestSend();
    }

    private void scheduleNext() {
        if (finished) {
            return;
        }
        if (next == passes * audio.chunksPerPass()) {
            stream.end();
            return;
        }
        long due = startedAt + pace.dueNanos(audioStartNanos(next), audioEndNanos(next));
        if (due - System.nanoTime() <= 0) {
            requestSend();
        } else {
            dueAt = due;
        }
    }

    private void requestSend() {
        if (sendsRequested.getAndIncrement() == 0) {
            do {
                sendNext();
            } while (sendsRequested.decrementAndGet() != 0);
        }
    }

    /**
     * Hands the next event to the client. Its audio counts as sent from this moment, for both clients alike: a
     * client's send may complete only once written (riffle) or as soon as it is taken (a Publisher's onNext), and
     * a result can even arrive before the completion runs, so the hand-off is the one moment both share.
     */
    private void sendNext() {
        audio.window(view, next % audio.chunksPerPass());
        sendTimes.sent(audioEndNanos(next), System.nanoTime());
        stream.send(view).whenComplete(this);
    }

    /** A send completed: count its audio, and go on. */
    @Override
    public void accept(Void ignored, Throwable error) {
        if (error != null) {
            return; // the stream failed; its completion says why
        }
        long end = audioEndNanos(next);
        figures.audioNanosSent.add(end - audioStartNanos(next));
        next++;
        scheduleNext();
    }

    private long audioEndNanos(int chunk) {
        return chunk / audio.chunksPerPass() * audio.passNanos() + audio.chunkEndNanos(chunk % audio.chunksPerPass());
    }

    private long audioStartNanos(int chunk) {
        return chunk / audio.chunksPerPass() * audio.passNanos()
                + audio.chunkStartNanos(chunk % audio.chunksPerPass());
    }

    // ---- receiving ----

    @Override
    public void beginResult(String resultId, boolean partial, String channelId, double startSeconds,
                            double endSeconds) {
        eventAt = System.nanoTime();
        channel = "ch_1".equals(channelId) ? 1 : 0;
        if (resultId == null || !resultId.equals(segmentIds[channel])) {
            segmentIds[channel] = resultId;
            wordsSeen[channel] = 0;
        }
        this.partial = partial;
        this.resultStart = startSeconds;
        this.resultEnd = endSeconds;
        wordIndex = 0;
    }

    @Override
    public void word(double endSeconds) {
        if (wordIndex++ >= wordsSeen[channel]) { // the word's first appearance
            record(figures.firstPartialLatency, endSeconds);
        }
    }

    @Override
    public void endResult(CharSequence transcript) {
        wordsSeen[channel] = Math.max(wordsSeen[channel], wordIndex);
        if (!partial) {
            record(figures.finalLatency, resultEnd);
            if (finals != null) {
                finals.add(new TimedText(resultStart, transcript.toString()));
            }
        }
    }

    private void record(dev.riffle.cli.metrics.LatencyHistogram histogram, double audioSeconds) {
        long latency = sendTimes.latencyNanos(audioSeconds, eventAt);
        if (latency >= 0) {
            histogram.record(latency);
        }
    }

    // ---- the end ----

    /**
     * Counts the stream's outcome once, then marks it finished. In that order: the run reports as soon as every
     * stream is marked, so a mark set before the counts let a report show a stream completed but its transcript
     * not yet found correct (the first, cold comparison takes long enough for the monitor to look in between).
     */
    private synchronized void finish(Throwable error) {
        if (counted) {
            return;
        }
        counted = true;
        dueAt = NOT_DUE;
        count(error);
        finished = true;
    }

    private void count(Throwable error) {
        if (error != null) {
            figures.failed(client.errorType(error));
            return;
        }
        figures.completed.increment();
        if (finals != null) {
            figures.transcriptsChecked.increment();
            if (normalize(heard()).equals(expectedTranscript)) {
                figures.transcriptsCorrect.increment();
            }
        }
    }

    private String heard() {
        return String.join(" ", finals.stream().sorted(Comparator.comparingDouble(TimedText::start))
                .map(TimedText::text).toList());
    }

    /** Whitespace collapsed, as transcripts are compared. */
    static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
