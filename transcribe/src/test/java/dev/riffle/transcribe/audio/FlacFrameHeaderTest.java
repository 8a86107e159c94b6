package dev.riffle.transcribe.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Frame header candidates: every field form, and every way a look-alike is told apart. */
class FlacFrameHeaderTest {

    /** {@code fields} (sync and all, without CRC-8) followed by their CRC-8. */
    private static byte[] header(int... fields) {
        byte[] bytes = new byte[fields.length + 1];
        for (int i = 0; i < fields.length; i++) {
            bytes[i] = (byte) fields[i];
        }
        bytes[fields.length] = (byte) Checksums.crc8(bytes, 0, fields.length);
        return bytes;
    }

    private static FlacFrameHeader parse(byte[] bytes) {
        return FlacFrameHeader.parse(bytes, 0, bytes.length);
    }

    @Test
    void aFixedBlockSizeHeaderWithCommonCodes() {
        // 1152 samples (code 3), 16 kHz (code 5), mono, 16 bits, frame 0.
        assertThat(parse(header(0xFF, 0xF8, 0x35, 0x08, 0x00)))
                .isEqualTo(new FlacFrameHeader(6, false, 0, 1152, 16_000, 1, 16));
    }

    @Test
    void aTwoByteFrameNumberAndSizeAndRateFromExtraBytes() {
        // Frame 1000 is 0xCF 0xA8 in the coded form; block size 16 bits + 1; rate in tens of Hz (code 14);
        // left/side stereo (code 8); depth from STREAMINFO (code 0).
        byte[] bytes = header(0xFF, 0xF8, 0x7E, 0x80, 0xCF, 0xA8, 0x0F, 0x9F, 0x11, 0x3A);
        assertThat(parse(bytes)).isEqualTo(new FlacFrameHeader(11, false, 1000, 4000, 44_100, 2, 0));
    }

    @Test
    void aVariableBlockSizeHeaderCountsSamplesInUpToSevenBytes() {
        // Sample 2^35 needs the 7-byte form: 0xFE then six continuation bytes; 192 samples (code 1); 8 kHz.
        byte[] bytes = header(0xFF, 0xF9, 0x14, 0x08, 0xFE, 0xA0, 0x80, 0x80, 0x80, 0x80, 0x80);
        assertThat(parse(bytes)).isEqualTo(new FlacFrameHeader(12, true, 1L << 35, 192, 8_000, 1, 16));
    }

    @Test
    void theSevenByteFormIsRefusedForFrameNumbers() {
        assertThat(parse(header(0xFF, 0xF8, 0x14, 0x08, 0xFE, 0xA0, 0x80, 0x80, 0x80, 0x80, 0x80))).isNull();
    }

    @Test
    void lookAlikesAreRefused() {
        assertThat(parse(header(0xFF, 0xFA, 0x35, 0x08, 0x00))).as("reserved bit after sync").isNull();
        assertThat(parse(header(0xFE, 0xF8, 0x35, 0x08, 0x00))).as("no sync").isNull();
        assertThat(parse(header(0xFF, 0xF8, 0x05, 0x08, 0x00))).as("block size code 0").isNull();
        assertThat(parse(header(0xFF, 0xF8, 0x3F, 0x08, 0x00))).as("rate code 15").isNull();
        assertThat(parse(header(0xFF, 0xF8, 0x35, 0xB8, 0x00))).as("channel code 11").isNull();
        assertThat(parse(header(0xFF, 0xF8, 0x35, 0x06, 0x00))).as("depth code 3").isNull();
        assertThat(parse(header(0xFF, 0xF8, 0x35, 0x09, 0x00))).as("reserved bit").isNull();
        assertThat(parse(header(0xFF, 0xF8, 0x35, 0x08, 0x80))).as("stray continuation byte").isNull();
        assertThat(parse(header(0xFF, 0xF8, 0x35, 0x08, 0xC2, 0x00))).as("missing continuation").isNull();
        byte[] badCrc = header(0xFF, 0xF8, 0x35, 0x08, 0x00);
        badCrc[5] ^= 1;
        assertThat(parse(badCrc)).as("CRC-8").isNull();
    }

    @Test
    void aPrefixOfAValidHeaderNeedsMoreBytes() {
        byte[] whole = header(0xFF, 0xF8, 0x7E, 0x80, 0xCF, 0xA8, 0x0F, 0x9F, 0x11, 0x3A);
        for (int length = 0; length < whole.length; length++) {
            assertThat(parse(Arrays.copyOf(whole, length))).as("%d bytes", length).isSameAs(FlacFrameHeader.INCOMPLETE);
        }
        assertThat(parse(new byte[] {0x12})).isNull();
        assertThat(parse(new byte[] {(byte) 0xFF, 0x00})).isNull();
    }
}
