package dev.riffle.transcribe.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** The committed audio the tests read, and ways to feed it. */
final class Fixtures {

    static final String FLAC_16K_MONO = "speech-16k-mono.flac";
    static final String FLAC_8K_STEREO = "speech-8k-stereo.flac";
    static final String OPUS_16K_MONO = "speech-16k-mono.opus";
    static final String OPUS_24K_STEREO = "speech-24k-stereo.opus";
    static final List<String> SAMPLES = List.of("briefing", "recipe", "support-call");

    private Fixtures() {
    }

    /** A file under src/test/resources/audio. */
    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/audio/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of the repository's samples folder (Maven runs tests in the module's folder). */
    static Path sample(String name) {
        return Path.of(System.getProperty("basedir", ".")).resolve("../samples").resolve(name).normalize();
    }

    static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stream that returns at most a few bytes per read, as a slow pipe does: every boundary spans reads. */
    static InputStream trickling(byte[] bytes, long seed) {
        Random random = new Random(seed);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] target, int offset, int length) {
                return super.read(target, offset, Math.min(length, 1 + random.nextInt(7)));
            }
        };
    }
}
