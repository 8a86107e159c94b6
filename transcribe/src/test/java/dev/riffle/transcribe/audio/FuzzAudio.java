package dev.riffle.transcribe.audio;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds audio files for {@link AudioSourceFuzzTest} from the fuzzer's choices. Random bytes almost never start
 * with a RIFF, FLAC or Ogg header, let alone carry a valid CRC-8, CRC-16 or CRC-32, so a raw harness stops at
 * format detection. These builders write the container's structure and let the fuzzer pick every field: chunk
 * and block sizes that lie (0, 2^31, 0xFFFFFFFF, off by a few), formats, rates, channel counts, frame header
 * codes, frame and granule numbers, lacing, and whether each checksum is right.
 */
final class FuzzAudio {

    private static final String[] WAV_CHUNK_IDS = {"fmt ", "data", "LIST", "JUNK", "fact", "fmt ", "data"};
    private static final int[] WAV_TAGS = {1, 1, 3, 0xFFFE, 0xFFFE, 6, 7, 0x55};
    private static final int[] SAMPLE_RATES = {8_000, 16_000, 44_100, 48_000, 7_999, 48_001, 0, 96_000};
    private static final int[] WAV_BITS = {16, 16, 8, 24, 32, 0};
    private static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71,
    };
    private static final int FLAC_STREAMINFO_LENGTH = 34;

    private final FuzzedDataProvider data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private FuzzAudio(FuzzedDataProvider data) {
        this.data = data;
    }

    // ---- WAV ----

    /** RIFF/WAVE with one to five chunks, fmt and data among the likely ones. */
    static byte[] wav(FuzzedDataProvider data) {
        FuzzAudio body = new FuzzAudio(data);
        int chunks = data.consumeInt(1, 5);
        for (int i = 0; i < chunks; i++) {
            body.wavChunk();
        }
        byte[] chunkBytes = body.out.toByteArray();
        FuzzAudio file = new FuzzAudio(data);
        file.ascii("RIFF").le32(file.declaredSize(4 + chunkBytes.length)).ascii("WAVE");
        file.out.writeBytes(chunkBytes);
        return file.out.toByteArray();
    }

    private void wavChunk() {
        String id = data.consumeInt(0, 7) == 0 ? data.consumeAsciiString(4) + "    "
                : WAV_CHUNK_IDS[data.consumeInt(0, WAV_CHUNK_IDS.length - 1)];
        byte[] content = id.startsWith("fmt ") ? new FuzzAudio(data).fmt()
                : data.consumeBytes(data.consumeInt(0, 400));
        ascii(id.substring(0, 4)).le32(declaredSize(content.length));
        out.writeBytes(content);
        if (content.length % 2 == 1 && data.consumeBoolean()) {
            out.write(0);
        }
    }

    /** A fmt chunk body: 16 bytes, 18 with an empty extension, or 40 for WAVE_FORMAT_EXTENSIBLE, or any length. */
    private byte[] fmt() {
        int tag = pick(WAV_TAGS);
        int channels = data.consumeBoolean() ? data.consumeInt(1, 2) : data.consumeInt(0, 0xFFFF);
        int rate = data.consumeBoolean() ? pick(SAMPLE_RATES) : data.consumeInt();
        int bits = data.consumeBoolean() ? pick(WAV_BITS) : data.consumeInt(0, 0xFFFF);
        int blockAlign = data.consumeBoolean() ? channels * ((bits + 7) / 8) : data.consumeInt(0, 0xFFFF);
        le16(tag).le16(channels).le32(rate).le32((long) rate * blockAlign).le16(blockAlign).le16(bits);
        switch (data.consumeInt(0, 3)) {
            case 0 -> le16(0);
            case 1 -> extensible(bits, channels);
            case 2 -> out.writeBytes(data.consumeBytes(data.consumeInt(0, 1_100)));
            default -> { }
        }
        return out.toByteArray();
    }

    private void extensible(int bits, int channels) {
        le16(22).le16(bits).le32(channels == 1 ? 0x4 : 0x3);
        le16(data.consumeBoolean() ? 1 : data.consumeInt(0, 0xFFFF));
        out.writeBytes(data.consumeBoolean() ? SUBFORMAT_GUID_TAIL : data.consumeBytes(14));
    }

    /** A chunk or block size: the true one mostly, else one of the values writers and damage produce. */
    private long declaredSize(int actual) {
        return switch (data.consumeInt(0, 11)) {
            case 0 -> 0;
            case 1 -> 0xFFFF_FFFFL;
            case 2 -> 0x7FFF_F000L;
            case 3 -> 1L << 31;
            case 4 -> data.consumeLong() & 0xFFFF_FFFFL;
            case 5 -> Math.max(0, actual + data.consumeInt(-8, 8));
            default -> actual;
        };
    }

    // ---- FLAC ----

    /** "fLaC", STREAMINFO, up to two more metadata blocks, then up to six frames. */
    static byte[] flac(FuzzedDataProvider data) {
        FuzzAudio flac = new FuzzAudio(data);
        flac.ascii("fLaC");
        int otherBlocks = data.consumeInt(0, 2);
        int sampleRate = data.consumeBoolean() ? flac.pick(SAMPLE_RATES) : data.consumeInt(0, 0xF_FFFF);
        int channelCode = data.consumeBoolean() ? data.consumeInt(0, 1) : data.consumeInt(0, 7);
        int depthCode = data.consumeInt(0, 7);
        flac.streamInfo(otherBlocks == 0, sampleRate, channelCode, depthCode);
        for (int i = 0; i < otherBlocks; i++) {
            flac.metadataBlock(i == otherBlocks - 1);
        }
        flac.frames(channelCode, depthCode);
        return flac.out.toByteArray();
    }

    private void streamInfo(boolean last, int sampleRate, int channelCode, int depthCode) {
        int length = data.consumeInt(0, 7) == 0 ? data.consumeInt(0, 0xFF_FFFF) : FLAC_STREAMINFO_LENGTH;
        blockHeader(last, 0, length);
        int bitsPerSample = new int[] {8, 8, 12, 16, 16, 20, 24, 32}[depthCode];
        be(data.consumeInt(0, 0xFFFF), 2).be(data.consumeBoolean() ? 4096 : data.consumeInt(0, 0xFFFF), 2);
        be(0, 3).be(0, 3);
        long packed = (long) sampleRate << 44 | (long) channelCode << 41 | (long) (bitsPerSample - 1) << 36
                | data.consumeLong() & 0xF_FFFF_FFFFL;
        be(packed, 8);
        out.writeBytes(new byte[16]);
    }

    private void metadataBlock(boolean last) {
        int type = data.consumeBoolean() ? data.consumeInt(1, 6) : data.consumeInt(0, 127);
        byte[] body = data.consumeBytes(data.consumeInt(0, 300));
        blockHeader(last, type, (int) Math.min(declaredSize(body.length), 0xFF_FFFF));
        out.writeBytes(body);
    }

    private void blockHeader(boolean last, int type, int length) {
        out.write((last ? 0x80 : 0) | type);
        be(length, 3);
    }

    private void frames(int channelCode, int depthCode) {
        boolean variable = data.consumeBoolean();
        long samples = 0;
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            FuzzAudio frame = new FuzzAudio(data);
            int blockSize = frame.frameHeader(variable, variable ? samples : i, channelCode, depthCode);
            frame.out.writeBytes(data.consumeBytes(data.consumeInt(0, 300)));
            byte[] bytes = frame.out.toByteArray();
            int crc = 0;
            for (byte b : bytes) {
                crc = Checksums.crc16(crc, b);
            }
            out.writeBytes(bytes);
            be(data.consumeInt(0, 7) == 0 ? data.consumeInt(0, 0xFFFF) : crc, 2);
            samples += blockSize;
        }
    }

    /** A frame header with a correct CRC-8 (mostly); returns the block size it declares. */
    private int frameHeader(boolean variable, long number, int channelCode, int depthCode) {
        int sizeCode = data.consumeInt(1, 15);
        int rateCode = data.consumeInt(0, 14);
        out.write(0xFF);
        out.write(0xF8 | (variable ? 1 : 0));
        out.write(sizeCode << 4 | rateCode);
        int channels = data.consumeInt(0, 3) == 0 ? data.consumeInt(0, 10) : channelCode;
        out.write(channels << 4 | (data.consumeBoolean() ? 0 : depthCode) << 1);
        out.writeBytes(codedNumber(data.consumeInt(0, 7) == 0 ? data.consumeLong() & 0xF_FFFF_FFFFL : number));
        int blockSize = switch (sizeCode) {
            case 6 -> data.consumeInt(0, 0xFF) + 1;
            case 7 -> data.consumeInt(0, 0xFFFF) + 1;
            default -> 4096;
        };
        if (sizeCode == 6 || sizeCode == 7) {
            be(blockSize - 1, sizeCode == 6 ? 1 : 2);
        }
        if (rateCode >= 12) {
            be(data.consumeInt(0, rateCode == 12 ? 0xFF : 0xFFFF), rateCode == 12 ? 1 : 2);
        }
        byte[] header = out.toByteArray();
        int crc8 = Checksums.crc8(header, 0, header.length);
        out.write(data.consumeInt(0, 7) == 0 ? data.consumeInt(0, 0xFF) : crc8);
        return blockSize;
    }

    /** FLAC's UTF-8-like coding of a frame or sample number of up to 36 bits. */
    private static byte[] codedNumber(long value) {
        if (value < 0x80) {
            return new byte[] {(byte) value};
        }
        int length = 2;
        while (length < 7 && value >= 1L << (5 * length + 1)) {
            length++;
        }
        byte[] coded = new byte[length];
        coded[0] = (byte) ((0xFF00 >> length) & 0xFF | value >>> 6 * (length - 1));
        for (int i = 1; i < length; i++) {
            coded[i] = (byte) (0x80 | value >>> 6 * (length - 1 - i) & 0x3F);
        }
        return coded;
    }

    // ---- Ogg Opus ----

    /** An OpusHead page, an OpusTags page and up to four audio pages, each with a correct CRC-32 (mostly). */
    static byte[] oggOpus(FuzzedDataProvider data) {
        FuzzAudio ogg = new FuzzAudio(data);
        int serial = data.consumeInt();
        ogg.page(0x02, 0, serial, 0, new byte[][] {new FuzzAudio(data).opusHead()});
        ogg.page(0, 0, serial, 1, new byte[][] {"OpusTags\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII)});
        long granule = 0;
        int pages = data.consumeInt(0, 4);
        for (int i = 0; i < pages; i++) {
            granule = data.consumeInt(0, 7) == 0 ? data.consumeLong() : granule + data.consumeInt(0, 6_000);
            int pageSerial = data.consumeInt(0, 7) == 0 ? data.consumeInt() : serial;
            ogg.page(data.consumeInt(0, 7), granule, pageSerial, 2 + i, ogg.packets());
        }
        return ogg.out.toByteArray();
    }

    private byte[] opusHead() {
        ascii("OpusHead");
        out.write(data.consumeBoolean() ? 1 : data.consumeInt(0, 0xFF));
        out.write(data.consumeBoolean() ? data.consumeInt(1, 2) : data.consumeInt(0, 0xFF));
        le16(data.consumeBoolean() ? 312 : data.consumeInt(0, 0xFFFF));
        le32(data.consumeBoolean() ? pick(SAMPLE_RATES) : data.consumeInt());
        le16(0);
        out.write(0);
        if (data.consumeBoolean()) {
            out.writeBytes(data.consumeBytes(data.consumeInt(0, 40)));
        }
        return out.toByteArray();
    }

    private byte[][] packets() {
        byte[][] packets = new byte[data.consumeInt(0, 4)][];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = data.consumeBytes(data.consumeInt(0, 600));
        }
        return packets;
    }

    /** One page holding {@code packets}, laced as RFC 3533 says (and cut at 255 lacing values). */
    private void page(int flags, long granule, int serial, int sequence, byte[][] packets) {
        ByteArrayOutputStream lacing = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] packet : packets) {
            for (int left = packet.length; left >= 0 && lacing.size() < 255; left -= 255) {
                lacing.write(Math.min(left, 255));
            }
            body.writeBytes(packet);
        }
        FuzzAudio page = new FuzzAudio(data);
        page.ascii("OggS");
        page.out.write(0);
        page.out.write(flags);
        page.le64(granule).le32(serial).le32(sequence).le32(0);
        page.out.write(lacing.size());
        page.out.writeBytes(lacing.toByteArray());
        page.out.write(body.toByteArray(), 0, Math.min(body.size(), lacedLength(lacing.toByteArray())));
        byte[] bytes = page.out.toByteArray();
        int crc = 0;
        for (byte b : bytes) {
            crc = Checksums.crc32(crc, b);
        }
        int written = data.consumeInt(0, 7) == 0 ? data.consumeInt() : crc;
        for (int i = 0; i < 4; i++) {
            bytes[22 + i] = (byte) (written >>> 8 * i);
        }
        out.writeBytes(bytes);
    }

    private static int lacedLength(byte[] lacing) {
        int length = 0;
        for (byte value : lacing) {
            length += value & 0xFF;
        }
        return length;
    }

    // ---- damage to real files ----

    /** {@code valid} with up to four spans replaced by fuzzer bytes, then possibly cut short. */
    static byte[] mutated(FuzzedDataProvider data, byte[] valid) {
        byte[] bytes = valid;
        int splices = data.consumeInt(0, 4);
        for (int i = 0; i < splices; i++) {
            int at = data.consumeInt(0, bytes.length);
            int removed = data.consumeInt(0, Math.min(16, bytes.length - at));
            ByteArrayOutputStream spliced = new ByteArrayOutputStream();
            spliced.write(bytes, 0, at);
            spliced.writeBytes(data.consumeBytes(data.consumeInt(0, 16)));
            spliced.write(bytes, at + removed, bytes.length - at - removed);
            bytes = spliced.toByteArray();
        }
        if (data.consumeInt(0, 3) == 0) {
            bytes = java.util.Arrays.copyOf(bytes, data.consumeInt(0, bytes.length));
        }
        return bytes;
    }

    // ---- writing ----

    private int pick(int[] values) {
        return values[data.consumeInt(0, values.length - 1)];
    }

    private FuzzAudio ascii(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    private FuzzAudio le16(int value) {
        return le(value, 2);
    }

    private FuzzAudio le32(long value) {
        return le(value, 4);
    }

    private FuzzAudio le64(long value) {
        return le(value, 8);
    }

    private FuzzAudio le(long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> 8 * i));
        }
        return this;
    }

    private FuzzAudio be(long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (value >>> 8 * i));
        }
        return this;
    }
}
