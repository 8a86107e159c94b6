package dev.riffle.transcribe.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.transcribe.model.MediaEncoding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format detection: what is accepted, what only its samples are sent of, and the refusals' exact words. */
class AudioSourceTest {

    private static final String ACCEPTED = "; riffle accepts WAV (16-bit PCM, 8–48 kHz, mono or stereo), raw 16-bit "
            + "PCM with --sample-rate, FLAC, or Ogg Opus";

    private static AudioSource open(byte[] bytes) throws IOException {
        return AudioSource.open(new ByteArrayInputStream(bytes));
    }

    private static byte[] audioOf(byte[] file) throws IOException {
        try (AudioSource source = open(file)) {
            return source.audio().readAllBytes();
        }
    }

    private static void assertRefused(byte[] bytes, String found) {
        assertThatThrownBy(() -> open(bytes))
                .isInstanceOf(UnsupportedAudioException.class)
                .hasMessage("found " + found + ACCEPTED)
                .satisfies(e -> assertThat(((UnsupportedAudioException) e).found()).isEqualTo(found));
    }

    // --- WAV -------------------------------------------------------------------------------------------------

    @Test
    void aWavFileSendsItsSamplesAndNotItsHeader() throws IOException {
        byte[] samples = Wav.ramp(100, 2);
        try (AudioSource source = open(Wav.pcm16(16_000, 2, samples))) {
            assertThat(source.format()).isEqualTo(new AudioFormat(MediaEncoding.PCM, 16_000, 2));
            assertThat(source.container()).isEqualTo(AudioSource.Container.WAV);
            assertThat(source.audio().readAllBytes()).isEqualTo(samples);
        }
    }

    @Test
    void theGeneratedSamplesAre16kHz16BitWavFiles() throws IOException {
        for (String name : Fixtures.SAMPLES) {
            Path wav = Fixtures.sample(name + ".wav");
            try (AudioSource source = AudioSource.open(wav)) {
                int channels = name.equals("support-call") ? 2 : 1;
                assertThat(source.format()).as(name).isEqualTo(AudioFormat.pcm(16_000, channels));
                byte[] audio = source.audio().readAllBytes();
                assertThat(audio.length).as(name).isEqualTo(Files.size(wav) - 44);
                assertThat(audio).as(name).startsWith(0, 0); // the lead silence, not "RIFF"
            }
        }
    }

    @Test
    void chunksBeforeTheDataChunkAreSkippedAndChunksAfterItAreNotSent() throws IOException {
        byte[] samples = Wav.ramp(50, 1);
        byte[] file = Wav.riff()
                .chunk("JUNK", new byte[27]) // odd length: a pad byte follows
                .fmt(Wav.PCM, 1, 8_000, 16)
                .chunk("LIST", "INFOISFT\u0005\0\0\0sox!\0".getBytes(StandardCharsets.ISO_8859_1))
                .chunk("fact", new byte[4])
                .data(samples)
                .chunk("id3 ", new byte[64])
                .bytes();

        assertThat(audioOf(file)).isEqualTo(samples);
    }

    @Test
    void waveFormatExtensibleWithThePcmSubformatIsAccepted() throws IOException {
        byte[] samples = Wav.ramp(30, 2);
        byte[] file = Wav.riff().extensibleFmt(Wav.PCM, 2, 48_000, 16).data(samples).bytes();

        try (AudioSource source = open(file)) {
            assertThat(source.format()).isEqualTo(AudioFormat.pcm(48_000, 2));
            assertThat(source.audio().readAllBytes()).isEqualTo(samples);
        }
    }

    @Test
    void aDataSizeWrittenByAPipeWriterIsReadToTheEndOfTheInput() throws IOException {
        byte[] samples = Wav.ramp(40, 1);
        for (long declared : new long[] {0, 0x7FFF_F000L, 0xFFFF_FFFFL}) {
            byte[] file = Wav.riff().fmt(Wav.PCM, 1, 16_000, 16).dataDeclaring(declared, samples).bytes();
            assertThat(audioOf(file)).as("declared %x", declared).isEqualTo(samples);
        }
    }

    @Test
    void theHeaderWinsOverADeclaredFormat() throws IOException {
        try (AudioSource source = AudioSource.open(new ByteArrayInputStream(Wav.pcm16(16_000, 1, Wav.ramp(8, 1))),
                AudioFormat.pcm(8_000, 2))) {
            assertThat(source.format()).isEqualTo(AudioFormat.pcm(16_000, 1));
        }
    }

    @Test
    void wavFilesWithOtherSampleFormatsAreRefusedByName() {
        assertRefused(Wav.riff().fmt(Wav.PCM, 1, 16_000, 8).data(new byte[8]).bytes(),
                "a WAV file with 8-bit samples");
        assertRefused(Wav.riff().fmt(Wav.PCM, 1, 16_000, 24).data(new byte[6]).bytes(),
                "a WAV file with 24-bit samples");
        assertRefused(Wav.riff().fmt(Wav.PCM, 2, 44_100, 32).data(new byte[8]).bytes(),
                "a WAV file with 32-bit samples");
        assertRefused(Wav.riff().fmt(Wav.FLOAT, 1, 16_000, 32).data(new byte[8]).bytes(),
                "a WAV file with 32-bit float samples");
        assertRefused(Wav.riff().extensibleFmt(Wav.FLOAT, 2, 48_000, 32).data(new byte[8]).bytes(),
                "a WAV file with 32-bit float samples");
        assertRefused(Wav.riff().fmt(7, 1, 8_000, 8).data(new byte[8]).bytes(), "a WAV file with µ-law samples");
        assertRefused(Wav.riff().fmt(0x1234, 1, 8_000, 16).data(new byte[8]).bytes(),
                "a WAV file with encoding 0x1234");
    }

    @Test
    void wavFilesWithRatesOrChannelsTheServiceRefusesAreRefused() {
        assertRefused(Wav.pcm16(96_000, 1, new byte[4]), "a WAV file with a sample rate of 96000 Hz");
        assertRefused(Wav.pcm16(6_000, 1, new byte[4]), "a WAV file with a sample rate of 6000 Hz");
        assertRefused(Wav.pcm16(16_000, 3, new byte[12]), "a WAV file with 3 channels");
        assertRefused(Wav.riff().fmt(Wav.PCM, 6, 96_000, 24).data(new byte[36]).bytes(),
                "a WAV file with 24-bit samples, a sample rate of 96000 Hz and 6 channels");
    }

    @Test
    void damagedOrCutWavHeadersAreRefused() {
        byte[] whole = Wav.pcm16(16_000, 1, new byte[100]);
        assertRefused(Arrays.copyOf(whole, 30), "a WAV file whose header is cut short (the input ends after 30 bytes)");
        assertRefused(Arrays.copyOf(whole, 8), "a WAV file whose header is cut short (the input ends after 8 bytes)");
        assertRefused(Arrays.copyOf(whole, 36), "a WAV file without a data chunk");
        assertRefused(Wav.riff().data(new byte[4]).fmt(Wav.PCM, 1, 16_000, 16).bytes(),
                "a WAV file whose data chunk comes before its fmt chunk");
        byte[] badBlockAlign = whole.clone();
        badBlockAlign[32] = 3;
        assertRefused(badBlockAlign,
                "a WAV file with a damaged header (block align 3 for 1 channels of 16 bits)");
        assertRefused(Wav.riff().chunk("fmt ", new byte[10]).data(new byte[4]).bytes(),
                "a WAV file with a damaged header (fmt chunk of 10 bytes)");
    }

    // --- FLAC and Ogg Opus -----------------------------------------------------------------------------------

    @Test
    void flacIsSentAsContainerBytesWithTheFormatOfItsStreamInfo() throws IOException {
        assertContainer(Fixtures.FLAC_16K_MONO, new AudioFormat(MediaEncoding.FLAC, 16_000, 1));
        assertContainer(Fixtures.FLAC_8K_STEREO, new AudioFormat(MediaEncoding.FLAC, 8_000, 2));
    }

    @Test
    void oggOpusIsSentAsContainerBytesWithTheEncodersInputRate() throws IOException {
        assertContainer(Fixtures.OPUS_16K_MONO, new AudioFormat(MediaEncoding.OGG_OPUS, 16_000, 1));
        assertContainer(Fixtures.OPUS_24K_STEREO, new AudioFormat(MediaEncoding.OGG_OPUS, 24_000, 2));
    }

    private static void assertContainer(String name, AudioFormat expected) throws IOException {
        Path file = Fixtures.resource(name);
        try (AudioSource source = AudioSource.open(file)) {
            assertThat(source.format()).as(name).isEqualTo(expected);
            assertThat(source.audio().readAllBytes()).as(name).isEqualTo(Fixtures.bytes(file));
        }
    }

    @Test
    void flacWithARateOrChannelsTheServiceRefusesIsRefused() {
        byte[] flac = Fixtures.bytes(Fixtures.resource(Fixtures.FLAC_16K_MONO));
        // STREAMINFO starts at byte 8; rate (20 bits), channels - 1 (3 bits) start at its byte 10.
        byte[] at96k = flac.clone();
        setStreamInfoRateAndChannels(at96k, 96_000, 1);
        assertRefused(at96k, "a FLAC file with a sample rate of 96000 Hz");
        byte[] sixChannels = flac.clone();
        setStreamInfoRateAndChannels(sixChannels, 16_000, 6);
        assertRefused(sixChannels, "a FLAC file with 6 channels");
    }

    private static void setStreamInfoRateAndChannels(byte[] flac, int rate, int channels) {
        int at = 8 + 10;
        flac[at] = (byte) (rate >>> 12);
        flac[at + 1] = (byte) (rate >>> 4);
        flac[at + 2] = (byte) ((rate & 0xF) << 4 | (channels - 1) << 1 | (flac[at + 2] & 0x01));
    }

    @Test
    void cutOrDamagedContainerHeadersAreRefused() {
        byte[] flac = Fixtures.bytes(Fixtures.resource(Fixtures.FLAC_16K_MONO));
        assertRefused(Arrays.copyOf(flac, 20), "a FLAC file whose header is cut short (the input ends after 20 bytes)");
        byte[] noStreamInfo = flac.clone();
        noStreamInfo[4] = 0x04; // a VORBIS_COMMENT block where STREAMINFO must be
        assertRefused(noStreamInfo, "a FLAC file with a damaged header (FLAC metadata block of type 4 at byte 4 "
                + "where STREAMINFO must be)");

        byte[] opus = Fixtures.bytes(Fixtures.resource(Fixtures.OPUS_16K_MONO));
        assertRefused(Arrays.copyOf(opus, 40), "an Ogg Opus file whose header is cut short (the input ends after 40 "
                + "bytes)");
        byte[] badCrc = opus.clone();
        badCrc[30 + 9] ^= 0x01; // a bit of OpusHead's channel count
        assertRefused(badCrc, "an Ogg Opus file with a damaged header (Ogg page at byte 0 fails its CRC-32)");
    }

    @Test
    void oggWithMoreThanTwoChannelsOrAnotherCodecIsRefused() {
        byte[] opusHead = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN)
                .put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 6)
                .putShort((short) 312).putInt(48_000).putShort((short) 0).put((byte) 1).array();
        assertRefused(OggPages.page(0x02, 0, 7, 0, opusHead), "an Ogg Opus file with 6 channels");

        byte[] vorbis = new byte[30];
        vorbis[0] = 1;
        System.arraycopy("vorbis".getBytes(StandardCharsets.US_ASCII), 0, vorbis, 1, 6);
        assertRefused(OggPages.page(0x02, 0, 7, 0, vorbis), "an Ogg Vorbis file");
        assertRefused(OggPages.page(0x02, 0, 7, 0, new byte[30]), "an Ogg file with a codec other than Opus");
    }

    // --- other inputs ----------------------------------------------------------------------------------------

    @Test
    void mp3IsRefusedByItsId3TagOrItsFrameSync() {
        byte[] id3 = new byte[200];
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, id3, 0, 3);
        id3[3] = 4;
        assertRefused(id3, "an MP3 file (ID3 tag)");

        assertRefused(mpegFrames(3), "an MP3 file (MPEG audio frame sync)");
    }

    @Test
    void aSingleMpegLookingHeaderInRawPcmIsNotTakenForMp3() throws IOException {
        byte[] pcm = mpegFrames(3);
        pcm[417] = 0x12; // the second frame's sync is gone: raw PCM that happens to start like MP3
        try (AudioSource source = AudioSource.open(new ByteArrayInputStream(pcm), AudioFormat.pcm(16_000, 1))) {
            assertThat(source.container()).isEqualTo(AudioSource.Container.RAW_PCM);
            assertThat(source.audio().readAllBytes()).isEqualTo(pcm);
        }
    }

    /** MPEG-1 layer III frames at 128 kbit/s and 44.1 kHz: 417 bytes each without padding. */
    private static byte[] mpegFrames(int count) {
        byte[] frames = new byte[417 * count];
        for (int i = 0; i < count; i++) {
            frames[417 * i] = (byte) 0xFF;
            frames[417 * i + 1] = (byte) 0xFB;
            frames[417 * i + 2] = (byte) 0x90;
            frames[417 * i + 3] = (byte) 0x64;
        }
        return frames;
    }

    @Test
    void otherContainersAreNamed() {
        assertRefused(ascii("FORM\0\0\0\u0010AIFFCOMM"), "an AIFF file");
        assertRefused(ascii("\0\0\0\u0020ftypM4A \0\0\0\0"), "an MP4 or M4A file");
        assertRefused(ascii("RIFF\0\0\0\0AVI LIST"), "a RIFF file of type \"AVI \", not WAVE");
        assertRefused(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 2, 3, 4}, "a WebM or Matroska file");
    }

    @Test
    void emptyAndUnknownInputIsRefused(@TempDir Path folder) throws IOException {
        Path empty = Files.write(folder.resolve("empty.wav"), new byte[0]);
        assertThatThrownBy(() -> AudioSource.open(empty)).hasMessage("found an empty file" + ACCEPTED);
        assertRefused(new byte[0], "an empty input");
        assertRefused(ascii("MZ\u0090\0\u0003\0\0\0\u0004\0"), "unrecognized bytes (starting 4D 5A 90 00 03 00 00 00)");
        assertRefused(ascii("RIF"), "unrecognized bytes (starting 52 49 46)");
        assertRefused(ascii("RIFF\0\0"), "a WAV file whose header is cut short (the input ends after 6 bytes)");
    }

    @Test
    void headerlessInputIsRawPcmOnlyWhenTheCallerDeclaresItsFormat(@TempDir Path folder) throws IOException {
        byte[] pcm = Wav.ramp(64, 1);
        pcm[0] = 0x42; // no signature
        Path raw = Files.write(folder.resolve("speech.raw"), pcm);

        try (AudioSource source = AudioSource.open(raw, AudioFormat.pcm(8_000, 1))) {
            assertThat(source.format()).isEqualTo(AudioFormat.pcm(8_000, 1));
            assertThat(source.container()).isEqualTo(AudioSource.Container.RAW_PCM);
            assertThat(source.audio().readAllBytes()).isEqualTo(pcm);
        }
        assertThatThrownBy(() -> AudioSource.open(raw)).hasMessageStartingWith("found unrecognized bytes");
        assertThatThrownBy(() -> AudioSource.open(raw, new AudioFormat(MediaEncoding.FLAC, 8_000, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeclaredFormatOutsideTheServiceLimitsIsRefusedAtOnce() {
        assertThatThrownBy(() -> AudioFormat.pcm(96_000, 1))
                .hasMessage("sample rate 96000 Hz is outside the service's range, 8000–48000 Hz");
        assertThatThrownBy(() -> AudioFormat.pcm(16_000, 3)).hasMessage("3 channels; the service takes 1 or 2");
    }

    @Test
    void everyRefusalIsOneLine() {
        assertThat(new UnsupportedAudioException("an MP3 file (ID3 tag)").getMessage())
                .isEqualTo("found an MP3 file (ID3 tag)" + ACCEPTED)
                .doesNotContain("\n");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
