package dev.riffle.transcribe.audio;

/**
 * Decides where FLAC and Ogg chunks start and end, from the boundaries a {@link ContainerScanner} reports; holds
 * no bytes, so that the rules can be tested on made-up streams. The rules are those of {@link AudioChunker}:
 * the container headers (the units before any audio time) in chunks of their own, then whole units (the bytes
 * between two boundaries) while they fit the target duration, longer units cut into pieces of at most the
 * target, and at most {@link #MAX_CHUNK_BYTES} a chunk.
 */
final class ChunkPlanner {

    /**
     * The most bytes a chunk takes. The service's older documentation limited an AudioEvent to 32 KB; audio in
     * the target duration never comes near it, but container headers can (a FLAC picture block), so they are cut.
     */
    static final int MAX_CHUNK_BYTES = 32 * 1024;

    /** Receives the chunks in order, each from where the previous one ended. */
    @FunctionalInterface
    interface ChunkSink {
        void chunk(long startOffset, long endOffset, long startNanos, long endNanos);
    }

    private final long targetNanos;
    private final ChunkSink sink;
    // The chunk being built runs from start to the last boundary taken into it.
    private long startOffset;
    private long startNanos;
    private long endOffset;
    private long endNanos;

    ChunkPlanner(long targetNanos, ChunkSink sink) {
        this.targetNanos = targetNanos;
        this.sink = sink;
    }

    /** A unit ends at {@code offset} with the audio up to {@code nanos}. */
    void boundary(long offset, long nanos) {
        long unitBytes = offset - endOffset;
        long unitNanos = Math.max(0, nanos - endNanos);
        if (unitBytes <= 0) {
            endNanos += unitNanos; // time without bytes does not occur in valid streams; it is kept, not lost
            return;
        }
        boolean building = endOffset > startOffset;
        boolean headersOnly = endNanos == 0;
        if (building && (endNanos - startNanos + unitNanos > targetNanos
                || endOffset - startOffset + unitBytes > MAX_CHUNK_BYTES
                || headersOnly && unitNanos > 0)) {
            emit();
        }
        if (unitNanos > targetNanos || unitBytes > MAX_CHUNK_BYTES) {
            cut(unitBytes, unitNanos);
        } else {
            endOffset = offset;
            endNanos += unitNanos;
        }
    }

    /** The stream ended after {@code totalBytes}: bytes after the last boundary go out without time. */
    void finish(long totalBytes) {
        if (totalBytes > endOffset) {
            boundary(totalBytes, endNanos);
        }
        if (endOffset > startOffset) {
            emit();
        }
    }

    /** Cuts the unit after the current end into the fewest equal pieces that each fit the limits, and sends them. */
    private void cut(long unitBytes, long unitNanos) {
        long pieces = Math.max(ceilDiv(unitNanos, targetNanos), ceilDiv(unitBytes, MAX_CHUNK_BYTES));
        // A piece needs a byte. At one byte a piece, time per piece is what it is: under 0.7 s for any FLAC frame
        // at the service's lowest rate (see AudioChunker), 120 ms for Opus.
        pieces = Math.min(pieces, unitBytes);
        long unitStartOffset = endOffset;
        long unitStartNanos = endNanos;
        for (long piece = 1; piece <= pieces; piece++) {
            long pieceBytes = unitBytes * piece / pieces;
            endOffset = unitStartOffset + pieceBytes;
            endNanos = unitStartNanos + Math.multiplyExact(unitNanos, pieceBytes) / unitBytes;
            emit();
        }
    }

    private void emit() {
        sink.chunk(startOffset, endOffset, startNanos, endNanos);
        startOffset = endOffset;
        startNanos = endNanos;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
