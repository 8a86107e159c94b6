package dev.riffle.cli.bench;

import dev.riffle.transcribe.audio.AudioChunk;
import dev.riffle.transcribe.audio.AudioChunker;
import dev.riffle.transcribe.audio.AudioFormat;
import dev.riffle.transcribe.audio.AudioSource;
import dev.riffle.transcribe.audio.UnsupportedAudioException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PCM recording read once into memory and cut into 100 ms events, which every stream of a load run sends, looped
 * a whole number of times. Reading from disk during a run would measure the disk; sharing one read-only copy keeps
 * the harness's own memory out of the client's figures.
 *
 * <p>A recording whose length is not a whole number of events has its last event padded with silence, so every
 * event carries the same audio, as a microphone's do, and every pass starts on an event boundary. Unpadded, each
 * pass after the first would start a fraction of an event late, the events would no longer line up with the audio
 * frames a service analyses, and a final result could wait one event more for the frame holding its segment's end,
 * by the harness's doing rather than the client's.
 */
public final class PreparedAudio {

    /**
     * The most PCM a load run holds: 256 MiB, about 2 h 20 min at 16 kHz mono. A longer recording is refused
     * rather than read until the heap runs out; a run loops a shorter one with {@code --duration}.
     */
    static final int MAX_BYTES = 256 << 20;

    private final AudioFormat format;
    private final ByteBuffer pcm;
    private final int[] chunkEnds;
    private final long[] chunkEndNanos;

    private PreparedAudio(AudioFormat format, byte[] pcm, List<Integer> ends, List<Long> endNanos) {
        this.format = format;
        this.pcm = ByteBuffer.wrap(pcm).asReadOnlyBuffer();
        this.chunkEnds = ends.stream().mapToInt(Integer::intValue).toArray();
        this.chunkEndNanos = endNanos.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Reads {@code file}: a WAV, or raw PCM in {@code headerless} format.
     *
     * @throws UnsupportedAudioException if it is not PCM (FLAC and Ogg streams cannot be looped by concatenation), or
     *     longer than {@link #MAX_BYTES}
     */
    public static PreparedAudio read(Path file, AudioFormat headerless) throws IOException {
        return read(file, headerless, MAX_BYTES);
    }

    /** As {@link #read(Path, AudioFormat)}, holding at most {@code maxBytes} of PCM. */
    static PreparedAudio read(Path file, AudioFormat headerless, int maxBytes) throws IOException {
        try (AudioSource source = AudioSource.open(file, headerless)) {
            if (source.container() != AudioSource.Container.WAV && source.container() != AudioSource.Container.RAW_PCM) {
                throw new UnsupportedAudioException(source.container() + " audio, which cannot be looped; riffle "
                        + "bench sends WAV or raw PCM (convert with: sox FILE -b 16 FILE.wav)");
            }
            AudioChunker chunker = AudioChunker.of(source);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            List<Integer> ends = new ArrayList<>();
            List<Long> endNanos = new ArrayList<>();
            for (AudioChunk chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
                ByteBuffer audio = chunk.audio();
                if (audio.remaining() > maxBytes - bytes.size()) {
                    throw new UnsupportedAudioException("over " + maxBytes + " bytes of PCM, which riffle bench "
                            + "would hold in memory; loop a shorter recording with --duration");
                }
                byte[] copy = new byte[audio.remaining()];
                audio.get(copy);
                bytes.writeBytes(copy);
                ends.add(bytes.size());
                endNanos.add(chunk.end().toNanos());
            }
            if (ends.isEmpty()) {
                throw new UnsupportedAudioException("no audio in " + file);
            }
            padLastEvent(bytes, ends, endNanos);
            return new PreparedAudio(source.format(), bytes.toByteArray(), ends, endNanos);
        }
    }

    /** Pads a short last event with silence to the length of the first, and moves its end to match. */
    private static void padLastEvent(ByteArrayOutputStream bytes, List<Integer> ends, List<Long> endNanos) {
        int last = ends.size() - 1;
        if (last == 0) {
            return; // one event: nothing to match it to
        }
        int fullBytes = ends.get(0);
        int lastBytes = ends.get(last) - ends.get(last - 1);
        if (lastBytes >= fullBytes) {
            return;
        }
        bytes.writeBytes(new byte[fullBytes - lastBytes]);
        ends.set(last, bytes.size());
        endNanos.set(last, endNanos.get(last - 1) + endNanos.get(0));
    }

    /** The format every stream declares. */
    public AudioFormat format() {
        return format;
    }

    /** Events in one pass of the recording. */
    public int chunksPerPass() {
        return chunkEnds.length;
    }

    /** The length of one pass, in nanoseconds of audio. */
    public long passNanos() {
        return chunkEndNanos[chunkEnds.length - 1];
    }

    /** A view of the recording for one stream to send from; the stream moves its window, never its bytes. */
    ByteBuffer view() {
        return pcm.duplicate();
    }

    /** Sets {@code view}'s window to event {@code index} of a pass. */
    void window(ByteBuffer view, int index) {
        view.limit(chunkEnds[index]).position(index == 0 ? 0 : chunkEnds[index - 1]);
    }

    /** Where event {@code index} of a pass ends, in nanoseconds of audio from the pass's start. */
    long chunkEndNanos(int index) {
        return chunkEndNanos[index];
    }

    /** Where event {@code index} of a pass starts. */
    long chunkStartNanos(int index) {
        return index == 0 ? 0 : chunkEndNanos[index - 1];
    }
}
