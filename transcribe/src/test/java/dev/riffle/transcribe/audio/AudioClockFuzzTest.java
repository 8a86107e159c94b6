package dev.riffle.transcribe.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.riffle.transcribe.model.MediaEncoding;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes the emulator's {@link AudioClock}, which reads the audio of every AudioEvent a client sends: untrusted
 * bytes, in pieces that may end anywhere. Properties, for PCM (any rate and channel count), FLAC and Ogg Opus:
 * <ul>
 *   <li>no exception from {@code feed}, {@code endOfStream}, {@code audioTime} or {@code malformation}, whatever
 *       the bytes (no hang either: Jazzer reports a slow input);</li>
 *   <li>the time depends on the bytes alone, not on how they arrive: fed in one piece, one byte at a time, or in
 *       random pieces (empty ones too) as arrays at any offset, heap, read-only and direct buffers, the clock
 *       shows the same time after the same number of bytes, the same {@code bytesReceived}, and the same
 *       malformation (message and byte offset) reported at the same byte;</li>
 *   <li>time never goes back, and stops for good once a malformation is reported;</li>
 *   <li>an intact file ends at its real duration, read independently of the clock's scanners: FLAC's total
 *       sample count in STREAMINFO (RFC 9639, section 8.2), the last Ogg page's granule position less OpusHead's
 *       pre-skip (RFC 7845, sections 4 and 5.1), PCM's whole sample frames over the rate.</li>
 * </ul>
 *
 * <p>Memory is not measured here: the scanners hold fixed-size arrays (a header, a 32-byte window) allocated
 * once, so no input can grow them, and the clock keeps nothing else per byte.
 *
 * <p>Inputs are mostly valid-looking: the module's fixtures and the repository's samples, intact or damaged the
 * way transit damages data (bits flipped, spans cut, duplicated or replaced, the end cut off), FLAC and Ogg
 * files built from the fuzzer's choices ({@link FuzzAudio}), and sometimes raw bytes.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time. A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl transcribe test -Dtest=AudioClockFuzzTest -Djazzer.max_duration=30m}.
 */
class AudioClockFuzzTest {

    /** The declared values do not matter for FLAC and Ogg Opus: the clock reads the stream's own. */
    private static final AudioFormat FLAC = new AudioFormat(MediaEncoding.FLAC, 16_000, 1);
    private static final AudioFormat OPUS = new AudioFormat(MediaEncoding.OGG_OPUS, 16_000, 1);

    private static final List<byte[]> FLAC_FIXTURES = List.of(
            Fixtures.bytes(Fixtures.resource(Fixtures.FLAC_16K_MONO)),
            Fixtures.bytes(Fixtures.resource(Fixtures.FLAC_8K_STEREO)));
    private static final List<byte[]> OPUS_FIXTURES = List.of(
            Fixtures.bytes(Fixtures.resource(Fixtures.OPUS_16K_MONO)),
            Fixtures.bytes(Fixtures.resource(Fixtures.OPUS_24K_STEREO)));
    /** Minutes-long real files: slow to run through, so chosen now and then only. */
    private static final byte[] FLAC_SAMPLE = Fixtures.bytes(Fixtures.sample("recipe.flac"));
    private static final byte[] OPUS_SAMPLE = Fixtures.bytes(Fixtures.sample("recipe.opus"));
    private static final byte[] PCM_SAMPLE = Arrays.copyOf(Fixtures.bytes(Fixtures.sample("recipe.wav")), 20_000);

    private static final Pattern OFFSET = Pattern.compile("\\bat byte (\\d+)|\\bafter (\\d+) bytes");
    private static final int MAX_MUTATIONS = 4;
    private static final int MAX_SPAN = 64;

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void timeComesFromTheBytesAloneHoweverTheyArrive(FuzzedDataProvider data) {
        Random splits = new Random(data.consumeLong());
        Input input = switch (data.consumeInt(0, 2)) {
            case 0 -> pcm(data);
            case 1 -> container(data, FLAC, FLAC_FIXTURES, FLAC_SAMPLE, FuzzAudio::flac);
            default -> container(data, OPUS, OPUS_FIXTURES, OPUS_SAMPLE, FuzzAudio::oggOpus);
        };

        Timeline reference = byteByByte(input);
        checkInOnePiece(input, reference);
        checkInRandomPieces(input, reference, splits);
        if (input.intact()) {
            assertThat(reference.malformation()).as("malformation of an intact %s file", input.encoding()).isEmpty();
            assertThat(reference.endNanos()).as("time at the end of an intact %s file", input.encoding())
                    .isEqualTo(realDurationNanos(input));
        }
    }

    /** The stream's declared format, its bytes, and whether they are a whole, undamaged file. */
    private record Input(AudioFormat format, byte[] bytes, boolean intact) {
        MediaEncoding encoding() {
            return format.encoding();
        }
    }

    // ---- inputs ----

    private static Input pcm(FuzzedDataProvider data) {
        AudioFormat format = AudioFormat.pcm(data.consumeInt(AudioFormat.MIN_SAMPLE_RATE, AudioFormat.MAX_SAMPLE_RATE),
                data.consumeInt(1, AudioFormat.MAX_CHANNELS));
        // Any bytes are PCM; their length is all that counts.
        byte[] bytes = data.consumeBoolean() ? Arrays.copyOf(PCM_SAMPLE, data.consumeInt(0, PCM_SAMPLE.length))
                : data.consumeRemainingAsBytes();
        return new Input(format, bytes, true);
    }

    private static Input container(FuzzedDataProvider data, AudioFormat format, List<byte[]> fixtures,
            byte[] sample, Function<FuzzedDataProvider, byte[]> builder) {
        int choice = data.consumeInt(0, 9);
        if (choice == 9) {
            return new Input(format, data.consumeRemainingAsBytes(), false);
        }
        if (choice == 8) {
            return new Input(format, builder.apply(data), false);
        }
        byte[] valid = data.consumeInt(0, 15) == 0 ? sample : fixtures.get(data.consumeInt(0, fixtures.size() - 1));
        return switch (choice) {
            case 0, 1 -> new Input(format, valid, true);
            case 2 -> new Input(format, FuzzAudio.mutated(data, valid), false);
            default -> new Input(format, damaged(data, valid), false);
        };
    }

    /** {@code valid} after up to four kinds of transit damage, each where the fuzzer says. */
    private static byte[] damaged(FuzzedDataProvider data, byte[] valid) {
        byte[] bytes = valid;
        for (int i = data.consumeInt(1, MAX_MUTATIONS); i > 0 && bytes.length > 0; i--) {
            int at = data.consumeInt(0, bytes.length - 1);
            int span = data.consumeInt(1, Math.min(MAX_SPAN, bytes.length - at));
            bytes = switch (data.consumeInt(0, 3)) {
                case 0 -> flipped(bytes, at, data.consumeInt(0, 7));
                case 1 -> cut(bytes, at, span);
                case 2 -> duplicated(bytes, at, span, data.consumeInt(0, bytes.length));
                default -> Arrays.copyOf(bytes, at);
            };
        }
        return bytes;
    }

    private static byte[] flipped(byte[] bytes, int at, int bit) {
        byte[] copy = bytes.clone();
        copy[at] ^= (byte) (1 << bit);
        return copy;
    }

    private static byte[] cut(byte[] bytes, int at, int span) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, at);
        out.write(bytes, at + span, bytes.length - at - span);
        return out.toByteArray();
    }

    /** {@code bytes} with a copy of {@code span} bytes from {@code from} inserted before {@code to}. */
    private static byte[] duplicated(byte[] bytes, int from, int span, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + span);
        out.write(bytes, 0, to);
        out.write(bytes, from, span);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }

    // ---- the reference: one byte at a time ----

    /**
     * What the clock shows fed one byte at a time: the time after each prefix (index = bytes fed), the number of
     * bytes after which a malformation was first reported (-1: never, or only at the end), and the final state.
     */
    private record Timeline(long[] nanos, int malformedAfter, long endNanos, Optional<String> malformation) {
    }

    private static Timeline byteByByte(Input input) {
        byte[] bytes = input.bytes();
        AudioClock clock = AudioClock.of(input.format());
        long[] nanos = new long[bytes.length + 1];
        int malformedAfter = -1;
        Optional<String> firstMalformation = Optional.empty();
        for (int fed = 1; fed <= bytes.length; fed++) {
            clock.feed(bytes, fed - 1, 1);
            nanos[fed] = clock.audioNanos();
            int bytesFed = fed;
            if (nanos[fed] < nanos[fed - 1]) {
                throw new AssertionError("time went back after " + fed + " bytes, from " + nanos[fed - 1] + " ns to "
                        + nanos[fed] + " ns");
            }
            if (malformedAfter >= 0) {
                expectEqual(clock.malformation(), firstMalformation, () -> "malformation after " + bytesFed + " bytes");
                expectEqual(nanos[fed], nanos[fed - 1], () -> "time after " + bytesFed + " bytes, once malformed");
            } else if (clock.malformation().isPresent()) {
                malformedAfter = fed;
                firstMalformation = clock.malformation();
                checkNamesAnOffsetWithin(firstMalformation.get(), fed);
            }
        }
        clock.endOfStream();
        assertThat(clock.audioNanos()).as("time at the end").isGreaterThanOrEqualTo(nanos[bytes.length]);
        if (malformedAfter >= 0) {
            assertThat(clock.malformation()).as("malformation at the end").isEqualTo(firstMalformation);
            assertThat(clock.audioNanos()).as("time at the end, malformed").isEqualTo(nanos[bytes.length]);
        }
        if (input.encoding() == MediaEncoding.PCM) {
            assertThat(clock.malformation()).as("malformation of PCM").isEmpty();
        }
        clock.malformation().ifPresent(reason -> checkNamesAnOffsetWithin(reason, bytes.length));
        Timeline timeline = new Timeline(nanos, malformedAfter, clock.audioNanos(), clock.malformation());
        clock.endOfStream();
        checkEnd(clock, input, timeline, "after a second end of stream");
        return timeline;
    }

    /**
     * AudioClock promises each malformation "with its byte offset": the message names the byte where the damage
     * is ("at byte N", or "after N bytes" for input cut short), which cannot lie beyond the bytes fed.
     */
    private static void checkNamesAnOffsetWithin(String reason, long fed) {
        Matcher offset = OFFSET.matcher(reason);
        assertThat(offset.find()).as("malformation names its byte offset: %s", reason).isTrue();
        assertThat(Long.parseLong(offset.group(1) != null ? offset.group(1) : offset.group(2)))
                .as("offset in \"%s\", reported after %d bytes", reason, fed).isBetween(0L, fed);
    }

    // ---- the same bytes, split otherwise ----

    private static void checkInOnePiece(Input input, Timeline reference) {
        AudioClock clock = AudioClock.of(input.format());
        clock.feed(input.bytes(), 0, input.bytes().length);
        checkAfter(clock, input.bytes().length, reference, "in one piece");
        clock.endOfStream();
        checkEnd(clock, input, reference, "in one piece");
    }

    private static void checkInRandomPieces(Input input, Timeline reference, Random random) {
        Carriers carriers = Carriers.of(input.bytes(), random);
        AudioClock clock = AudioClock.of(input.format());
        int largest = new int[] {1, 2, 40, 5_000}[random.nextInt(4)];
        int fed = 0;
        while (fed < input.bytes().length) {
            // Empty pieces too: an AudioEvent may carry no bytes mid-stream.
            int length = Math.min(input.bytes().length - fed, random.nextInt(largest + 1));
            int way = random.nextInt(Carriers.WAYS);
            carriers.feed(clock, fed, length, way);
            fed += length;
            checkAfter(clock, fed, reference, () -> "after a piece of " + length + " bytes as "
                    + Carriers.describe(way));
        }
        clock.endOfStream();
        checkEnd(clock, input, reference, "in pieces of up to " + largest + " bytes");
    }

    /**
     * The input in each container a piece may come in, with random bytes around it that the clock must not read:
     * an array (pieces at an offset), a heap buffer, a slice of one (its array offset is not 0), a read-only heap
     * buffer (no accessible array) and a direct buffer. Made once per input, so that a million one-byte pieces cost no million buffers.
     */
    private record Carriers(int padding, byte[] padded, ByteBuffer heap, ByteBuffer readOnly, ByteBuffer direct) {

        static final int WAYS = 5;

        static Carriers of(byte[] bytes, Random random) {
            int padding = random.nextInt(8);
            byte[] padded = new byte[padding + bytes.length + random.nextInt(8)];
            random.nextBytes(padded);
            System.arraycopy(bytes, 0, padded, padding, bytes.length);
            ByteBuffer heap = ByteBuffer.wrap(padded);
            ByteBuffer direct = ByteBuffer.allocateDirect(padded.length).put(padded).clear();
            return new Carriers(padding, padded, heap, heap.asReadOnlyBuffer(), direct);
        }

        static String describe(int way) {
            return new String[] {"an array at an offset", "a heap buffer", "a heap buffer's slice",
                "a read-only heap buffer", "a direct buffer"}[way];
        }

        /** Feeds the input's bytes {@code [from, from + length)} the given way. */
        void feed(AudioClock clock, int from, int length, int way) {
            int start = padding + from;
            switch (way) {
                case 0 -> clock.feed(padded, start, length);
                case 1 -> feedBuffer(clock, heap.duplicate().limit(start + length).position(start));
                case 2 -> feedBuffer(clock, heap.duplicate().limit(start + length).position(start).slice());
                case 3 -> feedBuffer(clock, readOnly.duplicate().limit(start + length).position(start));
                default -> feedBuffer(clock, direct.duplicate().limit(start + length).position(start));
            }
        }

        /** The clock reads the buffer's remaining bytes and leaves its position and limit as they were. */
        private static void feedBuffer(AudioClock clock, ByteBuffer piece) {
            int position = piece.position();
            int limit = piece.limit();
            clock.feed(piece);
            expectEqual(piece.position(), position, () -> "buffer position after feed");
            expectEqual(piece.limit(), limit, () -> "buffer limit after feed");
        }
    }

    private static void checkAfter(AudioClock clock, int fed, Timeline reference, String how) {
        checkAfter(clock, fed, reference, () -> how);
    }

    private static void checkAfter(AudioClock clock, int fed, Timeline reference, Supplier<String> how) {
        expectEqual(clock.bytesReceived(), (long) fed, () -> "bytes received " + how.get());
        expectEqual(clock.audioNanos(), reference.nanos()[fed],
                () -> "time after " + fed + " bytes " + how.get() + " (fed byte by byte: left)");
        boolean malformed = reference.malformedAfter() >= 0 && fed >= reference.malformedAfter();
        expectEqual(clock.malformation(), malformed ? reference.malformation() : Optional.empty(),
                () -> "malformation after " + fed + " bytes " + how.get());
    }

    private static void checkEnd(AudioClock clock, Input input, Timeline reference, String how) {
        assertThat(clock.bytesReceived()).as("bytes received %s", how).isEqualTo(input.bytes().length);
        assertThat(clock.audioNanos()).as("time at the end %s", how).isEqualTo(reference.endNanos());
        assertThat(clock.audioTime()).isEqualTo(Duration.ofNanos(reference.endNanos()));
        assertThat(clock.malformation()).as("malformation at the end %s", how).isEqualTo(reference.malformation());
        assertThat(clock.encoding()).isEqualTo(input.encoding());
    }

    /** A cheap check for the per-byte and per-piece loops, where an AssertJ assertion each time is too slow. */
    private static void expectEqual(Object actual, Object expected, Supplier<String> what) {
        if (!Objects.equals(actual, expected)) {
            throw new AssertionError(what.get() + ": expected " + expected + " but was " + actual);
        }
    }

    // ---- real durations, read without the clock's scanners ----

    private static long realDurationNanos(Input input) {
        byte[] bytes = input.bytes();
        return switch (input.encoding()) {
            case PCM -> nanos(bytes.length / input.format().pcmFrameBytes(), input.format().sampleRate());
            case FLAC -> flacDurationNanos(bytes);
            case OGG_OPUS -> oggOpusDurationNanos(bytes);
        };
    }

    /**
     * STREAMINFO's total samples over its rate. The fixtures start with "fLaC" and STREAMINFO (RFC 9639, section
     * 8.2): after the marker, the 4-byte block header and 10 bytes of block and frame sizes come 20 bits of rate,
     * 3 of channels, 5 of depth and 36 of total samples.
     */
    private static long flacDurationNanos(byte[] flac) {
        long packed = new BigInteger(1, Arrays.copyOfRange(flac, 18, 26)).longValue();
        int sampleRate = (int) (packed >>> 44);
        long totalSamples = packed & 0xF_FFFF_FFFFL;
        assertThat(totalSamples).as("the fixture's STREAMINFO total samples").isPositive();
        return nanos(totalSamples, sampleRate);
    }

    /**
     * The granule position of the last page that has one, less the pre-skip, at 48 kHz (RFC 7845, section 4).
     * Pages are walked by their own lengths (RFC 3533, section 6): 27 header bytes, the lacing values, their sum.
     * The fixtures hold one logical stream, whose first page is the OpusHead packet alone.
     */
    private static long oggOpusDurationNanos(byte[] ogg) {
        int preSkip = (ogg[28 + 10] & 0xFF) | (ogg[28 + 11] & 0xFF) << 8;
        long lastGranule = 0;
        for (int page = 0; page < ogg.length; ) {
            long granule = littleEndian(ogg, page + 6, 8);
            if (granule != -1) {
                lastGranule = granule;
            }
            int segments = ogg[page + 26] & 0xFF;
            int bodyLength = 0;
            for (int i = 0; i < segments; i++) {
                bodyLength += ogg[page + 27 + i] & 0xFF;
            }
            page += 27 + segments + bodyLength;
        }
        return nanos(Math.max(0, lastGranule - preSkip), 48_000);
    }

    private static long littleEndian(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value << 8 | bytes[offset + i] & 0xFF;
        }
        return value;
    }

    /** {@code samples} at {@code sampleRate}, in nanoseconds rounded down, in exact arithmetic. */
    private static long nanos(long samples, int sampleRate) {
        return BigInteger.valueOf(samples).multiply(BigInteger.valueOf(1_000_000_000L))
                .divide(BigInteger.valueOf(sampleRate)).longValueExact();
    }
}
