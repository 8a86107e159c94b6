package dev.riffle.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.transcribe.audio.AudioFormat;
import dev.riffle.transcribe.audio.UnsupportedAudioException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording cut into equal 100 ms events, the last padded with silence, so looped passes stay aligned. */
class PreparedAudioTest {

    @TempDir
    Path dir;

    @Test
    void aRecordingOverTheLimitIsRefusedRatherThanHeldInMemory() throws Exception {
        Path raw = dir.resolve("long.raw");
        Files.write(raw, new byte[32_000]); // 1 s of 16 kHz mono: ten events of 3,200 bytes
        AudioFormat pcm = AudioFormat.pcm(16_000, 1);

        assertThat(PreparedAudio.read(raw, pcm, 32_000).chunksPerPass()).isEqualTo(10);
        assertThatThrownBy(() -> PreparedAudio.read(raw, pcm, 31_999)).isInstanceOf(UnsupportedAudioException.class)
                .hasMessageContaining("over 31999 bytes of PCM").hasMessageContaining("--duration");
    }

    @Test
    void everyEventCarries100MsAndTheLastIsPaddedWithSilence() throws Exception {
        int samples = 16_000 + 421; // 1.026 s of 16 kHz mono: 10 full events and 26 ms
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) (1 + i % 1000)); // never zero, so padding shows
        }
        Path wav = dir.resolve("tone.wav");
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        try (var out = Files.newOutputStream(wav)) {
            out.write(header.array());
            out.write(pcm.array());
        }

        PreparedAudio audio = PreparedAudio.read(wav, null);

        assertThat(audio.chunksPerPass()).isEqualTo(11);
        assertThat(audio.passNanos()).isEqualTo(1_100_000_000L);
        ByteBuffer view = audio.view();
        for (int i = 0; i < audio.chunksPerPass(); i++) {
            audio.window(view, i);
            assertThat(view.remaining()).as("event %d", i).isEqualTo(3200);
            assertThat(audio.chunkEndNanos(i) - audio.chunkStartNanos(i)).isEqualTo(100_000_000L);
        }
        audio.window(view, 10);
        byte[] last = new byte[view.remaining()];
        view.get(last);
        assertThat(last).startsWith(java.util.Arrays.copyOfRange(pcm.array(), 32_000, 32_842));
        assertThat(java.util.Arrays.copyOfRange(last, 842, 3200)).containsOnly((byte) 0);
    }
}
