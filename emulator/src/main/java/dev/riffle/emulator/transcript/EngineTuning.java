package dev.riffle.emulator.transcript;

import java.util.Objects;

/**
 * The engine's pacing, which the service does not document (spec sections 5.2 and 5.3 give ranges). All in
 * seconds of audio, never of wall-clock time.
 *
 * @param partialIntervalSeconds how often an open segment's partial result is sent: 0.2 s by default, inside the
 *                               0.1 to 0.5 s seen from the service
 * @param emptyIntervalSeconds how often an event without results is sent while nothing is being said (no
 *                             script, audio past it, or silence): 0.5 s by default, the step of the docs' example
 * @param pauseSeconds how much silence ends a segment of plain words: 0.5 s by default
 * @param speakingRate how long plain words take to say
 * @param voiceActivity how speech is found in PCM audio
 * @param stabilityDepths how many words stay unstable at each stabilization level
 */
public record EngineTuning(double partialIntervalSeconds, double emptyIntervalSeconds, double pauseSeconds,
                           SpeakingRate speakingRate, VoiceActivitySettings voiceActivity,
                           StabilityDepths stabilityDepths) {

    /** Checks the values. */
    public EngineTuning {
        Objects.requireNonNull(speakingRate, "speakingRate");
        Objects.requireNonNull(voiceActivity, "voiceActivity");
        Objects.requireNonNull(stabilityDepths, "stabilityDepths");
        if (!(partialIntervalSeconds > 0 && emptyIntervalSeconds > 0 && pauseSeconds > 0)) {
            throw new IllegalArgumentException("intervals must be positive: " + partialIntervalSeconds + ", "
                    + emptyIntervalSeconds + ", " + pauseSeconds);
        }
    }

    /** Partials every 0.2 s, empty events every 0.5 s, segments split at 0.5 s pauses. */
    public static EngineTuning defaults() {
        return new EngineTuning(0.2, 0.5, 0.5, SpeakingRate.conversational(), VoiceActivitySettings.defaults(),
                StabilityDepths.defaults());
    }
}
