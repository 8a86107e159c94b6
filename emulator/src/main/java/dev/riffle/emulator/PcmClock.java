package dev.riffle.emulator;

import java.nio.ByteBuffer;

/** PCM audio time: bytes / (rate × channels × 2), spec 5.4. */
final class PcmClock implements AudioClock {

    private final double bytesPerSecond;
    private long bytes;

    PcmClock(int sampleRate, int channels) {
        this.bytesPerSecond = sampleRate * channels * 2.0;
    }

    @Override
    public double advance(ByteBuffer audio) {
        bytes += audio.remaining();
        return bytes / bytesPerSecond;
    }
}
