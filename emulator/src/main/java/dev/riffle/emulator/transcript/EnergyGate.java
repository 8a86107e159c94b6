package dev.riffle.emulator.transcript;

/**
 * Decides, frame by frame, whether one channel holds speech from the energy of its samples (the rule is in
 * {@link VoiceActivitySettings}). Keeps two running sums and the noise floor, never the samples.
 */
final class EnergyGate {

    private final VoiceActivitySettings settings;
    private double noiseFloor;
    private double sumOfSquares;
    private int samples;

    EnergyGate(VoiceActivitySettings settings) {
        this.settings = settings;
        this.noiseFloor = settings.minimumRms() / settings.noiseMargin();
    }

    /** One sample of the current frame, from -1 to 1. */
    void add(double sample) {
        sumOfSquares += sample * sample;
        samples++;
    }

    /** Ends the current frame: whether it held speech. */
    boolean endFrame() {
        double rms = samples == 0 ? 0 : Math.sqrt(sumOfSquares / samples);
        sumOfSquares = 0;
        samples = 0;
        boolean speech = rms >= Math.max(settings.minimumRms(), settings.noiseMargin() * noiseFloor);
        if (!speech) {
            learnNoise(rms);
        }
        return speech;
    }

    /** Only frames without speech teach the floor, so that talking does not raise the bar for itself. */
    private void learnNoise(double rms) {
        noiseFloor = rms < noiseFloor ? rms : noiseFloor + settings.noiseAdaptation() * (rms - noiseFloor);
    }
}
