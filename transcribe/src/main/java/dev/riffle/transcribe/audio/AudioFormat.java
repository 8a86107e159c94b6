package dev.riffle.transcribe.audio;

import dev.riffle.transcribe.model.MediaEncoding;
import java.util.Objects;

/**
 * What a stream request must declare about its audio: the media encoding, the sample rate and the number of
 * channels ({@code x-amzn-transcribe-media-encoding}, {@code -sample-rate}, and the channel count that channel
 * identification needs). The service does not check the declared rate against the audio and transcribes a
 * mismatch as garbage (spec 5.5), which is why these values come from the audio itself wherever it has a header.
 *
 * <p>For Ogg Opus the rate is the one the encoder was given (OpusHead's input sample rate); Opus itself always
 * runs at 48 kHz, which is also the value used when the header does not name a rate in the service's range.
 *
 * @param encoding   how the bytes are encoded
 * @param sampleRate samples per second per channel, 8000 to 48000 (the service's range)
 * @param channels   1 or 2 (the service's maximum)
 */
public record AudioFormat(MediaEncoding encoding, int sampleRate, int channels) {

    /** The lowest rate the service accepts. */
    public static final int MIN_SAMPLE_RATE = 8_000;
    /** The highest rate the service accepts. */
    public static final int MAX_SAMPLE_RATE = 48_000;
    /** The most channels the service accepts. */
    public static final int MAX_CHANNELS = 2;

    /** Checks the values against the service's limits; fails with the offending value and the range. */
    public AudioFormat {
        Objects.requireNonNull(encoding, "encoding");
        if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is outside the service's range, "
                    + MIN_SAMPLE_RATE + "–" + MAX_SAMPLE_RATE + " Hz");
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException(channels + " channels; the service takes 1 or 2");
        }
    }

    /** Signed 16-bit little-endian PCM without a header, as raw input or a caller's declaration of it. */
    public static AudioFormat pcm(int sampleRate, int channels) {
        return new AudioFormat(MediaEncoding.PCM, sampleRate, channels);
    }

    /** Bytes of one sample frame (one sample of every channel) in PCM: 2 or 4. */
    public int pcmFrameBytes() {
        return channels * 2;
    }

    /** For example {@code "pcm, 16000 Hz, mono"}. */
    @Override
    public String toString() {
        return encoding.wireValue() + ", " + sampleRate + " Hz, " + (channels == 1 ? "mono" : "stereo");
    }
}
