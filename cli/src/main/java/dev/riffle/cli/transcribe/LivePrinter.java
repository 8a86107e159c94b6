package dev.riffle.cli.transcribe;

import dev.riffle.cli.PrintableText;
import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.StableSplit;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --output live}, for a terminal: each final result committed on a line of its own, and under them a live
 * region that is redrawn in place: the current partial result of each channel (stable words plain, words that may
 * still change dimmed) and a dimmed status line with the audio sent so far and the latest latency.
 *
 * <p>The region is drawn without a trailing newline, each line cut to the terminal's width (in columns: see
 * {@link ColumnWidth}) so nothing wraps, and the service's text made printable ({@link PrintableText}); to
 * redraw, the cursor returns to the region's first line (CR, then CUU) and everything below is erased (ED), all
 * ECMA-48 sequences every terminal emulator understands. {@link #finish()} erases the region, leaving only the
 * finals.
 */
final class LivePrinter implements TranscriptPrinter {

    private static final String ERASE_BELOW = "\033[J";

    private final OutputStream out;
    private final int width;
    private final boolean styled;
    /** The newest partial of each channel ({@code ""} for a mono stream), in order of first appearance. */
    private final Map<String, Result> partials = new LinkedHashMap<>();
    private final StringBuilder frame = new StringBuilder(512);
    private int regionLines;
    private Duration audioSent = Duration.ZERO;
    private Duration latency;

    /**
     * @param width  the terminal's columns
     * @param styled whether to dim (off with {@code NO_COLOR})
     */
    LivePrinter(OutputStream out, int width, boolean styled) {
        this.out = out;
        this.width = Math.max(20, width);
        this.styled = styled;
    }

    @Override
    public void event(TranscriptEvent event, Duration latency) throws IOException {
        if (event.transcript().results().isEmpty()) {
            return;
        }
        if (latency != null) {
            this.latency = latency;
        }
        beginFrame();
        for (Result result : event.transcript().results()) {
            String channel = result.channelId() == null ? "" : result.channelId();
            if (result.isPartial()) {
                partials.put(channel, result);
            } else {
                partials.remove(channel);
                frame.append(ResultLabels.channelPrefix(result)).append(ResultLabels.transcript(result)).append('\n');
            }
        }
        drawRegionAndFlush();
    }

    @Override
    public void audioSent(Duration audioSent) throws IOException {
        this.audioSent = audioSent;
        beginFrame();
        drawRegionAndFlush();
    }

    @Override
    public void finish() throws IOException {
        beginFrame();
        write();
    }

    /** Starts a frame by moving to the top of the region and erasing it. */
    private void beginFrame() {
        frame.setLength(0);
        if (regionLines > 0) {
            frame.append('\r');
            if (regionLines > 1) {
                frame.append("\033[").append(regionLines - 1).append('A');
            }
            frame.append(ERASE_BELOW);
        }
        regionLines = 0;
    }

    private void drawRegionAndFlush() throws IOException {
        for (Result partial : partials.values()) {
            appendRegionLine(partialLine(partial));
        }
        appendRegionLine(new StyledLine().dim(status()));
        write();
    }

    /** A partial's line: its stable words plain, the rest dimmed (all of it without stabilization). */
    private static StyledLine partialLine(Result partial) {
        StyledLine line = new StyledLine().plain(ResultLabels.channelPrefix(partial)).keepHead();
        StableSplit split = StableSplit.of(partial);
        if (split.stable().isEmpty() && split.unstable().isEmpty()) {
            return line.dim(ResultLabels.transcript(partial)); // a result without items
        }
        line.plain(PrintableText.of(split.stableText()));
        if (!split.unstable().isEmpty()) {
            boolean space = !split.stable().isEmpty() && !split.unstable().get(0).isPunctuation();
            line.dim((space ? " " : "") + PrintableText.of(split.unstableText()));
        }
        return line;
    }

    private void appendRegionLine(StyledLine line) {
        if (regionLines > 0) {
            frame.append('\n');
        }
        frame.append(line.render(width - 1, styled)); // the last column stays free: some terminals wrap there
        regionLines++;
    }

    private String status() {
        String sent = String.format(Locale.ROOT, "%.1f s of audio sent", audioSent.toMillis() / 1000.0);
        if (latency == null) {
            return sent;
        }
        long millis = latency.toMillis();
        return sent + " · latency " + (millis < 1000 ? millis + " ms"
                : String.format(Locale.ROOT, "%.2f s", millis / 1000.0));
    }

    private void write() throws IOException {
        out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
