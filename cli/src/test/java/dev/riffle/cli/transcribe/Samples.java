package dev.riffle.cli.transcribe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The committed samples, found through {@code -Driffle.samples} or beside the module. */
final class Samples {

    private Samples() {
    }

    static Path dir() {
        String configured = System.getProperty("riffle.samples");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "samples");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("cannot find the samples at " + dir.toAbsolutePath());
        }
        return dir;
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    /** The sample's transcript lines (NAME.txt): one sentence or turn per line. */
    static List<String> transcript(String name) {
        try {
            return Files.readAllLines(file(name + ".txt")).stream().map(String::strip).filter(l -> !l.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's WAV bytes. */
    static byte[] bytes(String fileName) {
        try {
            return Files.readAllBytes(file(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PCM samples of a canonical 44-byte-header WAV (as the samples are: fmt then data). */
    static byte[] pcmOf(String wavName) {
        byte[] wav = bytes(wavName);
        int data = 12;
        while (!new String(wav, data, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("data")) {
            int size = java.nio.ByteBuffer.wrap(wav, data + 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            data += 8 + size + (size & 1);
        }
        return java.util.Arrays.copyOfRange(wav, data + 8, wav.length);
    }
}
