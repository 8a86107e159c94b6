package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.MediaEncoding;
import java.nio.ByteBuffer;

/**
 * Cuts a stream's audio into frames and says which hold speech, so that words of a plain-word script are laid
 * over speech and segments end at pauses. PCM is measured ({@link EnergySpeechDetector}); FLAC and Ogg Opus are
 * not decoded by the emulator, so all of their audio counts as speech ({@link AssumedSpeechDetector}).
 *
 * <p>A detector keeps a bounded state (at most a part of one frame), never the audio.
 */
interface SpeechDetector {

    /**
     * More audio.
     *
     * @param pcmOrNull the new PCM bytes (read between position and limit, which are left as they are, and not
     *                  kept after the call); null when there are none or the audio is not PCM
     * @param audioSecondsNow how much audio the stream has received so far, in seconds
     * @param listener receives every frame completed by this audio
     */
    void accept(ByteBuffer pcmOrNull, double audioSecondsNow, FrameListener listener);

    /** The end of the audio: the last, possibly shorter, frame goes to {@code listener}. */
    void finish(FrameListener listener);

    /** The detector for audio of {@code encoding}. */
    static SpeechDetector forAudio(MediaEncoding encoding, int sampleRate, int channels,
                                   VoiceActivitySettings settings) {
        if (encoding == MediaEncoding.PCM) {
            return new EnergySpeechDetector(sampleRate, channels, settings);
        }
        return new AssumedSpeechDetector(channels, settings.frameSeconds());
    }
}
