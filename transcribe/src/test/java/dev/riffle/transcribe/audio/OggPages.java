package dev.riffle.transcribe.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds Ogg pages with a correct CRC, for streams the encoders will not write. */
final class OggPages {

    private OggPages() {
    }

    /** One page holding {@code body} as packets of at most 255 bytes laced as one packet (body under 255 * 255). */
    static byte[] page(int flags, long granule, int serial, int sequence, byte[] body) {
        int segments = body.length / 255 + 1;
        ByteBuffer page = ByteBuffer.allocate(27 + segments + body.length).order(ByteOrder.LITTLE_ENDIAN);
        page.put(new byte[] {'O', 'g', 'g', 'S', 0, (byte) flags}).putLong(granule).putInt(serial).putInt(sequence)
                .putInt(0).put((byte) segments);
        for (int i = 0; i < segments - 1; i++) {
            page.put((byte) 255);
        }
        page.put((byte) (body.length % 255)).put(body);
        byte[] bytes = page.array();
        int crc = 0;
        for (byte b : bytes) {
            crc = Checksums.crc32(crc, b);
        }
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(22, crc);
        return bytes;
    }
}
