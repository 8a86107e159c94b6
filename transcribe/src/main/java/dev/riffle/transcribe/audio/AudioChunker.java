package dev.riffle.transcribe.audio;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Cuts a source's audio into AudioEvent payloads of a steady duration, whatever sizes the input arrives in.
 *
 * <p>Sending whatever a read returns is the usual cause of "Your stream is too big" (spec section 7, pain point
 * 1): a 64 KB read of 8 kHz audio is 4 s. The service recommends 50–200 ms per event and allows at most 1 s, so
 * the target is 100 ms unless the caller picks another value in 50–200 ms, and no chunk is longer than the
 * target (with one exception, below, that still stays far under 1 s):
 * <ul>
 *   <li><b>PCM</b> (WAV or raw): chunks of exactly the target, rounded down to whole sample frames, so a stereo
 *       stream never splits a left sample from its right one; the last chunk holds what is left. A trailing
 *       partial frame (an odd byte count) is not sent.</li>
 *   <li><b>FLAC and Ogg Opus</b>: chunks end on frame or page boundaries, where the audio time is known
 *       exactly, holding as many whole frames or pages as fit in the target. A frame or page longer than the
 *       target (sox writes 4096-sample FLAC frames, 256 ms at 16 kHz; opusenc writes pages of up to 1 s) is cut
 *       into equal pieces of at most the target, each given its share of the time in proportion to its bytes;
 *       the service takes these formats cut at any byte. A piece holds at least one byte, so a long frame of a
 *       few bytes (a silent FLAC frame) gives pieces above the target; the smallest possible frame of the
 *       longest block, 13 bytes for 65,535 samples at 8 kHz, still gives under 0.7 s a piece, and an Opus packet
 *       (at least one byte) holds at most 120 ms. Container headers go first, in chunks of zero duration
 *       of at most 32 KiB each (FLAC metadata may hold a picture). Input that ends inside a frame or page goes
 *       out as a last chunk that adds no time.</li>
 * </ul>
 * Chunk times are exact sums: each chunk starts where the previous ended, and the last ends at the stream's
 * duration (for Ogg Opus, the final granule position less the pre-skip).
 *
 * <p>A FLAC or Ogg stream that is damaged in the middle (a page failing its CRC, no frame boundary where one
 * must be) fails {@link #next()} with an {@link UnsupportedAudioException} naming the byte offset.
 *
 * <p>Reads the source only as chunks are asked for, and blocks until a whole chunk is in, so live input (a
 * microphone on stdin) comes out in chunks of the target too. Not thread-safe.
 */
public interface AudioChunker {

    /** The default target: the middle of the service's recommended range. */
    Duration DEFAULT_TARGET = Duration.ofMillis(100);
    /** The shortest target accepted; the service has delayed the processing of very small chunks (spec 5.6). */
    Duration MIN_TARGET = Duration.ofMillis(50);
    /** The longest target accepted, the top of the service's recommended range. */
    Duration MAX_TARGET = Duration.ofMillis(200);
    /** The service's limit for one AudioEvent; no chunk comes near it. */
    Duration SERVICE_MAX_CHUNK = Duration.ofSeconds(1);

    /** The format of the source, to declare in the stream request. */
    AudioFormat format();

    /**
     * The next chunk, blocking until it is complete or the input ends.
     *
     * @return the chunk, or null once the audio has all been returned
     * @throws UnsupportedAudioException if a FLAC or Ogg stream turns out damaged
     */
    AudioChunk next() throws IOException;

    /** Chunks of {@link #DEFAULT_TARGET} from {@code source}. */
    static AudioChunker of(AudioSource source) {
        return of(source, DEFAULT_TARGET);
    }

    /**
     * Chunks of {@code target} from {@code source}.
     *
     * @throws IllegalArgumentException if {@code target} is outside 50–200 ms
     */
    static AudioChunker of(AudioSource source, Duration target) {
        Objects.requireNonNull(source, "source");
        if (target.compareTo(MIN_TARGET) < 0 || target.compareTo(MAX_TARGET) > 0) {
            throw new IllegalArgumentException("chunk duration must be 50–200 ms, not " + target.toMillis() + " ms");
        }
        return switch (source.container()) {
            case WAV, RAW_PCM -> new PcmChunker(source, target);
            case FLAC -> new ContainerChunker(source, new FlacScanner(), "FLAC", target);
            case OGG_OPUS -> new ContainerChunker(source, new OggOpusScanner(), "Ogg Opus", target);
        };
    }
}
