package dev.riffle.eventstream;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Builds frames by hand, independently of {@link MessageEncoder}: raw prelude fields, raw header bytes, payload,
 * and CRCs from {@link CRC32}. Lengths and CRCs can be forced to any value, to build malformed input.
 */
final class Frames {

    private Frames() {
    }

    /** A well-formed frame with these raw header bytes and payload. */
    static byte[] frame(byte[] headers, byte[] payload) {
        return frame(16 + headers.length + payload.length, headers.length, headers, payload);
    }

    /** A frame whose length fields say what the caller wants; both CRCs are valid for the bytes written. */
    static byte[] frame(long totalLength, long headersLength, byte[] headers, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(16 + headers.length + payload.length);
        b.putInt((int) totalLength).putInt((int) headersLength);
        b.putInt(crc(b.array(), 0, 8));
        b.put(headers).put(payload);
        b.putInt(crc(b.array(), 0, b.position()));
        return b.array();
    }

    /** Just a prelude with a valid CRC. */
    static byte[] prelude(long totalLength, long headersLength) {
        ByteBuffer b = ByteBuffer.allocate(12);
        b.putInt((int) totalLength).putInt((int) headersLength);
        b.putInt(crc(b.array(), 0, 8));
        return b.array();
    }

    /**
     * Decodes {@code encoded} fed in random chunks (1 to 16 bytes or up to {@code maxChunk}), alternately from heap
     * and direct buffers, then declares the end of input. Every chunk must be consumed whole.
     */
    static MessageDecoder feedInRandomChunks(byte[] encoded, java.util.random.RandomGenerator random, int maxChunk,
                                             MessageListener listener) {
        MessageDecoder decoder = new MessageDecoder();
        int p = 0;
        while (p < encoded.length) {
            int n = Math.min(encoded.length - p, 1 + random.nextInt(random.nextBoolean() ? 16 : maxChunk));
            ByteBuffer chunk = random.nextBoolean() ? ByteBuffer.wrap(encoded, p, n)
                    : ByteBuffer.allocateDirect(n).put(encoded, p, n).flip();
            decoder.feed(chunk, listener);
            if (chunk.hasRemaining()) {
                throw new AssertionError("feed left " + chunk.remaining() + " bytes unconsumed");
            }
            p += n;
        }
        decoder.endOfInput();
        return decoder;
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Concatenates byte arrays. */
    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    /** Raw bytes of one header: name length, name (ASCII), type, then {@code value} as given. */
    static byte[] header(String name, int type, byte... value) {
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + n.length + value.length).put((byte) n.length).put(n).put((byte) type)
                .put(value).array();
    }

    /** Raw bytes of a string header. */
    static byte[] stringHeader(String name, String value) {
        byte[] v = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return header(name, 7, ByteBuffer.allocate(2 + v.length).putShort((short) v.length).put(v).array());
    }
}
