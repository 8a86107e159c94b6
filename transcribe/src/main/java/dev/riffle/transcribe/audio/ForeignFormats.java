package dev.riffle.transcribe.audio;

import java.io.IOException;

/**
 * Names the formats riffle does not send, from their first bytes, so that the refusal says "an MP3 file"
 * rather than "unknown bytes". Raw PCM has no signature, so a signature here also keeps, for example, an MP3 file
 * from being sent as PCM when the caller declared a sample rate.
 */
final class ForeignFormats {

    /** Enough input to hold an MPEG audio frame and the header of the next (the longest frame is 2,881 bytes). */
    private static final int MPEG_LOOK_AHEAD = 4096;

    private static final int[] MPEG1_RATES = {44_100, 48_000, 32_000};
    private static final int[][] MPEG1_KBPS = {
        {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
        {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
        {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
    };
    private static final int[][] MPEG2_KBPS = {
        {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
        {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
        {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
    };

    private ForeignFormats() {
    }

    /**
     * What the input is, as a phrase for {@link UnsupportedAudioException}, or null if it has no signature riffle
     * knows. The cursor of {@code input} stays where it is.
     */
    static String identify(LookAhead input) throws IOException {
        int available = input.fill(12);
        if (available >= 3 && input.peekAscii(0, "ID3")) {
            return "an MP3 file (ID3 tag)";
        }
        if (available >= 12 && input.peekAscii(0, "RIFF")) {
            return "a RIFF file of type \"" + printable(input, 8, 4) + "\", not WAVE";
        }
        if (available >= 4 && input.peekAscii(0, "RF64")) {
            return "an RF64 file (WAV with 64-bit sizes)";
        }
        if (available >= 12 && input.peekAscii(0, "FORM")
                && (input.peekAscii(8, "AIFF") || input.peekAscii(8, "AIFC"))) {
            return "an AIFF file";
        }
        if (available >= 8 && input.peekAscii(4, "ftyp")) {
            return "an MP4 or M4A file";
        }
        if (available >= 4 && input.peek(0) == 0x1A && input.peek(1) == 0x45 && input.peek(2) == 0xDF
                && input.peek(3) == 0xA3) {
            return "a WebM or Matroska file";
        }
        if (available >= 5 && input.peekAscii(0, "#!AMR")) {
            return "an AMR file";
        }
        if (available >= 4 && input.peekAscii(0, "caff")) {
            return "a CAF file";
        }
        if (available >= 4 && isMpegAudio(input)) {
            return "an MP3 file (MPEG audio frame sync)";
        }
        return null;
    }

    /** What an Ogg stream that is not Opus holds, from the codec signature that starts its first page's body. */
    static String oggCodec(LookAhead input) throws IOException {
        int available = input.fill(27);
        int bodyStart = available < 27 ? 0 : 27 + input.peek(26);
        if (bodyStart == 0 || input.fill(bodyStart + 8) < bodyStart + 8) {
            return "an Ogg file whose first page is cut short";
        }
        if (input.peek(bodyStart) == 0x01 && input.peekAscii(bodyStart + 1, "vorbis")) {
            return "an Ogg Vorbis file";
        }
        if (input.peek(bodyStart) == 0x7F && input.peekAscii(bodyStart + 1, "FLAC")) {
            return "an Ogg FLAC file (FLAC inside Ogg; native FLAC is accepted)";
        }
        if (input.peekAscii(bodyStart, "Speex")) {
            return "an Ogg Speex file";
        }
        if (input.peekAscii(bodyStart, OpusHead.MAGIC)) {
            return null;
        }
        return "an Ogg file with a codec other than Opus";
    }

    /**
     * Whether an MPEG audio frame header starts the input and, if the input is long enough, another one follows
     * where the first frame ends. One header alone is 11 set bits and a few valid fields, which raw PCM matches
     * now and then; two in a row it does not.
     */
    private static boolean isMpegAudio(LookAhead input) throws IOException {
        int available = input.fill(MPEG_LOOK_AHEAD);
        int frameLength = mpegFrameLength(input, 0);
        if (frameLength <= 0) {
            return false;
        }
        if (available < frameLength + 4) {
            return true; // the input ends before a second header: one frame is all the evidence there is
        }
        int next = mpegFrameLength(input, frameLength);
        // Frames of one stream share version, layer and rate (byte 1, and the rate bits of byte 2).
        return next > 0 && input.peek(frameLength + 1) == input.peek(1)
                && (input.peek(frameLength + 2) & 0x0C) == (input.peek(2) & 0x0C);
    }

    /** The length of the MPEG audio frame whose header is at {@code index}, or -1 if there is no valid one. */
    private static int mpegFrameLength(LookAhead input, int index) {
        int b1 = input.peek(index + 1);
        int b2 = input.peek(index + 2);
        int version = b1 >>> 3 & 0x3;
        int layer = b1 >>> 1 & 0x3;
        int bitrateIndex = b2 >>> 4;
        int rateIndex = b2 >>> 2 & 0x3;
        if (input.peek(index) != 0xFF || (b1 & 0xE0) != 0xE0 || version == 1 || layer == 0
                || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return -1;
        }
        boolean mpeg1 = version == 3;
        int rate = MPEG1_RATES[rateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
        int layerRow = 3 - layer;
        int bitsPerSecond = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[layerRow][bitrateIndex - 1] * 1000;
        int padding = b2 >>> 1 & 0x1;
        if (layerRow == 0) {
            return (12 * bitsPerSecond / rate + padding) * 4;
        }
        int samplesPerFrameOver8 = layerRow == 2 && !mpeg1 ? 72 : 144;
        return samplesPerFrameOver8 * bitsPerSecond / rate + padding;
    }

    private static String printable(LookAhead input, int index, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = index; i < index + length; i++) {
            int c = input.peek(i);
            text.append(c >= 0x20 && c < 0x7F && c != '"' ? (char) c : '?');
        }
        return text.toString();
    }
}
