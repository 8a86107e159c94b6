package dev.riffle.transcribe.model;

import java.util.List;
import java.util.Optional;

/**
 * How the audio in the stream is encoded ({@code x-amzn-transcribe-media-encoding}).
 *
 * <p>{@code pcm} is raw signed 16-bit little-endian samples with no WAV header; {@code flac} and {@code ogg-opus}
 * are container bytes that may be cut anywhere. Language identification accepts only {@code pcm} and {@code flac}.
 */
public enum MediaEncoding implements WireEnum {
    /** Signed 16-bit little-endian PCM, without a header. */
    PCM("pcm"),
    /** Opus in an Ogg container. */
    OGG_OPUS("ogg-opus"),
    /** FLAC. */
    FLAC("flac");

    private static final WireLookup<MediaEncoding> LOOKUP = new WireLookup<>(MediaEncoding.class, "media encoding");

    private final String wireValue;

    MediaEncoding(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value as sent on the wire. */
    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The constant for {@code wireValue} (exact, case included); an unknown value fails with the valid ones. */
    public static MediaEncoding fromWireValue(String wireValue) {
        return LOOKUP.parse(wireValue);
    }

    /** The constant for {@code wireValue}, or empty if the model does not list it. */
    public static Optional<MediaEncoding> find(String wireValue) {
        return LOOKUP.find(wireValue);
    }

    /** Every wire value, in the model's order. */
    public static List<String> wireValues() {
        return LOOKUP.wireValues();
    }
}
