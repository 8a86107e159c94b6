package dev.riffle.transcribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.transcribe.model.MediaEncoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The emulator's audio clock: split anywhere, it agrees with the chunker, and damage cannot break it. */
class AudioClockTest {

    private static final AudioFormat FLAC = new AudioFormat(MediaEncoding.FLAC, 16_000, 1);
    private static final AudioFormat OPUS = new AudioFormat(MediaEncoding.OGG_OPUS, 16_000, 1);

    /** The bytes a sender sends for a file, and the chunks it sends them in. */
    private record Sent(AudioFormat format, byte[] bytes, List<AudioChunk> chunks) {
    }

    private static Sent sent(String fixture, Duration target) throws IOException {
        byte[] file = Fixtures.bytes(Fixtures.resource(fixture));
        try (AudioSource source = AudioSource.open(new ByteArrayInputStream(file))) {
            List<AudioChunk> chunks = Chunks.all(AudioChunker.of(source, target));
            return new Sent(source.format(), Chunks.concatenated(chunks), chunks);
        }
    }

    /** The clock's time after each prefix of {@code bytes}, fed one byte at a time; index = bytes fed. */
    private static long[] timesByteByByte(AudioFormat format, byte[] bytes) {
        AudioClock clock = AudioClock.of(format);
        long[] times = new long[bytes.length + 1];
        for (int i = 0; i < bytes.length; i++) {
            clock.feed(bytes, i, 1);
            times[i + 1] = clock.audioNanos();
        }
        return times;
    }

    @Test
    void randomSplitsGiveTheSameTimesAsByteByByteAndEndWhereTheChunksEnd() throws IOException {
        for (String fixture : List.of(Fixtures.FLAC_16K_MONO, Fixtures.FLAC_8K_STEREO, Fixtures.OPUS_16K_MONO,
                Fixtures.OPUS_24K_STEREO)) {
            Sent sent = sent(fixture, AudioChunker.DEFAULT_TARGET);
            long[] reference = timesByteByByte(sent.format(), sent.bytes());
            long total = sent.chunks().get(sent.chunks().size() - 1).end().toNanos();
            Random random = new Random(fixture.hashCode());

            for (int round = 0; round < 20; round++) {
                AudioClock clock = AudioClock.of(sent.format());
                int fed = 0;
                long previous = 0;
                while (fed < sent.bytes().length) {
                    int piece = Math.min(sent.bytes().length - fed, 1 + random.nextInt(round % 2 == 0 ? 40 : 3000));
                    clock.feed(sent.bytes(), fed, piece);
                    fed += piece;
                    assertThat(clock.audioNanos()).as("%s after %d bytes", fixture, fed).isEqualTo(reference[fed])
                            .isGreaterThanOrEqualTo(previous)
                            .isLessThanOrEqualTo(endOfChunkHolding(sent.chunks(), fed));
                    previous = clock.audioNanos();
                }
                clock.endOfStream();
                assertThat(clock.audioNanos()).as(fixture).isEqualTo(total);
                assertThat(clock.bytesReceived()).isEqualTo(sent.bytes().length);
                assertThat(clock.malformation()).isEmpty();
            }
        }
    }

    /** The end time of the chunk that holds byte {@code fed - 1}: the clock may not be ahead of the sender. */
    private static long endOfChunkHolding(List<AudioChunk> chunks, long fed) {
        long end = 0;
        for (AudioChunk chunk : chunks) {
            end += chunk.length();
            if (end >= fed) {
                return chunk.end().toNanos();
            }
        }
        throw new AssertionError("past the last chunk");
    }

    @Test
    void onWholePagesTheClockMatchesEveryChunkEnd() throws IOException {
        // 40 ms pages grouped by two: every chunk ends on a page, whose end the clock knows at once.
        Sent sent = sent(Fixtures.OPUS_16K_MONO, AudioChunker.DEFAULT_TARGET);
        AudioClock clock = AudioClock.of(sent.format());
        for (AudioChunk chunk : sent.chunks()) {
            clock.feed(chunk.audio());
            assertThat(clock.audioTime()).isEqualTo(chunk.end());
        }
    }

    @Test
    void onWholeFlacFramesTheClockMatchesEachChunkEndOnceTheNextHeaderIsIn() throws IOException {
        Sent sent = sent(Fixtures.FLAC_16K_MONO, Duration.ofMillis(200));
        long[] reference = timesByteByByte(sent.format(), sent.bytes());
        int end = 0;
        for (AudioChunk chunk : sent.chunks().subList(0, sent.chunks().size() - 1)) {
            end += chunk.length();
            assertThat(reference[end + FlacFrameHeader.MAX_LENGTH]).isEqualTo(chunk.end().toNanos());
        }
    }

    @Test
    void pcmTimeIsWholeFramesOverTheRate() {
        AudioClock clock = AudioClock.of(AudioFormat.pcm(16_000, 2));
        clock.feed(new byte[6], 0, 6);
        assertThat(clock.audioNanos()).isEqualTo(62_500); // one 4-byte frame
        clock.feed(new byte[63_994], 0, 63_994);
        assertThat(clock.audioTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(clock.malformation()).isEmpty();
    }

    @Test
    void aDirectBufferIsReadWithoutMovingIt() {
        byte[] opus = Fixtures.bytes(Fixtures.resource(Fixtures.OPUS_16K_MONO));
        ByteBuffer direct = ByteBuffer.allocateDirect(opus.length).put(opus).flip();
        AudioClock fromBuffer = AudioClock.of(OPUS);
        AudioClock fromArray = AudioClock.of(OPUS);

        fromBuffer.feed(direct);
        fromArray.feed(opus, 0, opus.length);

        assertThat(direct.position()).isZero();
        assertThat(fromBuffer.audioNanos()).isEqualTo(fromArray.audioNanos()).isEqualTo(1_500_000_000L);
    }

    @Test
    void inputThatIsNotTheDeclaredContainerIsReportedAndTimeStays() {
        AudioClock flac = AudioClock.of(FLAC);
        byte[] wav = Wav.pcm16(16_000, 1, new byte[3_200]);
        flac.feed(wav, 0, wav.length);
        assertThat(flac.malformation()).contains("not a FLAC stream: no \"fLaC\" at byte 0");
        assertThat(flac.audioNanos()).isZero();
        assertThat(flac.bytesReceived()).isEqualTo(wav.length);

        AudioClock opus = AudioClock.of(OPUS);
        opus.feed(wav, 0, wav.length);
        assertThat(opus.malformation()).contains("no Ogg page at byte 0 (\"OggS\" expected)");
    }

    /**
     * The class promises every malformation "with its byte offset"; these two, and the missing "fLaC" above, named
     * none. Found by {@link AudioClockFuzzTest}.
     */
    @Test
    void malformationsAtTheStartNameTheirByteOffsetToo() {
        AudioClock rateZero = AudioClock.of(FLAC);
        byte[] flac = Fixtures.bytes(Fixtures.resource(Fixtures.FLAC_16K_MONO));
        // STREAMINFO's body starts at byte 8; its 20-bit rate at byte 18 (RFC 9639, section 8.2).
        flac[18] = 0;
        flac[19] = 0;
        flac[20] &= 0x0F;
        rateZero.feed(flac, 0, flac.length);
        assertThat(rateZero.malformation()).contains("FLAC STREAMINFO at byte 8 gives a sample rate of 0");

        AudioClock noOpusHead = AudioClock.of(OPUS);
        byte[] vorbis = OggPages.page(0x02, 0, 1, 0, "\u0001vorbis and more than nineteen bytes".getBytes(
                StandardCharsets.US_ASCII));
        noOpusHead.feed(vorbis, 0, vorbis.length);
        assertThat(noOpusHead.malformation())
                .contains("the first Ogg page, at byte 0, does not start an Opus stream (no OpusHead)");
    }

    @Test
    void inputCutInsideAFrameOrPageIsReportedAtTheEnd() {
        AudioClock flac = clockOverAllButTheLast10Bytes(FLAC, Fixtures.FLAC_16K_MONO);
        assertThat(flac.malformation()).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("the input ends inside the FLAC frame at byte "));
        assertThat(flac.audioTime()).isEqualTo(Duration.ofMillis(9 * 72));

        AudioClock opus = clockOverAllButTheLast10Bytes(OPUS, Fixtures.OPUS_16K_MONO);
        assertThat(opus.malformation()).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("the input ends inside the Ogg page at byte "));
    }

    private static AudioClock clockOverAllButTheLast10Bytes(AudioFormat format, String fixture) {
        byte[] bytes = Fixtures.bytes(Fixtures.resource(fixture));
        AudioClock clock = AudioClock.of(format);
        clock.feed(bytes, 0, bytes.length - 10);
        clock.endOfStream();
        return clock;
    }

    @Test
    void aFrameThatNeverEndsIsReportedInsteadOfSearchedForever() {
        byte[] flac = Fixtures.bytes(Fixtures.resource(Fixtures.FLAC_16K_MONO));
        int firstFrame = firstFrameOffset(flac);
        AudioClock clock = AudioClock.of(FLAC);
        clock.feed(flac, 0, firstFrame + 6); // the first frame's header, then nothing but zeros
        byte[] zeros = new byte[1 << 20];
        clock.feed(zeros, 0, zeros.length);

        assertThat(clock.malformation()).hasValueSatisfying(reason -> assertThat(reason)
                .matches("no FLAC frame boundary within \\d+ bytes of the frame at byte " + firstFrame
                        + " \\(damaged or cut data\\)"));
        assertThat(clock.audioNanos()).isZero();
    }

    /** After fLaC and STREAMINFO, the first frame's sync code. */
    private static int firstFrameOffset(byte[] flac) {
        int offset = 42;
        while (flac[offset] != (byte) 0xFF || flac[offset + 1] != (byte) 0xF8) {
            offset++;
        }
        return offset;
    }

    @Test
    void damagedStreamsNeverThrowAndNeverRunAheadOfTheAudio() throws IOException {
        Random random = new Random(42);
        for (String fixture : List.of(Fixtures.FLAC_16K_MONO, Fixtures.OPUS_24K_STEREO)) {
            Sent sent = sent(fixture, AudioChunker.DEFAULT_TARGET);
            long total = sent.chunks().get(sent.chunks().size() - 1).end().toNanos();
            for (int round = 0; round < 300; round++) {
                byte[] damaged = Arrays.copyOf(sent.bytes(), sent.bytes().length);
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
                }
                AudioClock clock = AudioClock.of(sent.format());
                for (int fed = 0; fed < damaged.length; ) {
                    int piece = Math.min(damaged.length - fed, 1 + random.nextInt(500));
                    clock.feed(damaged, fed, piece);
                    fed += piece;
                }
                clock.endOfStream();
                assertThat(clock.audioNanos()).as("%s round %d", fixture, round).isLessThanOrEqualTo(total);
            }
        }
    }

    @Test
    void randomBytesAreReportedNotThrown() {
        Random random = new Random(7);
        for (AudioFormat format : List.of(FLAC, OPUS)) {
            byte[] noise = new byte[100_000];
            random.nextBytes(noise);
            AudioClock clock = AudioClock.of(format);
            clock.feed(noise, 0, noise.length);
            clock.endOfStream();
            assertThat(clock.malformation()).isPresent();
            assertThat(clock.audioNanos()).isZero();
        }
    }

    @Test
    void audioAfterTheEndIsAMistake() {
        AudioClock clock = AudioClock.of(AudioFormat.pcm(8_000, 1));
        clock.endOfStream();
        clock.endOfStream();
        assertThatThrownBy(() -> clock.feed(new byte[2], 0, 2)).isInstanceOf(IllegalStateException.class);
    }

    /** Every way of feeding refuses audio after the end alike, even an empty direct buffer (no bytes are copied). */
    @Test
    void audioAfterTheEndIsAMistakeWhateverBufferItComesIn() {
        for (ByteBuffer piece : List.of(ByteBuffer.allocate(0), ByteBuffer.allocateDirect(0),
                ByteBuffer.allocateDirect(2), ByteBuffer.allocate(2).asReadOnlyBuffer())) {
            AudioClock clock = AudioClock.of(AudioFormat.pcm(8_000, 1));
            clock.endOfStream();
            assertThatThrownBy(() -> clock.feed(piece)).as(piece.toString())
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
