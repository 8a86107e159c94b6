package dev.riffle.eventstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.eventstream.SharedVectors.Vector;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Resumability: every positive vector fed split at every byte boundary, one byte at a time, and in streams. */
class SplitFeedingTest {

    static Stream<Vector> positives() {
        return SharedVectors.positives().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void everySplitPointYieldsTheSameMessage(Vector vector) {
        byte[] bytes = vector.encodedBytes();
        String whole = ConformanceVectorsTest.decodeAll(ByteBuffer.wrap(bytes)).get(0);

        for (int split = 0; split <= bytes.length; split++) {
            List<String> out = new ArrayList<>();
            MessageDecoder decoder = new MessageDecoder();
            decoder.feed(ByteBuffer.wrap(bytes, 0, split), m -> out.add(MessageJson.toJson(m)));
            assertThat(out).as("split at %d", split).hasSize(split == bytes.length ? 1 : 0);
            decoder.feed(ByteBuffer.wrap(bytes, split, bytes.length - split), m -> out.add(MessageJson.toJson(m)));
            decoder.endOfInput();

            assertThat(out).as("split at %d", split).containsExactly(whole);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void oneByteAtATimeYieldsTheSameMessage(Vector vector) {
        byte[] bytes = vector.encodedBytes();
        String whole = ConformanceVectorsTest.decodeAll(ByteBuffer.wrap(bytes)).get(0);
        List<String> out = new ArrayList<>();
        MessageDecoder decoder = new MessageDecoder();

        for (int i = 0; i < bytes.length; i++) {
            assertThat(out).isEmpty();
            decoder.feed(ByteBuffer.wrap(bytes, i, 1), m -> out.add(MessageJson.toJson(m)));
        }
        decoder.endOfInput();

        assertThat(out).containsExactly(whole);
    }

    @Test
    void allPositivesAsOneStreamInRandomChunks() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (Vector vector : SharedVectors.positives()) {
            byte[] bytes = vector.encodedBytes();
            stream.write(bytes);
            expected.add(ConformanceVectorsTest.decodeAll(ByteBuffer.wrap(bytes)).get(0));
        }
        byte[] all = stream.toByteArray();

        for (long seed = 1; seed <= 200; seed++) {
            List<String> out = new ArrayList<>();
            MessageDecoder decoder = Frames.feedInRandomChunks(all, new Random(seed), 400,
                    m -> out.add(MessageJson.toJson(m)));

            assertThat(out).as("seed %d", seed).isEqualTo(expected);
            assertThat(decoder.bytesDecoded()).isEqualTo(all.length);
        }
    }
}
