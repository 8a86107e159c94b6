package dev.riffle.transcribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Chunks of PCM, FLAC and Ogg Opus: sizes, boundaries, and durations that add up to the file's. */
class AudioChunkerTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private static List<AudioChunk> chunksOf(Path file, Duration target) throws IOException {
        try (AudioSource source = AudioSource.open(file)) {
            return Chunks.all(AudioChunker.of(source, target));
        }
    }

    private static List<AudioChunk> chunksOf(byte[] file, Duration target) throws IOException {
        try (AudioSource source = AudioSource.open(new ByteArrayInputStream(file))) {
            return Chunks.all(AudioChunker.of(source, target));
        }
    }

    /** Chunks follow each other, none is longer than the target, and they hold all audio bytes in order. */
    private static void assertWellFormed(List<AudioChunk> chunks, Duration target, byte[] audio) {
        assertThat(chunks).isNotEmpty();
        for (int i = 0; i < chunks.size(); i++) {
            AudioChunk chunk = chunks.get(i);
            assertThat(chunk.start()).as("chunk %d start", i)
                    .isEqualTo(i == 0 ? Duration.ZERO : chunks.get(i - 1).end());
            assertThat(chunk.duration()).as("chunk %d", i).isLessThanOrEqualTo(target).isLessThan(ONE_SECOND);
            assertThat(chunk.length()).as("chunk %d", i).isPositive();
        }
        assertThat(Chunks.concatenated(chunks)).isEqualTo(audio);
        assertThat(Chunks.totalDuration(chunks)).isEqualTo(chunks.get(chunks.size() - 1).end());
    }

    // --- PCM -------------------------------------------------------------------------------------------------

    @Test
    void theSamplesComeOutIn100MillisecondChunksOfWholeFrames() throws IOException {
        for (String name : Fixtures.SAMPLES) {
            Path wav = Fixtures.sample(name + ".wav");
            List<AudioChunk> chunks = chunksOf(wav, AudioChunker.DEFAULT_TARGET);
            byte[] samples = Arrays.copyOfRange(Fixtures.bytes(wav), 44, (int) wav.toFile().length());
            int frameBytes = name.equals("support-call") ? 4 : 2;

            assertWellFormed(chunks, AudioChunker.DEFAULT_TARGET, samples);
            assertThat(chunks.subList(0, chunks.size() - 1)).as(name).allSatisfy(chunk -> {
                assertThat(chunk.length()).isEqualTo(1_600 * frameBytes);
                assertThat(chunk.duration()).isEqualTo(Duration.ofMillis(100));
            });
            long frames = samples.length / frameBytes;
            assertThat(Chunks.totalDuration(chunks)).as(name)
                    .isEqualTo(Duration.ofNanos(frames * 1_000_000_000L / 16_000));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 73, 200})
    void pcmChunksFollowTheChosenTargetRoundedDownToWholeFrames(int millis) throws IOException {
        byte[] samples = Wav.ramp(11_025, 2);
        List<AudioChunk> chunks = chunksOf(Wav.pcm16(11_025, 2, samples), Duration.ofMillis(millis));

        int framesPerChunk = 11_025 * millis / 1000;
        assertWellFormed(chunks, Duration.ofMillis(millis), samples);
        assertThat(chunks.get(0).length()).isEqualTo(framesPerChunk * 4);
        assertThat(Chunks.totalDuration(chunks)).isEqualTo(ONE_SECOND);
    }

    @Test
    void aTrailingPartialFrameIsNotSent() throws IOException {
        byte[] samples = Arrays.copyOf(Wav.ramp(10, 2), 43); // 10 stereo frames and 3 stray bytes
        List<AudioChunk> chunks = chunksOf(Wav.riff().fmt(Wav.PCM, 2, 8_000, 16).data(samples).bytes(),
                Duration.ofMillis(100));

        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).length()).isEqualTo(40);
        assertThat(chunks.get(0).end()).isEqualTo(Duration.ofNanos(10 * 125_000L));
    }

    @Test
    void rawPcmFromAPipeComesOutInWholeChunksWhateverTheReadSizes() throws IOException {
        byte[] pcm = Wav.ramp(16_000, 1);
        pcm[1] = 0x7F; // no MPEG look-alike at the start
        try (AudioSource source = AudioSource.open(Fixtures.trickling(pcm, 7), AudioFormat.pcm(16_000, 1))) {
            List<AudioChunk> chunks = Chunks.all(AudioChunker.of(source));

            assertWellFormed(chunks, AudioChunker.DEFAULT_TARGET, pcm);
            assertThat(chunks).hasSize(10).allSatisfy(chunk -> assertThat(chunk.length()).isEqualTo(3_200));
        }
    }

    @Test
    void targetsOutside50To200MillisecondsAreRefused() throws IOException {
        try (AudioSource source = AudioSource.open(Fixtures.sample("recipe.wav"))) {
            assertThatThrownBy(() -> AudioChunker.of(source, Duration.ofMillis(49)))
                    .hasMessage("chunk duration must be 50–200 ms, not 49 ms");
            assertThatThrownBy(() -> AudioChunker.of(source, Duration.ofSeconds(1)))
                    .hasMessage("chunk duration must be 50–200 ms, not 1000 ms");
        }
    }

    // --- FLAC and Ogg Opus -----------------------------------------------------------------------------------

    /**
     * sox cut 0.7 s and 1.0 s of audio for the FLAC files, which STREAMINFO counts; opusenc was given 1.5 s and
     * 2.0 s, where its last granule position, less the pre-skip, ends exactly.
     */
    @ParameterizedTest
    @CsvSource({
        Fixtures.FLAC_16K_MONO + ", 700", Fixtures.FLAC_8K_STEREO + ", 1000",
        Fixtures.OPUS_16K_MONO + ", 1500", Fixtures.OPUS_24K_STEREO + ", 2000",
    })
    void containerChunksAddUpToTheEncodedDuration(String fixture, int expectedMillis) throws IOException {
        Path file = Fixtures.resource(fixture);
        for (int millis : new int[] {50, 100, 200}) {
            Duration target = Duration.ofMillis(millis);
            List<AudioChunk> chunks = chunksOf(file, target);

            assertWellFormed(chunks, target, Fixtures.bytes(file));
            assertThat(Chunks.totalDuration(chunks)).as("%s at %d ms", fixture, millis)
                    .isEqualTo(Duration.ofMillis(expectedMillis));
            assertThat(chunks.get(0).duration()).as("the container headers").isZero();
        }
    }

    // --- FLAC ------------------------------------------------------------------------------------------------

    @Test
    void shortFlacFramesAreGroupedWhole() throws IOException {
        // 1152-sample frames are 72 ms at 16 kHz: two fit in 200 ms, and every audio chunk but the last holds two.
        List<AudioChunk> chunks = chunksOf(Fixtures.resource(Fixtures.FLAC_16K_MONO), Duration.ofMillis(200));

        List<AudioChunk> audio = chunks.subList(1, chunks.size() - 1);
        assertThat(audio).isNotEmpty()
                .allSatisfy(chunk -> assertThat(chunk.duration()).isEqualTo(Duration.ofMillis(144)));
    }

    @Test
    void longFlacFramesAreCutIntoPiecesThatEndExactlyOnTheFrameBoundary() throws IOException {
        // 4096-sample frames are 512 ms at 8 kHz: 6 pieces at 100 ms; the last frame, 3904 samples, 5 pieces.
        List<AudioChunk> chunks = chunksOf(Fixtures.resource(Fixtures.FLAC_8K_STEREO), Duration.ofMillis(100));

        assertThat(chunks).hasSize(1 + 6 + 5);
        assertThat(chunks.get(6).end()).isEqualTo(Duration.ofMillis(512));
        assertThat(chunks.get(11).end()).isEqualTo(ONE_SECOND);
    }

    @Test
    void flacReadInTinyPiecesChunksTheSame() throws IOException {
        byte[] flac = Fixtures.bytes(Fixtures.resource(Fixtures.FLAC_16K_MONO));
        List<AudioChunk> whole = chunksOf(flac, AudioChunker.DEFAULT_TARGET);
        try (AudioSource source = AudioSource.open(Fixtures.trickling(flac, 3))) {
            List<AudioChunk> trickled = Chunks.all(AudioChunker.of(source));

            assertThat(trickled).extracting(AudioChunk::length)
                    .isEqualTo(whole.stream().map(AudioChunk::length).toList());
            assertThat(trickled).extracting(AudioChunk::end)
                    .isEqualTo(whole.stream().map(AudioChunk::end).toList());
        }
    }

    @Test
    void aFlacFileCutShortIsSentWholeAndItsLastPartialFrameAddsNoTime() throws IOException {
        byte[] flac = Fixtures.bytes(Fixtures.resource(Fixtures.FLAC_16K_MONO));
        byte[] cut = Arrays.copyOf(flac, flac.length - 100);
        List<AudioChunk> chunks = chunksOf(cut, AudioChunker.DEFAULT_TARGET);

        assertThat(Chunks.concatenated(chunks)).isEqualTo(cut);
        // 700 ms is 9 frames of 72 ms and one of 52 ms; the cut one does not count.
        assertThat(Chunks.totalDuration(chunks)).isEqualTo(Duration.ofMillis(9 * 72));
    }

    @Test
    void aDamagedFlacFrameFailsWithItsOffset() throws IOException {
        byte[] flac = Fixtures.bytes(Fixtures.resource(Fixtures.FLAC_16K_MONO));
        flac[flac.length / 4] ^= 0x10;
        try (AudioSource source = AudioSource.open(new ByteArrayInputStream(flac))) {
            AudioChunker chunker = AudioChunker.of(source);
            assertThatThrownBy(() -> Chunks.all(chunker))
                    .isInstanceOf(UnsupportedAudioException.class)
                    .hasMessageStartingWith("found a damaged FLAC stream (no FLAC frame boundary within ")
                    .hasMessageContaining("(damaged or cut data)");
        }
    }

    // --- Ogg Opus --------------------------------------------------------------------------------------------

    @Test
    void shortOggPagesAreGroupedWhole() throws IOException {
        // 40 ms pages: the first audio page is shorter by the pre-skip (312 samples = 6.5 ms), then two whole
        // pages (80 ms) fit in 100 ms.
        List<AudioChunk> chunks = chunksOf(Fixtures.resource(Fixtures.OPUS_16K_MONO), Duration.ofMillis(100));

        assertThat(chunks.get(0).duration()).as("OpusHead and OpusTags").isZero();
        assertThat(chunks.subList(2, chunks.size() - 1))
                .allSatisfy(chunk -> assertThat(chunk.duration()).isEqualTo(Duration.ofMillis(80)));
    }

    @Test
    void aDamagedOggPageFailsWithItsOffset() throws IOException {
        byte[] opus = Fixtures.bytes(Fixtures.resource(Fixtures.OPUS_16K_MONO));
        opus[opus.length / 2] ^= 0x01;
        try (AudioSource source = AudioSource.open(new ByteArrayInputStream(opus))) {
            AudioChunker chunker = AudioChunker.of(source);
            assertThatThrownBy(() -> Chunks.all(chunker))
                    .isInstanceOf(UnsupportedAudioException.class)
                    .hasMessageMatching(
                            "found a damaged Ogg Opus stream \\(Ogg page at byte \\d+ fails its CRC-32\\);.*");
        }
    }
}
