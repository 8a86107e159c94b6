package dev.riffle.emulator.transcript;

/**
 * The knobs of the energy-based voice activity detector ({@link EnergySpeechDetector}).
 *
 * <p>A frame of a channel holds speech when its RMS level (samples scaled to -1..1) reaches the larger of
 * {@code minimumRms} and {@code noiseMargin} times the channel's noise floor. The noise floor follows the frames
 * without speech: it drops at once to a quieter frame and rises towards a louder one by {@code noiseAdaptation}
 * of the difference per frame, so a steady background is learned while speech does not raise the bar.
 *
 * @param frameSeconds the length of a frame; 20 to 30 ms is usual for speech
 * @param minimumRms the lowest level that counts as speech (0.01 is -40 dBFS)
 * @param noiseMargin how far above the noise floor speech must be (3 is about +10 dB)
 * @param noiseAdaptation how fast the noise floor rises, from 0 (never) to 1 (at once)
 */
public record VoiceActivitySettings(double frameSeconds, double minimumRms, double noiseMargin,
                                    double noiseAdaptation) {

    /** Checks the values. */
    public VoiceActivitySettings {
        if (!(frameSeconds > 0 && minimumRms > 0 && noiseMargin >= 1 && noiseAdaptation >= 0
                && noiseAdaptation <= 1)) {
            throw new IllegalArgumentException("unusable voice activity settings: " + frameSeconds + " s, "
                    + minimumRms + ", " + noiseMargin + ", " + noiseAdaptation);
        }
    }

    /** 20 ms frames, speech from -40 dBFS and 10 dB over the noise floor, the floor rising 5% a frame. */
    public static VoiceActivitySettings defaults() {
        return new VoiceActivitySettings(0.02, 0.01, 3.0, 0.05);
    }
}
