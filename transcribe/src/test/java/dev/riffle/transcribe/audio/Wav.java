package dev.riffle.transcribe.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte, so that tests can make every variant a header can take. */
final class Wav {

    static final int PCM = 1;
    static final int FLOAT = 3;
    static final int EXTENSIBLE = 0xFFFE;

    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

    /** An empty RIFF/WAVE body; add chunks in file order. */
    static Wav riff() {
        return new Wav();
    }

    /** A complete classic file: 16-bit PCM fmt chunk, then data. */
    static byte[] pcm16(int sampleRate, int channels, byte[] samples) {
        return riff().fmt(PCM, channels, sampleRate, 16).data(samples).bytes();
    }

    Wav fmt(int tag, int channels, int sampleRate, int bits) {
        int blockAlign = channels * ((bits + 7) / 8);
        return chunk("fmt ", le(16).putShort((short) tag).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bits).array());
    }

    /** WAVE_FORMAT_EXTENSIBLE with the standard sub-format GUID for {@code subformatTag}. */
    Wav extensibleFmt(int subformatTag, int channels, int sampleRate, int bits) {
        int blockAlign = channels * ((bits + 7) / 8);
        ByteBuffer fmt = le(40).putShort((short) EXTENSIBLE).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bits)
                .putShort((short) 22).putShort((short) bits).putInt(channels == 1 ? 0x4 : 0x3)
                .putShort((short) subformatTag);
        fmt.put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", fmt.array());
    }

    Wav data(byte[] samples) {
        return chunk("data", samples);
    }

    /** A data chunk whose size field says {@code declaredSize}, whatever follows. */
    Wav dataDeclaring(long declaredSize, byte[] samples) {
        write("data", (int) declaredSize);
        chunks.writeBytes(samples);
        return this;
    }

    /** Any chunk, padded to an even length as RIFF requires. */
    Wav chunk(String id, byte[] body) {
        write(id, body.length);
        chunks.writeBytes(body);
        if (body.length % 2 == 1) {
            chunks.write(0);
        }
        return this;
    }

    byte[] bytes() {
        byte[] body = chunks.toByteArray();
        ByteBuffer file = le(12 + body.length);
        file.put(ascii("RIFF")).putInt(4 + body.length).put(ascii("WAVE")).put(body);
        return file.array();
    }

    /** Little-endian 16-bit samples counting up from {@code first}: recognizable in output. */
    static byte[] ramp(int frames, int channels) {
        ByteBuffer samples = le(frames * channels * 2);
        for (int i = 0; i < frames * channels; i++) {
            samples.putShort((short) i);
        }
        return samples.array();
    }

    private void write(String id, int size) {
        chunks.writeBytes(ascii(id));
        chunks.writeBytes(le(4).putInt(size).array());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
