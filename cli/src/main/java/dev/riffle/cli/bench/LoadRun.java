package dev.riffle.cli.bench;

import dev.riffle.cli.metrics.ProcessMetrics;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Runs one workload with one client and measures it: opens the streams over the ramp, paces their audio from one
 * thread, samples the heap, and once every stream has ended reports the figures.
 *
 * <p>Measuring: CPU, allocation and GC are the process's own counters, read before the first stream opens and
 * after the last one ends. The live heap per stream comes from one full collection made when half the audio has
 * been sent and every stream is open, compared with one made before the run; that collection's time is taken out
 * of the GC figures. Latencies are measured per stream against the moment each event's audio was handed to the
 * client (see {@link StreamRun}).
 */
public final class LoadRun {

    /** How long past its expected end a run may take before the streams left are cancelled. */
    static final Duration GRACE = Duration.ofSeconds(60);
    private static final long PACING_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LoadClient client;
    private final LoadSettings settings;
    private final String workload;
    private final boolean emulatorInProcess;
    private final Consumer<String> progress;
    private final LoadFigures figures = new LoadFigures();
    private final StreamRun[] streams;
    private volatile int openedCount;
    private volatile long heapHighWater;
    private volatile long liveHeapPerStream = -1;
    private volatile long probeGcCount;
    private volatile long probeGcMillis;

    /**
     * @param workload          the workload in words, for the report
     * @param emulatorInProcess whether the emulator runs in this process
     * @param progress          receives a status line about once a second (from the run's own thread)
     */
    public LoadRun(LoadClient client, LoadSettings settings, String workload, boolean emulatorInProcess,
                   Consumer<String> progress) {
        this.client = client;
        this.settings = settings;
        this.workload = workload;
        this.emulatorInProcess = emulatorInProcess;
        this.progress = progress;
        StreamSpec spec = new StreamSpec(settings.audio().format().sampleRate(), settings.audio().format().channels(),
                settings.languageCode());
        this.streams = new StreamRun[settings.streams()];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = new StreamRun(client, spec, settings.audio(), settings.passes(), settings.pace(), figures,
                    settings.expectedTranscript());
        }
    }

    /** Runs the workload to its end and returns the figures. Blocks; call it once. */
    public BenchReport run() {
        long baselineLiveHeap = ProcessMetrics.liveHeapAfterGc();
        ProcessMetrics before = ProcessMetrics.now();
        long startedAt = System.nanoTime();
        heapHighWater = before.heapUsedBytes();
        Thread pacing = new Thread(() -> pace(startedAt), "riffle-bench-pacing");
        pacing.setDaemon(true);
        pacing.start();
        monitor(startedAt, baselineLiveHeap);
        long endedAt = System.nanoTime();
        ProcessMetrics spent = ProcessMetrics.now().minus(before);
        LockSupport.unpark(pacing);
        return report(spent, (endedAt - startedAt) / 1e9);
    }

    /** The pacing thread: opens streams when the ramp says, and sends each due event. */
    private void pace(long startedAt) {
        long rampNanos = settings.ramp().toNanos();
        int opened = 0;
        while (!allFinished()) {
            long now = System.nanoTime();
            while (opened < streams.length && now - startedAt >= rampNanos * opened / streams.length) {
                streams[opened++].open();
                openedCount = opened;
            }
            for (StreamRun stream : streams) {
                if (stream.dueAt - now <= 0) {
                    stream.sendDue();
                }
            }
            LockSupport.parkNanos(PACING_TICK_NANOS);
        }
    }

    /** The calling thread: samples the heap, probes the live heap at mid-run, reports progress, keeps the deadline. */
    private void monitor(long startedAt, long baselineLiveHeap) {
        double totalAudio = settings.audioSecondsPerStream() * streams.length;
        long deadline = startedAt + settings.ramp().toNanos() + expectedWallNanos() + GRACE.toNanos();
        long nextProgress = startedAt + PROGRESS_NANOS;
        while (!allFinished()) {
            LockSupport.parkNanos(SAMPLE_NANOS);
            long now = System.nanoTime();
            heapHighWater = Math.max(heapHighWater, ProcessMetrics.heapUsed());
            if (liveHeapPerStream < 0 && audioSentSeconds() >= totalAudio / 2 && allOpened()) {
                probeLiveHeap(baselineLiveHeap);
            }
            if (now - nextProgress >= 0) {
                progress.accept(progressLine(now - startedAt, totalAudio));
                nextProgress += PROGRESS_NANOS;
            }
            if (now - deadline >= 0) {
                for (StreamRun stream : streams) {
                    stream.cancel();
                }
            }
        }
    }

    /** How long the audio takes at the run's pace, if the pace bounds it (unlimited: as long as at real time). */
    private long expectedWallNanos() {
        return Math.round(settings.audioSecondsPerStream() * 1e9);
    }

    private void probeLiveHeap(long baselineLiveHeap) {
        int open = 0;
        for (StreamRun stream : streams) {
            open += stream.finished() ? 0 : 1;
        }
        ProcessMetrics before = ProcessMetrics.now();
        long live = ProcessMetrics.liveHeapAfterGc();
        ProcessMetrics after = ProcessMetrics.now().minus(before);
        probeGcCount = after.gcCount();
        probeGcMillis = after.gcMillis();
        liveHeapPerStream = open == 0 ? 0 : Math.max(0, live - baselineLiveHeap) / open;
    }

    private String progressLine(long elapsedNanos, double totalAudio) {
        int open = 0;
        for (StreamRun stream : streams) {
            open += stream.finished() ? 0 : 1;
        }
        return String.format(Locale.ROOT, "%d/%d streams open, %d completed, %d failed, %.0f of %.0f audio s sent, "
                        + "%.0f s", open, streams.length, figures.completed.sum(), figures.failedCount(),
                audioSentSeconds(), totalAudio, elapsedNanos / 1e9);
    }

    private double audioSentSeconds() {
        return figures.audioNanosSent.sum() / 1e9;
    }

    private boolean allOpened() {
        return openedCount == streams.length;
    }

    private boolean allFinished() {
        for (StreamRun stream : streams) {
            if (!stream.finished()) {
                return false;
            }
        }
        return true;
    }

    private BenchReport report(ProcessMetrics spent, double wallSeconds) {
        return new BenchReport(client.name(), workload, streams.length, figures.completed.sum(),
                figures.failuresByType(), figures.transcriptsChecked.sum(), figures.transcriptsCorrect.sum(),
                wallSeconds, audioSentSeconds(), spent.cpuNanos() / 1e9, heapHighWater, liveHeapPerStream,
                spent.gcCount() - probeGcCount, Math.max(0, spent.gcMillis() - probeGcMillis) / 1e3,
                spent.allocatedBytes(), LatencySummary.of(figures.finalLatency),
                LatencySummary.of(figures.firstPartialLatency), emulatorInProcess);
    }
}
