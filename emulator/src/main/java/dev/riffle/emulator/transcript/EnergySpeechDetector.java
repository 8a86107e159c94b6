package dev.riffle.emulator.transcript;

import java.nio.ByteBuffer;

/**
 * Finds speech in PCM audio (spec section 5.5: signed 16-bit little-endian samples, channels interleaved) with
 * one {@link EnergyGate} per channel over frames of {@link VoiceActivitySettings#frameSeconds()}.
 *
 * <p>Audio may arrive cut anywhere, even inside a sample: the low byte of a split sample waits for its high
 * byte, and the frame being filled lives in the gates' running sums. Frame times come from sample counts, so
 * the frames, and what is found in them, do not depend on how the audio was cut.
 */
final class EnergySpeechDetector implements SpeechDetector {

    private static final double FULL_SCALE = 32768.0;
    private static final int NO_BYTE = -1;

    private final int sampleRate;
    private final int samplesPerFrame;
    private final EnergyGate[] gates;
    private final boolean[] speechByChannel;

    private int pendingLowByte = NO_BYTE;
    private int nextChannel;
    private int framePosition;
    private long samplesBeforeFrame;

    EnergySpeechDetector(int sampleRate, int channels, VoiceActivitySettings settings) {
        if (sampleRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("PCM needs a sample rate and channels: " + sampleRate + ", " + channels);
        }
        this.sampleRate = sampleRate;
        this.samplesPerFrame = Math.max(1, (int) Math.round(sampleRate * settings.frameSeconds()));
        this.gates = new EnergyGate[channels];
        for (int channel = 0; channel < channels; channel++) {
            gates[channel] = new EnergyGate(settings);
        }
        this.speechByChannel = new boolean[channels];
    }

    @Override
    public void accept(ByteBuffer pcmOrNull, double audioSecondsNow, FrameListener listener) {
        if (pcmOrNull == null) {
            return;
        }
        for (int index = pcmOrNull.position(); index < pcmOrNull.limit(); index++) {
            acceptByte(pcmOrNull.get(index), listener);
        }
    }

    @Override
    public void finish(FrameListener listener) {
        if (framePosition > 0) {
            endFrame(listener);
        }
    }

    private void acceptByte(byte value, FrameListener listener) {
        if (pendingLowByte == NO_BYTE) {
            pendingLowByte = value & 0xff;
            return;
        }
        short sample = (short) ((value << 8) | pendingLowByte);
        pendingLowByte = NO_BYTE;
        gates[nextChannel].add(sample / FULL_SCALE);
        nextChannel++;
        if (nextChannel == gates.length) {
            nextChannel = 0;
            framePosition++;
            if (framePosition == samplesPerFrame) {
                endFrame(listener);
            }
        }
    }

    private void endFrame(FrameListener listener) {
        double start = (double) samplesBeforeFrame / sampleRate;
        samplesBeforeFrame += framePosition;
        framePosition = 0;
        for (int channel = 0; channel < gates.length; channel++) {
            speechByChannel[channel] = gates[channel].endFrame();
        }
        listener.onFrame(start, (double) samplesBeforeFrame / sampleRate, speechByChannel);
    }
}
