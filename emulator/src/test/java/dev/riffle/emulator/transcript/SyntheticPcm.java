package dev.riffle.emulator.transcript;

import java.io.ByteArrayOutputStream;

/**
 * Builds PCM test audio (signed 16-bit little-endian, channels interleaved): stretches of tone, which the
 * detector hears as speech, and of silence or faint noise, which it does not.
 */
final class SyntheticPcm {

    private static final double TONE_HERTZ = 440;

    private final int sampleRate;
    private final int channels;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long samplesWritten;
    private long noiseState = 12345;

    SyntheticPcm(int sampleRate, int channels) {
        this.sampleRate = sampleRate;
        this.channels = channels;
    }

    /** A tone on every channel. */
    SyntheticPcm tone(double seconds) {
        double[] levels = new double[channels];
        java.util.Arrays.fill(levels, 0.3);
        return stretch(seconds, levels);
    }

    /** Digital silence on every channel. */
    SyntheticPcm silence(double seconds) {
        return stretch(seconds, new double[channels]);
    }

    /** A tone on the first channel only (stereo). */
    SyntheticPcm toneOnFirst(double seconds) {
        return stretch(seconds, new double[] {0.3, 0});
    }

    /** A tone on the second channel only (stereo). */
    SyntheticPcm toneOnSecond(double seconds) {
        return stretch(seconds, new double[] {0, 0.3});
    }

    /** Random noise of peak {@code level} on every channel (0.003 is well below the speech threshold). */
    SyntheticPcm noise(double seconds, double level) {
        int count = frames(seconds);
        for (int i = 0; i < count; i++) {
            for (int channel = 0; channel < channels; channel++) {
                noiseState = noiseState * 6364136223846793005L + 1442695040888963407L;
                double uniform = ((noiseState >>> 11) / (double) (1L << 53)) * 2 - 1;
                write(uniform * level);
            }
            samplesWritten++;
        }
        return this;
    }

    /** A stretch with a tone of peak {@code levels[c]} on channel c (0 for silence). */
    SyntheticPcm stretch(double seconds, double[] levels) {
        int count = frames(seconds);
        for (int i = 0; i < count; i++) {
            double phase = 2 * Math.PI * TONE_HERTZ * samplesWritten / sampleRate;
            for (int channel = 0; channel < channels; channel++) {
                write(levels[channel] * Math.sin(phase));
            }
            samplesWritten++;
        }
        return this;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    private int frames(double seconds) {
        return (int) Math.round(seconds * sampleRate);
    }

    private void write(double value) {
        int sample = (int) Math.round(value * 32767);
        bytes.write(sample & 0xff);
        bytes.write((sample >> 8) & 0xff);
    }
}
