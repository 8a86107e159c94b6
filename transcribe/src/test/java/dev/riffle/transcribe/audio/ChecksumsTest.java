package dev.riffle.transcribe.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The catalogue check values ("123456789") of the three CRCs: CRC-8/SMBUS, CRC-16/UMTS, CRC-32 as Ogg uses it. */
class ChecksumsTest {

    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void flacCrc8() {
        assertThat(Checksums.crc8(CHECK, 0, CHECK.length)).isEqualTo(0xF4);
    }

    @Test
    void flacCrc16IsZeroOverDataFollowedByItsOwnCrc() {
        int crc = 0;
        for (byte b : CHECK) {
            crc = Checksums.crc16(crc, b);
        }
        assertThat(crc).isEqualTo(0xFEE8);
        crc = Checksums.crc16(crc, (byte) 0xFE);
        assertThat(Checksums.crc16(crc, (byte) 0xE8)).isZero();
    }

    @Test
    void oggCrc32() {
        int crc = 0;
        for (byte b : CHECK) {
            crc = Checksums.crc32(crc, b);
        }
        assertThat(crc).isEqualTo(0x89A1897F);
    }
}
