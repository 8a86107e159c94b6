package dev.riffle.emulator.transcript;

import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Feeds audio to a transcriber in chunks, as the network side would, and collects the events. */
final class StreamFeeder {

    private StreamFeeder() {
    }

    /** Feeds {@code pcm} in chunks of random sizes from 1 to {@code maxChunk} bytes, then finishes. */
    static List<TranscriptEvent> feedPcm(StreamTranscriber transcriber, byte[] pcm, int bytesPerSecond,
                                         Random random, int maxChunk) {
        List<TranscriptEvent> events = new ArrayList<>();
        int offset = 0;
        while (offset < pcm.length) {
            int length = Math.min(pcm.length - offset, 1 + random.nextInt(maxChunk));
            // A buffer with other bytes around the chunk: the transcriber must read between position and limit.
            byte[] padded = new byte[length + 6];
            System.arraycopy(pcm, offset, padded, 3, length);
            ByteBuffer chunk = ByteBuffer.wrap(padded, 3, length);
            offset += length;
            events.addAll(transcriber.accept(chunk, (double) offset / bytesPerSecond));
        }
        events.addAll(transcriber.finish());
        return events;
    }

    /** Feeds {@code pcm} whole, then finishes. */
    static List<TranscriptEvent> feedPcmWhole(StreamTranscriber transcriber, byte[] pcm, int bytesPerSecond) {
        List<TranscriptEvent> events = new ArrayList<>(
                transcriber.accept(ByteBuffer.wrap(pcm), (double) pcm.length / bytesPerSecond));
        events.addAll(transcriber.finish());
        return events;
    }

    /** Feeds {@code seconds} of container audio (FLAC or Ogg) in steps of {@code step} seconds, then finishes. */
    static List<TranscriptEvent> feedContainer(StreamTranscriber transcriber, double seconds, double step) {
        List<TranscriptEvent> events = new ArrayList<>();
        for (int i = 1; i * step < seconds + 1e-9; i++) {
            events.addAll(transcriber.accept(null, i * step));
        }
        events.addAll(transcriber.accept(null, seconds));
        events.addAll(transcriber.finish());
        return events;
    }

    /** Every result, in the order sent. */
    static List<Result> results(List<TranscriptEvent> events) {
        return events.stream().flatMap(event -> event.transcript().results().stream()).toList();
    }

    /** The final results, in the order sent. */
    static List<Result> finals(List<TranscriptEvent> events) {
        return results(events).stream().filter(result -> !result.isPartial()).toList();
    }

    /** The results of each segment, by ResultId in order of first appearance. */
    static Map<String, List<Result>> bySegment(List<TranscriptEvent> events) {
        Map<String, List<Result>> segments = new LinkedHashMap<>();
        for (Result result : results(events)) {
            segments.computeIfAbsent(result.resultId(), id -> new ArrayList<>()).add(result);
        }
        return segments;
    }

    /** The transcript text of a result's first alternative. */
    static String text(Result result) {
        return result.alternatives().get(0).transcript();
    }
}
