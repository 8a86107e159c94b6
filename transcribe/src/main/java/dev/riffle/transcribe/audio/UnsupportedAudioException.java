package dev.riffle.transcribe.audio;

import java.io.IOException;

/**
 * The input is not audio riffle can send: another format, WAV samples that are not 16-bit PCM, a rate or a
 * channel count the service refuses, or a header that is cut short. The message is one line that says what was
 * found and what is accepted, for example {@code found an MP3 file (ID3 tag); riffle accepts WAV (16-bit PCM,
 * 8–48 kHz, mono or stereo), raw 16-bit PCM with --sample-rate, FLAC, or Ogg Opus}, so that a command line can
 * print it as it is.
 *
 * <p>It is an {@link IOException} because it comes from reading the input, beside the read errors a caller
 * already handles.
 */
public class UnsupportedAudioException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What riffle accepts, the second half of every message. */
    public static final String ACCEPTED = "riffle accepts WAV (16-bit PCM, 8–48 kHz, mono or stereo), "
            + "raw 16-bit PCM with --sample-rate, FLAC, or Ogg Opus";

    private final String found;

    /**
     * @param found what the input is, as a noun phrase that follows "found": {@code "an MP3 file (ID3 tag)"}
     */
    public UnsupportedAudioException(String found) {
        super("found " + found + "; " + ACCEPTED);
        this.found = found;
    }

    /** What the input was found to be, without the list of accepted formats. */
    public String found() {
        return found;
    }
}
