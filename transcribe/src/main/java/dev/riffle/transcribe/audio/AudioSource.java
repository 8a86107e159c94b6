package dev.riffle.transcribe.audio;

import dev.riffle.transcribe.model.MediaEncoding;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An audio input opened for sending: its {@link AudioFormat}, found from its own header, and its bytes in order.
 *
 * <p>What is accepted:
 * <ul>
 *   <li><b>WAV</b>: RIFF/WAVE with PCM (format 1, or WAVE_FORMAT_EXTENSIBLE with the PCM sub-format), 16-bit,
 *       8000–48000 Hz, mono or stereo. Sent as {@code pcm}: the header is read and dropped, chunks other than
 *       {@code data} are skipped, and only the samples of the data chunk are sent.</li>
 *   <li><b>Raw PCM</b>: signed 16-bit little-endian with no header, only when the caller declares its rate and
 *       channels (there is nothing in the bytes to read them from).</li>
 *   <li><b>FLAC</b>: rate and channels from STREAMINFO; sent as {@code flac}, container bytes as they are.</li>
 *   <li><b>Ogg Opus</b>: channels and input rate from OpusHead; sent as {@code ogg-opus}, container bytes as
 *       they are.</li>
 * </ul>
 * Anything else fails with an {@link UnsupportedAudioException} that names what was found: MP3 (ID3 tag or frame
 * sync), WAV with other sample formats, rates or channel counts, AIFF, MP4, WebM, Ogg Vorbis, a header cut short,
 * an empty input, unrecognized bytes.
 *
 * <p>A header always wins over a declared format: declaring 8 kHz for a 16 kHz WAV file gives 16 kHz, since a
 * declared rate that does not match the audio makes the service return garbage without an error (spec 5.5).
 *
 * <p>Not thread-safe. Closing the source closes the input it was opened on.
 */
public final class AudioSource implements Closeable {

    /** How the input was packaged. */
    public enum Container {
        /** RIFF/WAVE; its samples are sent as {@code pcm}. */
        WAV,
        /** Headerless 16-bit PCM in the format the caller declared. */
        RAW_PCM,
        /** Native FLAC ({@code fLaC}). */
        FLAC,
        /** Opus in Ogg. */
        OGG_OPUS
    }

    private final AudioFormat format;
    private final Container container;
    private final InputStream audio;

    AudioSource(AudioFormat format, Container container, InputStream audio) {
        this.format = format;
        this.container = container;
        this.audio = audio;
    }

    /** Opens a file that carries its format in a header (WAV, FLAC, Ogg Opus). */
    public static AudioSource open(Path file) throws IOException {
        return open(file, null);
    }

    /**
     * Opens a file, taking it as raw PCM in {@code headerless} format if it has no header riffle knows.
     *
     * @param headerless a {@code pcm} format, or null to refuse headerless input
     * @throws NoSuchFileException if {@code file} is missing, or is a directory (which would otherwise open, and
     *     fail only at the first read with a bare "Is a directory")
     */
    public static AudioSource open(Path file, AudioFormat headerless) throws IOException {
        if (Files.isDirectory(file)) {
            throw new NoSuchFileException(file.toString(), null, "is a directory, not an audio file");
        }
        InputStream in = Files.newInputStream(file);
        try {
            return detect(in, headerless, "file");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Opens a stream (stdin, a pipe) that carries its format in a header. */
    public static AudioSource open(InputStream in) throws IOException {
        return open(in, null);
    }

    /**
     * Opens a stream (stdin, a pipe), taking it as raw PCM in {@code headerless} format if it has no header riffle
     * knows. Reads only as far as the header: the rest is read as it is sent.
     *
     * @param headerless a {@code pcm} format, or null to refuse headerless input
     */
    public static AudioSource open(InputStream in, AudioFormat headerless) throws IOException {
        return detect(Objects.requireNonNull(in, "in"), headerless, "input");
    }

    private static AudioSource detect(InputStream in, AudioFormat headerless, String inputNoun) throws IOException {
        if (headerless != null && headerless.encoding() != MediaEncoding.PCM) {
            throw new IllegalArgumentException("only PCM can be headerless, not " + headerless.encoding());
        }
        return FormatDetector.detect(new LookAhead(in), headerless, inputNoun);
    }

    /** The encoding, rate and channels to declare in the stream request. */
    public AudioFormat format() {
        return format;
    }

    /** How the input was packaged; {@link Container#WAV} and {@link Container#RAW_PCM} are both sent as PCM. */
    public Container container() {
        return container;
    }

    /**
     * The bytes to send, in order: PCM samples (never a WAV header) or the whole FLAC or Ogg stream. Usually read
     * through {@link AudioChunker}, which cuts them into events.
     */
    public InputStream audio() {
        return audio;
    }

    @Override
    public void close() throws IOException {
        audio.close();
    }
}
