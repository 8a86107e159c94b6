package dev.riffle.emulator.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Finding speech in PCM, frame by frame, however the audio is cut. */
class EnergySpeechDetectorTest {

    private static final int RATE = 16000;

    /** A frame as heard: its times and its speech by channel, e.g. "0.02-0.04 10". */
    private record Frame(double start, double end, String speech) {
    }

    private static List<Frame> detect(byte[] pcm, int channels, int[] chunkSizes) {
        EnergySpeechDetector detector = new EnergySpeechDetector(RATE, channels, VoiceActivitySettings.defaults());
        List<Frame> frames = new ArrayList<>();
        FrameListener listener = (start, end, speech) -> {
            StringBuilder flags = new StringBuilder();
            for (boolean channelSpeech : speech) {
                flags.append(channelSpeech ? '1' : '0');
            }
            frames.add(new Frame(start, end, flags.toString()));
        };
        int offset = 0;
        for (int i = 0; offset < pcm.length; i++) {
            int length = Math.min(pcm.length - offset, chunkSizes[i % chunkSizes.length]);
            ByteBuffer chunk = ByteBuffer.wrap(pcm, offset, length);
            detector.accept(chunk, 0, listener);
            assertThat(chunk.position()).isEqualTo(offset);
            assertThat(chunk.limit()).isEqualTo(offset + length);
            offset += length;
        }
        detector.finish(listener);
        return frames;
    }

    private static String speechPattern(List<Frame> frames) {
        StringBuilder pattern = new StringBuilder();
        frames.forEach(frame -> pattern.append(frame.speech().contains("1") ? 'S' : '.'));
        return pattern.toString();
    }

    @Test
    void toneBurstsAreSpeechAndSilenceIsNot() {
        byte[] pcm = new SyntheticPcm(RATE, 1).silence(0.1).tone(0.2).silence(0.1).tone(0.1).toBytes();

        List<Frame> frames = detect(pcm, 1, new int[] {pcm.length});

        assertThat(speechPattern(frames)).isEqualTo(".....SSSSSSSSSS.....SSSSS");
        assertThat(frames.get(0)).isEqualTo(new Frame(0.0, 0.02, "0"));
        assertThat(frames.get(7).start()).isEqualTo(0.14);
        assertThat(frames.get(frames.size() - 1).end()).isEqualTo(0.5);
    }

    @Test
    void framesDoNotDependOnHowTheAudioIsCutEvenInsideASample() {
        byte[] pcm = new SyntheticPcm(RATE, 2).silence(0.13).toneOnFirst(0.31).toneOnSecond(0.2).noise(0.15, 0.003)
                .toBytes();

        List<Frame> whole = detect(pcm, 2, new int[] {pcm.length});

        assertThat(detect(pcm, 2, new int[] {1})).isEqualTo(whole);
        assertThat(detect(pcm, 2, new int[] {3, 7, 1, 640, 5})).isEqualTo(whole);
        Random random = new Random(7);
        int[] sizes = random.ints(50, 1, 2000).toArray();
        assertThat(detect(pcm, 2, sizes)).isEqualTo(whole);
    }

    @Test
    void eachChannelIsJudgedOnItsOwn() {
        byte[] pcm = new SyntheticPcm(RATE, 2).toneOnFirst(0.1).toneOnSecond(0.1).toBytes();

        List<Frame> frames = detect(pcm, 2, new int[] {pcm.length});

        assertThat(frames).extracting(Frame::speech)
                .containsExactly("10", "10", "10", "10", "10", "01", "01", "01", "01", "01");
    }

    @Test
    void faintNoiseIsNotSpeech() {
        byte[] pcm = new SyntheticPcm(RATE, 1).noise(1.0, 0.003).tone(0.1).noise(0.2, 0.003).toBytes();

        assertThat(speechPattern(detect(pcm, 1, new int[] {999})))
                .isEqualTo(".".repeat(50) + "SSSSS" + ".".repeat(10));
    }

    @Test
    void aSteadyBackgroundRaisesTheBarSoOnlyLouderSoundIsSpeech() {
        // Noise of peak 0.015 (RMS 0.0087) is under the -40 dBFS minimum, so it is not speech and teaches the
        // floor: the bar rises to 3 x 0.0087 = 0.026. A tone of RMS 0.021, which would clear the minimum over
        // silence, then stays under the bar; a tone of RMS 0.21 clears it.
        SyntheticPcm quietThenTone = new SyntheticPcm(RATE, 1).silence(0.1).stretch(0.1, new double[] {0.03});
        SyntheticPcm noisyThenTones = new SyntheticPcm(RATE, 1).noise(2.0, 0.015)
                .stretch(0.1, new double[] {0.03})
                .noise(0.1, 0.015)
                .stretch(0.1, new double[] {0.3});

        assertThat(speechPattern(detect(quietThenTone.toBytes(), 1, new int[] {4096}))).isEqualTo(".....SSSSS");
        String pattern = speechPattern(detect(noisyThenTones.toBytes(), 1, new int[] {4096}));
        assertThat(pattern.substring(0, 100)).doesNotContain("S");
        assertThat(pattern.substring(100, 115)).isEqualTo("..........SSSSS");
    }

    @Test
    void theLastShortFrameIsHeardAtTheEnd() {
        byte[] pcm = new SyntheticPcm(RATE, 1).tone(0.03).toBytes();

        List<Frame> frames = detect(pcm, 1, new int[] {pcm.length});

        assertThat(frames).containsExactly(new Frame(0.0, 0.02, "1"), new Frame(0.02, 0.03, "1"));
    }
}
