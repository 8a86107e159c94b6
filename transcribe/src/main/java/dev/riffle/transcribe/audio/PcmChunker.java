package dev.riffle.transcribe.audio;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;

/** Cuts PCM into chunks of a fixed number of whole sample frames; see {@link AudioChunker}. */
final class PcmChunker implements AudioChunker {

    private final AudioFormat format;
    private final InputStream audio;
    private final int frameBytes;
    private final int chunkBytes;
    private long framesSent;
    private boolean ended;

    PcmChunker(AudioSource source, Duration target) {
        this.format = source.format();
        this.audio = source.audio();
        this.frameBytes = format.pcmFrameBytes();
        long frames = Math.max(1, AudioTime.samples(target.toNanos(), format.sampleRate()));
        this.chunkBytes = Math.toIntExact(frames * frameBytes);
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    @Override
    public AudioChunk next() throws IOException {
        if (ended) {
            return null;
        }
        byte[] bytes = audio.readNBytes(chunkBytes);
        if (bytes.length < chunkBytes) {
            ended = true;
            int whole = bytes.length - bytes.length % frameBytes;
            if (whole == 0) {
                return null;
            }
            bytes = Arrays.copyOf(bytes, whole);
        }
        long startNanos = AudioTime.nanos(framesSent, format.sampleRate());
        framesSent += bytes.length / frameBytes;
        long endNanos = AudioTime.nanos(framesSent, format.sampleRate());
        return new AudioChunk(bytes, Duration.ofNanos(startNanos), Duration.ofNanos(endNanos));
    }
}
