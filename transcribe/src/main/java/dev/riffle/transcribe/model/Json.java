package dev.riffle.transcribe.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** The one jackson-core factory of the module, and parsers that read arrays and buffers in place. */
final class Json {

    /**
     * Thread-safe; a writer must not close the caller's stream. Every item of every TranscriptEvent carries
     * times and a confidence: the fast double parser reads them from the parser's own buffer, where the JDK's
     * parser would first make a String of each, then parse it (a tenth of what a load run allocated, by JFR).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** Writes one document. */
    interface DocumentWriter {
        void write(JsonGenerator json) throws IOException;
    }

    private Json() {
    }

    /** The document that {@code writer} writes, as UTF-8 bytes. */
    static byte[] toBytes(int expectedSize, DocumentWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(expectedSize);
        try (JsonGenerator json = generator(out)) {
            writer.write(json);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    static JsonParser parser(byte[] bytes, int offset, int length) throws IOException {
        return FACTORY.createParser(bytes, offset, length);
    }

    /**
     * A parser over the buffer's remaining bytes; the buffer's position is not moved. A heap buffer is read in
     * place. A direct or read-only one (what a transport hands over) is first copied into this thread's scratch
     * array: jackson's blocking parser over an array takes about half the time of its non-blocking parser over
     * the buffer, far more than the copy of a transcript event (a few KiB) costs. The parser must be closed before
     * this thread parses another buffer; every caller closes it before returning.
     */
    static JsonParser parser(ByteBuffer buffer) throws IOException {
        ByteBuffer view = buffer.duplicate();
        if (view.hasArray()) {
            return FACTORY.createParser(view.array(), view.arrayOffset() + view.position(), view.remaining());
        }
        int length = view.remaining();
        byte[] bytes = Scratch.array(length);
        view.get(bytes, 0, length);
        return FACTORY.createParser(bytes, 0, length);
    }

    /** One reused array per thread for the bytes of a direct buffer, kept only while small. */
    private static final class Scratch {
        /** Larger payloads get an array of their own, so a rare big one does not stay in memory per thread. */
        private static final int KEPT_LIMIT = 64 * 1024;
        private static final ThreadLocal<byte[]> ARRAY = ThreadLocal.withInitial(() -> new byte[8 * 1024]);

        static byte[] array(int length) {
            if (length > KEPT_LIMIT) {
                return new byte[length];
            }
            byte[] array = ARRAY.get();
            if (array.length < length) {
                array = new byte[KEPT_LIMIT];
                ARRAY.set(array);
            }
            return array;
        }
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }
}
