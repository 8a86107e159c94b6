package dev.riffle.transcribe.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.riffle.transcribe.model.MediaEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes what riffle does with an audio file a user names on the command line (or pipes in): format detection
 * ({@link FormatDetector}, {@link WavReader}, the FLAC and Ogg header scanners), then reading it all through an
 * {@link AudioChunker}. Properties:
 * <ul>
 *   <li>any content either opens and reads to the end, or fails with an {@link UnsupportedAudioException} whose
 *       message says what was found; no other exception, no hang;</li>
 *   <li>memory follows the input, not what its length fields claim: what opening and reading allocate stays
 *       within a fixed allowance plus a multiple of the input's size, so a chunk size of 2^31 cannot allocate
 *       2 GiB;</li>
 *   <li>what is read is sendable: a format in the service's range; chunks that follow each other in time, are
 *       never empty and never hold a second of audio; PCM in whole sample frames; FLAC and Ogg sent as they are,
 *       byte for byte.</li>
 * </ul>
 *
 * <p>Half the inputs are raw bytes. The other half get a head start: WAV, FLAC and Ogg Opus files whose fields the
 * fuzzer picks, checksums included ({@link FuzzAudio}), and the module's fixtures with spans replaced. The input
 * is opened from a file (as the command line does) or from a stream that returns a few bytes per read (as a pipe
 * may), with or without a declared headerless format.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl transcribe test -Dtest=AudioSourceFuzzTest -Djazzer.max_duration=30m}.
 */
class AudioSourceFuzzTest {

    /**
     * What reading any input may allocate besides its share: the look-ahead (up to 128 KiB to find an Ogg or FLAC
     * header), the chunker's buffer, one PCM chunk, streams. A length field obeyed blindly costs far more.
     */
    private static final long ALLOCATION_ALLOWANCE = 4L << 20;
    /** Per input byte: a one-byte chunk (a long frame cut into pieces) costs about a hundred bytes of objects. */
    private static final long ALLOCATION_PER_INPUT_BYTE = 256;

    private static final List<byte[]> FIXTURES = List.of(
            Fixtures.bytes(Fixtures.resource(Fixtures.FLAC_16K_MONO)),
            Fixtures.bytes(Fixtures.resource(Fixtures.FLAC_8K_STEREO)),
            Fixtures.bytes(Fixtures.resource(Fixtures.OPUS_16K_MONO)),
            Fixtures.bytes(Fixtures.resource(Fixtures.OPUS_24K_STEREO)),
            Arrays.copyOf(Fixtures.bytes(Fixtures.sample("recipe.wav")), 4096));

    private static final Path FILE = tempFile();

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void opensAndReadsOrRefusesCleanly(FuzzedDataProvider data) throws IOException {
        AudioFormat headerless = data.consumeBoolean() ? AudioFormat.pcm(data.consumeInt(8_000, 48_000),
                data.consumeInt(1, 2)) : null;
        Duration target = Duration.ofMillis(data.consumeInt(50, 200));
        boolean fromFile = data.consumeBoolean();
        long trickleSeed = data.consumeLong();
        byte[] input = switch (data.consumeInt(0, 7)) {
            case 0 -> FuzzAudio.wav(data);
            case 1 -> FuzzAudio.flac(data);
            case 2 -> FuzzAudio.oggOpus(data);
            case 3 -> FuzzAudio.mutated(data, FIXTURES.get(data.consumeInt(0, FIXTURES.size() - 1)));
            default -> data.consumeRemainingAsBytes();
        };
        if (fromFile) {
            Files.write(FILE, input);
        }

        Opener opener = fromFile ? () -> AudioSource.open(FILE, headerless)
                : () -> AudioSource.open(Fixtures.trickling(input, trickleSeed), headerless);
        long allowance = ALLOCATION_ALLOWANCE + ALLOCATION_PER_INPUT_BYTE * input.length;
        Reading reading = null;
        long allocated = Long.MAX_VALUE;
        // The first time a path runs, loading (and Jazzer instrumenting) its classes allocates; a repeat does not.
        for (int attempt = 0; attempt < 2 && allocated >= allowance; attempt++) {
            long before = allocatedBytes();
            reading = read(opener, target);
            allocated = allocatedBytes() - before;
        }

        assertThat(allocated).as("bytes allocated to read %d bytes", input.length).isLessThan(allowance);
        if (reading.refusal() != null) {
            assertThat(reading.refusal().found()).isNotBlank();
            assertThat(reading.refusal().getMessage()).isEqualTo("found " + reading.refusal().found() + "; "
                    + UnsupportedAudioException.ACCEPTED);
        } else {
            checkSendable(reading.format(), reading.chunks(), input, target);
        }
    }

    /** Opens the input the way the fuzzer chose; each call opens it anew. */
    @FunctionalInterface
    private interface Opener {
        AudioSource open() throws IOException;
    }

    /** What opening and reading gave: the format and every chunk, or the refusal. */
    private record Reading(AudioFormat format, List<AudioChunk> chunks, UnsupportedAudioException refusal) {
    }

    private static Reading read(Opener opener, Duration target) throws IOException {
        try (AudioSource source = opener.open()) {
            return new Reading(source.format(), Chunks.all(AudioChunker.of(source, target)), null);
        } catch (UnsupportedAudioException refused) {
            return new Reading(null, null, refused);
        }
    }

    private static void checkSendable(AudioFormat format, List<AudioChunk> chunks, byte[] input, Duration target) {
        assertThat(format.sampleRate()).isBetween(AudioFormat.MIN_SAMPLE_RATE, AudioFormat.MAX_SAMPLE_RATE);
        assertThat(format.channels()).isBetween(1, AudioFormat.MAX_CHANNELS);
        Duration end = Duration.ZERO;
        for (AudioChunk chunk : chunks) {
            assertThat(chunk.start()).isEqualTo(end);
            assertThat(chunk.length()).isPositive();
            assertThat(chunk.duration()).isLessThan(AudioChunker.SERVICE_MAX_CHUNK);
            end = chunk.end();
        }
        byte[] sent = Chunks.concatenated(chunks);
        if (format.encoding() == MediaEncoding.PCM) {
            checkPcm(chunks, sent, input, format, target);
        } else {
            // FLAC and Ogg Opus go out as the container's own bytes, all of them.
            assertThat(sent).isEqualTo(input);
            assertThat(chunks).allSatisfy(chunk ->
                    assertThat(chunk.length()).isLessThanOrEqualTo(ChunkPlanner.MAX_CHUNK_BYTES));
        }
    }

    private static void checkPcm(List<AudioChunk> chunks, byte[] sent, byte[] input, AudioFormat format,
            Duration target) {
        long maxChunkBytes = Math.max(1, AudioTime.samples(target.toNanos(), format.sampleRate()))
                * format.pcmFrameBytes();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.length() % format.pcmFrameBytes()).isZero();
            assertThat((long) chunk.length()).isLessThanOrEqualTo(maxChunkBytes);
        });
        // Samples are sent as they are: a WAV file's come from inside it, headerless input is all samples.
        assertThat(sent.length).isLessThanOrEqualTo(input.length);
        if (sent.length > 0) {
            assertThat(indexOf(input, sent)).isNotNegative();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes this thread has allocated so far (HotSpot's count, exact enough for an allowance of megabytes). */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("riffle-audio-fuzz", ".bin");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
