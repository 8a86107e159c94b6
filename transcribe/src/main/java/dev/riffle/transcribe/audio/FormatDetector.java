package dev.riffle.transcribe.audio;

import dev.riffle.transcribe.model.MediaEncoding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Decides what an input is from its first bytes and reads as much of its header as that takes. A WAV header is
 * consumed (it must not be sent); FLAC and Ogg headers are only looked at, since they are part of what is sent.
 */
final class FormatDetector {

    /** The most input read to find a container's format: an Ogg page is at most 65,307 bytes. */
    private static final int MAX_HEADER_LOOK_AHEAD = 128 * 1024;
    private static final int HEX_BYTES_SHOWN = 8;

    private FormatDetector() {
    }

    /**
     * @param headerless the format of input without a header, or null if such input is refused
     * @param inputNoun  "file" or "input", for the refusal of empty input
     */
    static AudioSource detect(LookAhead input, AudioFormat headerless, String inputNoun) throws IOException {
        int available = input.fill(12);
        if (available == 0) {
            throw new UnsupportedAudioException("an empty " + inputNoun);
        }
        if (available >= 4 && input.peekAscii(0, "RIFF")) {
            if (available < 12) {
                throw WavReader.cutShort(available);
            }
            if (input.peekAscii(8, "WAVE")) {
                return WavReader.read(input);
            }
        }
        if (available >= 4 && input.peekAscii(0, "fLaC")) {
            return flac(input);
        }
        if (available >= 4 && input.peekAscii(0, "OggS")) {
            String other = ForeignFormats.oggCodec(input);
            if (other != null) {
                throw new UnsupportedAudioException(other);
            }
            return oggOpus(input);
        }
        String foreign = ForeignFormats.identify(input);
        if (foreign != null) {
            throw new UnsupportedAudioException(foreign);
        }
        if (headerless != null) {
            return new AudioSource(headerless, AudioSource.Container.RAW_PCM, input.rest());
        }
        throw new UnsupportedAudioException("unrecognized bytes (starting "
                + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(input.array(), input.cursorIndex(),
                        input.cursorIndex() + Math.min(available, HEX_BYTES_SHOWN)) + ")");
    }

    private static AudioSource flac(LookAhead input) throws IOException {
        ContainerScanner.StreamLayout layout = readLayout(input, new FlacScanner(), "a FLAC file");
        List<String> problems = new ArrayList<>();
        if (!inServiceRange(layout.sampleRate())) {
            problems.add("a sample rate of " + layout.sampleRate() + " Hz");
        }
        if (layout.channels() > AudioFormat.MAX_CHANNELS) {
            problems.add(layout.channels() + " channels");
        }
        if (!problems.isEmpty()) {
            throw new UnsupportedAudioException("a FLAC file with " + String.join(" and ", problems));
        }
        return new AudioSource(new AudioFormat(MediaEncoding.FLAC, layout.sampleRate(), layout.channels()),
                AudioSource.Container.FLAC, input.rest());
    }

    private static AudioSource oggOpus(LookAhead input) throws IOException {
        ContainerScanner.StreamLayout layout = readLayout(input, new OggOpusScanner(), "an Ogg Opus file");
        if (layout.channels() > AudioFormat.MAX_CHANNELS) {
            throw new UnsupportedAudioException("an Ogg Opus file with " + layout.channels() + " channels");
        }
        // Opus runs at 48 kHz inside; the encoder's input rate is what a caller would declare, when it is known.
        int sampleRate = inServiceRange(layout.sampleRate()) ? layout.sampleRate() : OggOpusScanner.GRANULE_RATE;
        return new AudioSource(new AudioFormat(MediaEncoding.OGG_OPUS, sampleRate, layout.channels()),
                AudioSource.Container.OGG_OPUS, input.rest());
    }

    /** Feeds the input's start to {@code scanner} until it has read the container header, without consuming it. */
    private static ContainerScanner.StreamLayout readLayout(LookAhead input, ContainerScanner scanner,
            String container) throws IOException {
        int fed = 0;
        int wanted = 64;
        while (true) {
            int available = input.fill(wanted);
            scanner.feed(input.array(), input.cursorIndex() + fed, available - fed, (offset, nanos) -> { });
            fed = available;
            if (scanner.failure() != null) {
                throw new UnsupportedAudioException(container + " with a damaged header (" + scanner.failure() + ")");
            }
            if (scanner.layout() != null) {
                return scanner.layout();
            }
            if (available < wanted || wanted == MAX_HEADER_LOOK_AHEAD) {
                throw new UnsupportedAudioException(container + " whose header is cut short (the input ends after "
                        + available + " bytes)");
            }
            wanted = Math.min(wanted * 4, MAX_HEADER_LOOK_AHEAD);
        }
    }

    private static boolean inServiceRange(int sampleRate) {
        return sampleRate >= AudioFormat.MIN_SAMPLE_RATE && sampleRate <= AudioFormat.MAX_SAMPLE_RATE;
    }
}
