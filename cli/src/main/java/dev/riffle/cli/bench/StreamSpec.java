package dev.riffle.cli.bench;

/**
 * The request each stream of a load run makes.
 *
 * @param sampleRate           PCM sample rate in Hz
 * @param channels             1, or 2 for channel identification
 * @param languageCode         the language, such as {@code en-US}
 */
public record StreamSpec(int sampleRate, int channels, String languageCode) {
}
