package dev.riffle.emulator.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FLAC and Ogg Opus: all speech, frames cut from the caller's count of seconds. */
class AssumedSpeechDetectorTest {

    @Test
    void framesFollowTheAudioSecondsAndAreAllSpeech() {
        AssumedSpeechDetector detector = new AssumedSpeechDetector(2, 0.02);
        List<double[]> frames = new ArrayList<>();
        FrameListener listener = (start, end, speech) -> {
            assertThat(speech).containsExactly(true, true);
            frames.add(new double[] {start, end});
        };

        detector.accept(null, 0.05, listener);
        assertThat(frames).hasSize(2);
        detector.accept(null, 0.05, listener);
        detector.accept(null, 0.03, listener);
        assertThat(frames).hasSize(2);
        detector.accept(null, 0.14, listener);
        assertThat(frames).hasSize(7);
        assertThat(frames.get(6)).containsExactly(0.12, 0.14);
        detector.accept(null, 0.15, listener);
        detector.finish(listener);

        assertThat(frames).hasSize(8);
        assertThat(frames.get(7)).containsExactly(0.14, 0.15);
    }
}
