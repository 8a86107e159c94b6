package dev.riffle.emulator.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.transcribe.model.Result;
import dev.riffle.transcribe.model.TranscriptEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks the shape every stream's results must have (spec section 5.2): per ResultId, partials with the same
 * StartTime and a growing EndTime, then exactly one final, and nothing of that segment after it.
 */
final class SegmentSequences {

    private SegmentSequences() {
    }

    static void assertWellFormed(List<TranscriptEvent> events) {
        Map<String, List<Result>> segments = StreamFeeder.bySegment(events);
        Set<String> closed = new HashSet<>();
        for (Result result : StreamFeeder.results(events)) {
            assertThat(closed).as("a result after its segment's final: %s", result).doesNotContain(result.resultId());
            if (!result.isPartial()) {
                closed.add(result.resultId());
            }
        }
        segments.forEach(SegmentSequences::assertSegment);
    }

    private static void assertSegment(String resultId, List<Result> results) {
        assertThat(UUID.fromString(resultId).toString()).isEqualTo(resultId);
        Result last = results.get(results.size() - 1);
        assertThat(last.isPartial()).as("segment %s ends with its final", resultId).isFalse();
        assertThat(results.subList(0, results.size() - 1)).allSatisfy(result -> assertThat(result.isPartial()).isTrue());
        double start = results.get(0).startTime();
        double previousEnd = -1;
        for (Result result : results) {
            assertThat(result.startTime()).isEqualTo(start);
            assertThat(result.endTime()).isGreaterThanOrEqualTo(result.startTime());
            if (result.isPartial()) {
                assertThat(result.endTime()).isGreaterThan(previousEnd);
                previousEnd = result.endTime();
            }
        }
    }
}
