package dev.riffle.emulator;

import dev.riffle.transcribe.audio.AudioChunk;
import dev.riffle.transcribe.audio.AudioChunker;
import dev.riffle.transcribe.audio.AudioSource;
import dev.riffle.transcribe.model.FinalResults;
import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The committed samples (audio, script, transcript), found through {@code -Driffle.samples} or beside the module. */
public final class Samples {

    private Samples() {
    }

    /** The samples directory; fails, naming where it looked, if it is not there. */
    public static Path dir() {
        String configured = System.getProperty("riffle.samples");
        Path dir = configured != null ? Paths.get(configured) : Paths.get("..", "samples");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("cannot find the samples at " + dir.toAbsolutePath());
        }
        return dir;
    }

    static Path wav(String name) {
        return dir().resolve(name + ".wav");
    }

    static Path script(String name) {
        return dir().resolve(name + ".json");
    }

    /** The sample's transcript, whitespace normalised. */
    static String transcript(String name) {
        try {
            return normalise(Files.readString(dir().resolve(name + ".txt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's audio in 100 ms chunks, as a client sends it. */
    static List<ByteBuffer> chunks(String name) {
        List<ByteBuffer> out = new ArrayList<>();
        try (AudioSource source = AudioSource.open(wav(name))) {
            AudioChunker chunker = AudioChunker.of(source);
            for (AudioChunk chunk; (chunk = chunker.next()) != null; ) {
                ByteBuffer copy = ByteBuffer.allocate(chunk.audio().remaining()).put(chunk.audio()).flip();
                out.add(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The finals' transcripts, in order of their start, joined: what a user of the service reads. */
    static String finalText(List<TranscriptEvent> events) {
        FinalResults finals = new FinalResults();
        events.forEach(finals::addAll);
        return normalise(finals.results().stream()
                .sorted(java.util.Comparator.comparingDouble(Result::startTime))
                .map(r -> r.alternatives().get(0).transcript()).collect(Collectors.joining(" ")));
    }

    /** Whether any partial result came before the finals. */
    static boolean hasPartials(List<TranscriptEvent> events) {
        return events.stream().flatMap(e -> e.transcript().results().stream()).anyMatch(Result::isPartial);
    }

    static String normalise(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }
}
