package dev.riffle.emulator.transcript;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The detector for FLAC and Ogg Opus, which the emulator does not decode: every frame of every channel counts as
 * speech, so plain words are spoken at the nominal rate from the start and segments end only at sentence ends.
 * Time comes from the caller's count of audio seconds, cut into frames from 0 so that the frames do not depend on
 * how the audio was cut.
 */
final class AssumedSpeechDetector implements SpeechDetector {

    /** Allows for a time computed in floating point falling a hair short of a frame's end. */
    private static final double TOLERANCE = 1e-9;

    private final double framesPerSecond;
    private final boolean[] speechByChannel;
    private long framesDone;
    private double audioSeconds;

    AssumedSpeechDetector(int channels, double frameSeconds) {
        this.framesPerSecond = 1 / frameSeconds;
        this.speechByChannel = new boolean[channels];
        Arrays.fill(speechByChannel, true);
    }

    @Override
    public void accept(ByteBuffer pcmOrNull, double audioSecondsNow, FrameListener listener) {
        audioSeconds = Math.max(audioSeconds, audioSecondsNow);
        while (frameEnd(framesDone + 1) <= audioSeconds + TOLERANCE) {
            framesDone++;
            listener.onFrame(frameEnd(framesDone - 1), frameEnd(framesDone), speechByChannel);
        }
    }

    @Override
    public void finish(FrameListener listener) {
        double done = frameEnd(framesDone);
        if (audioSeconds > done + TOLERANCE) {
            listener.onFrame(done, audioSeconds, speechByChannel);
        }
    }

    /** Dividing whole numbers keeps times such as 0.14 exact to print, where 7 * 0.02 would not be. */
    private double frameEnd(long frames) {
        return frames / framesPerSecond;
    }
}
