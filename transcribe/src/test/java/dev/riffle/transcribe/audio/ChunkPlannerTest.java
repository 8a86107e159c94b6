package dev.riffle.transcribe.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where FLAC and Ogg chunks are cut, on made-up streams: units of known size and duration. */
class ChunkPlannerTest {

    private static final long MS = 1_000_000;

    private record Planned(long startOffset, long endOffset, long startNanos, long endNanos) {
        long bytes() {
            return endOffset - startOffset;
        }

        long nanos() {
            return endNanos - startNanos;
        }
    }

    private final List<Planned> chunks = new ArrayList<>();
    private final ChunkPlanner planner = new ChunkPlanner(100 * MS,
            (startOffset, endOffset, startNanos, endNanos) -> chunks.add(
                    new Planned(startOffset, endOffset, startNanos, endNanos)));

    @Test
    void shortUnitsAreGroupedWithoutPassingTheTarget() {
        for (int unit = 1; unit <= 7; unit++) {
            planner.boundary(unit * 500L, unit * 30 * MS); // 30 ms units
        }
        planner.finish(3_500);

        assertThat(chunks).containsExactly(
                new Planned(0, 1_500, 0, 90 * MS),
                new Planned(1_500, 3_000, 90 * MS, 180 * MS),
                new Planned(3_000, 3_500, 180 * MS, 210 * MS));
    }

    @Test
    void aUnitOfExactlyTheTargetIsAChunkOfItsOwn() {
        planner.boundary(1_000, 100 * MS);
        planner.boundary(2_000, 200 * MS);
        planner.finish(2_000);

        assertThat(chunks).extracting(Planned::endOffset).containsExactly(1_000L, 2_000L);
    }

    @Test
    void aLongUnitIsCutIntoEqualPiecesOfAtMostTheTarget() {
        planner.boundary(1_000, 60 * MS);
        planner.boundary(4_001, 316 * MS); // 256 ms in 3001 bytes: 3 pieces
        planner.finish(4_001);

        assertThat(chunks).containsExactly(
                new Planned(0, 1_000, 0, 60 * MS),
                new Planned(1_000, 2_000, 60 * MS, 60 * MS + 256 * MS * 1_000 / 3_001),
                new Planned(2_000, 3_000, 60 * MS + 256 * MS * 1_000 / 3_001, 60 * MS + 256 * MS * 2_000 / 3_001),
                new Planned(3_000, 4_001, 60 * MS + 256 * MS * 2_000 / 3_001, 316 * MS));
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.nanos()).isLessThanOrEqualTo(100 * MS));
    }

    @Test
    void aLongUnitOfFewBytesIsCutNoFinerThanOneByteAPiece() {
        planner.boundary(4, 520 * MS); // a silent FLAC frame compresses to a handful of bytes
        planner.finish(4);

        assertThat(chunks).hasSize(4).allSatisfy(chunk -> assertThat(chunk.bytes()).isEqualTo(1));
        assertThat(chunks.get(3).endNanos()).isEqualTo(520 * MS);
    }

    @Test
    void headersGoFirstInPiecesOfAtMost32KiBWithoutTime() {
        planner.boundary(42, 0); // fLaC and STREAMINFO
        planner.boundary(80_000, 0); // a picture
        planner.boundary(81_000, 50 * MS);
        planner.finish(81_000);

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.bytes()).isLessThanOrEqualTo(32 * 1024));
        // The picture is cut in three; the first audio does not join the headers.
        assertThat(chunks).extracting(Planned::nanos).containsExactly(0L, 0L, 0L, 0L, 50 * MS);
        assertThat(chunks.get(0).bytes()).isEqualTo(42);
    }

    @Test
    void headersAreNotMixedWithAudio() {
        planner.boundary(47, 0);
        planner.boundary(120, 0);
        planner.boundary(300, 20 * MS);
        planner.boundary(500, 40 * MS);
        planner.finish(500);

        assertThat(chunks).containsExactly(new Planned(0, 120, 0, 0), new Planned(120, 500, 0, 40 * MS));
    }

    @Test
    void bytesAfterTheLastBoundaryGoOutLastWithoutTime() {
        planner.boundary(1_000, 40 * MS);
        planner.finish(1_300);

        assertThat(chunks).containsExactly(new Planned(0, 1_300, 0, 40 * MS));
    }

    @Test
    void nothingIsPlannedForAnEmptyStream() {
        planner.finish(0);

        assertThat(chunks).isEmpty();
    }
}
