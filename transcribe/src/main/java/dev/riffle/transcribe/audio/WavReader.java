package dev.riffle.transcribe.audio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a RIFF/WAVE header up to the first sample, so that only samples are sent: the service reads a header sent
 * as {@code pcm} as audio (spec 5.5). Chunks other than {@code fmt } and {@code data} (LIST, fact, bext, JUNK...)
 * are stepped over, and the audio stops where the data chunk ends, so chunks after it are not sent either.
 *
 * <p>A data chunk whose size is 0 or runs past the end of the input (writers on a pipe cannot go back to fill it
 * in; sox writes 0x7FFFF000, others 0xFFFFFFFF) is read to the end of the input.
 */
final class WavReader {

    private static final int CHUNK_HEADER = 8;
    private static final int MIN_FMT_LENGTH = 16;
    private static final int EXTENSIBLE_FMT_LENGTH = 40;
    /** A fmt chunk larger than this is damage, not a format riffle does not know. */
    private static final int MAX_FMT_LENGTH = 1024;

    private static final int PCM = 0x0001;
    private static final int IEEE_FLOAT = 0x0003;
    private static final int EXTENSIBLE = 0xFFFE;
    /** The last 14 bytes of the KSDATAFORMAT_SUBTYPE GUIDs that carry a classic format tag in their first 2. */
    private static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71,
    };

    private WavReader() {
    }

    /**
     * Reads the header from {@code input}, whose cursor is at "RIFF" and which has been checked to say "WAVE".
     *
     * @return the source, positioned at the first sample
     */
    static AudioSource read(LookAhead input) throws IOException {
        input.skip(12);
        AudioFormat format = null;
        while (true) {
            int available = input.fill(CHUNK_HEADER);
            if (available < CHUNK_HEADER) {
                throw available == 0 && format != null
                        ? new UnsupportedAudioException("a WAV file without a data chunk")
                        : cutShort(input.position() + available);
            }
            long length = input.peekUint32(4);
            if (input.peekAscii(0, "data")) {
                if (format == null) {
                    throw new UnsupportedAudioException("a WAV file whose data chunk comes before its fmt chunk");
                }
                input.skip(CHUNK_HEADER);
                return new AudioSource(format, AudioSource.Container.WAV, length == 0
                        ? input.rest() : new LimitedInputStream(input.rest(), length));
            }
            if (input.peekAscii(0, "fmt ")) {
                format = readFormat(input, length);
            }
            // Chunks are padded to an even length.
            if (!input.skip(CHUNK_HEADER + length + (length & 1))) {
                throw format == null ? cutShort(input.position()) : new UnsupportedAudioException(
                        "a WAV file without a data chunk");
            }
        }
    }

    private static AudioFormat readFormat(LookAhead input, long length) throws IOException {
        if (length < MIN_FMT_LENGTH || length > MAX_FMT_LENGTH) {
            throw new UnsupportedAudioException("a WAV file with a damaged header (fmt chunk of " + length
                    + " bytes)");
        }
        int available = input.fill(CHUNK_HEADER + (int) length);
        if (available < CHUNK_HEADER + length) {
            throw cutShort(input.position() + available);
        }
        int tag = input.peekUint16(CHUNK_HEADER);
        int channels = input.peekUint16(CHUNK_HEADER + 2);
        long sampleRate = input.peekUint32(CHUNK_HEADER + 4);
        int blockAlign = input.peekUint16(CHUNK_HEADER + 12);
        int bits = input.peekUint16(CHUNK_HEADER + 14);
        if (tag == EXTENSIBLE) {
            tag = subformatTag(input, length);
        }

        List<String> problems = new ArrayList<>();
        if (tag != PCM) {
            problems.add(encodingName(tag, bits));
        } else if (bits != 16) {
            problems.add(bits + "-bit samples");
        }
        if (sampleRate < AudioFormat.MIN_SAMPLE_RATE || sampleRate > AudioFormat.MAX_SAMPLE_RATE) {
            problems.add("a sample rate of " + sampleRate + " Hz");
        }
        if (channels == 0 || channels > AudioFormat.MAX_CHANNELS) {
            problems.add(channels + " channels");
        }
        if (!problems.isEmpty()) {
            throw new UnsupportedAudioException("a WAV file with " + joined(problems));
        }
        if (blockAlign != channels * 2) {
            throw new UnsupportedAudioException("a WAV file with a damaged header (block align " + blockAlign
                    + " for " + channels + " channels of 16 bits)");
        }
        return AudioFormat.pcm((int) sampleRate, channels);
    }

    /** The format tag inside WAVE_FORMAT_EXTENSIBLE's sub-format GUID, or -1 if it is not such a GUID. */
    private static int subformatTag(LookAhead input, long length) throws UnsupportedAudioException {
        if (length < EXTENSIBLE_FMT_LENGTH) {
            throw new UnsupportedAudioException("a WAV file with a damaged header (extensible fmt chunk of "
                    + length + " bytes)");
        }
        int guid = CHUNK_HEADER + 24;
        for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
            if (input.peek(guid + 2 + i) != (SUBFORMAT_GUID_TAIL[i] & 0xFF)) {
                return -1;
            }
        }
        return input.peekUint16(guid);
    }

    private static String encodingName(int tag, int bits) {
        return switch (tag) {
            case IEEE_FLOAT -> bits + "-bit float samples";
            case 0x0002, 0x0011 -> "ADPCM samples";
            case 0x0006 -> "A-law samples";
            case 0x0007 -> "µ-law samples";
            case 0x0055 -> "MP3 data";
            case -1 -> "an unknown extensible sub-format";
            default -> String.format("encoding 0x%04X", tag);
        };
    }

    /** The refusal of a WAV header that the input ends inside of, after {@code bytes} bytes. */
    static UnsupportedAudioException cutShort(long bytes) {
        return new UnsupportedAudioException("a WAV file whose header is cut short (the input ends after " + bytes
                + " bytes)");
    }

    /** "a", "a and b", "a, b and c". */
    private static String joined(List<String> parts) {
        int last = parts.size() - 1;
        return last == 0 ? parts.get(0) : String.join(", ", parts.subList(0, last)) + " and " + parts.get(last);
    }
}
