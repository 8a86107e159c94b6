package dev.riffle.transcribe.audio;

/**
 * Finds the frame boundaries of a FLAC stream fed in pieces of any size.
 *
 * <p>A FLAC frame does not say how long it is, so a frame ends where the next frame header begins. A candidate
 * header is accepted only if everything agrees: the sync code, sane fields, its CRC-8, the rate, channels and
 * depth of STREAMINFO, the frame (or sample) number that follows the previous frame's, and the previous frame's
 * CRC-16, which covers all of its bytes. Look-alikes inside compressed audio pass the first checks now and then;
 * passing all of them by chance is not a practical concern. The cost is one frame of latency: a frame counts
 * once the next header has arrived, or when {@link #finish} says the stream is over.
 *
 * <p>Damage (a frame whose CRC-16 fails, bytes lost in transit) means no next header is ever accepted; the
 * scanner fails when a frame grows past what its header allows, so it neither buffers nor searches forever.
 */
final class FlacScanner implements ContainerScanner {

    private enum State { MAGIC, BLOCK_HEADER, STREAMINFO, SKIP_BLOCK, FRAMES, FAILED }

    private static final int STREAMINFO_TYPE = 0;
    private static final int INVALID_BLOCK_TYPE = 127;

    private State state = State.MAGIC;
    private String failure;
    private long received;

    // Metadata: the fixed-size pieces (marker, block headers, STREAMINFO) are collected here.
    private final byte[] fixed = new byte[FlacStreamInfo.LENGTH];
    private int fixedFilled;
    private boolean lastBlock;
    private boolean firstBlock = true;
    private long skipLeft;
    private FlacStreamInfo info;

    // Frames: the bytes not yet consumed, at most a header's worth, so that a candidate can be judged whole.
    private final byte[] window = new byte[2 * FlacFrameHeader.MAX_LENGTH];
    private int windowStart;
    private int windowEnd;
    private FlacFrameHeader frame;
    private long frameBytes;
    private long frameByteLimit;
    private int frameCrc;
    private long samplesDone;

    @Override
    public void feed(byte[] bytes, int offset, int length, BoundarySink sink) {
        int index = offset;
        int end = offset + length;
        while (index < end && state != State.FAILED) {
            switch (state) {
                case SKIP_BLOCK -> {
                    int skipped = (int) Math.min(skipLeft, end - index);
                    index += skipped;
                    received += skipped;
                    skipLeft -= skipped;
                    if (skipLeft == 0) {
                        endBlock(sink);
                    }
                }
                case FRAMES -> {
                    if (windowEnd == window.length) {
                        System.arraycopy(window, windowStart, window, 0, windowEnd - windowStart);
                        windowEnd -= windowStart;
                        windowStart = 0;
                    }
                    window[windowEnd++] = bytes[index++];
                    received++;
                    scanFrames(sink, false);
                }
                default -> {
                    fixed[fixedFilled++] = bytes[index++];
                    received++;
                    if (fixedFilled == fixedLength()) {
                        fixedFilled = 0;
                        onFixedPiece(sink);
                    }
                }
            }
        }
    }

    @Override
    public void finish(BoundarySink sink) {
        switch (state) {
            case FAILED -> {
            }
            case FRAMES -> {
                scanFrames(sink, true);
                if (state == State.FRAMES && frame != null) {
                    if (frameCrc == 0 && frameBytes >= frame.length() + 2) {
                        samplesDone += frame.blockSize();
                        sink.boundary(received, AudioTime.nanos(samplesDone, info.sampleRate()));
                    } else {
                        fail("the input ends inside the FLAC frame at byte " + (received - frameBytes));
                    }
                }
            }
            default -> {
                if (received > 0) {
                    fail("the input ends inside the FLAC metadata, after " + received + " bytes");
                }
            }
        }
    }

    @Override
    public StreamLayout layout() {
        return info == null ? null : new StreamLayout(info.sampleRate(), info.channels());
    }

    @Override
    public String failure() {
        return failure;
    }

    private int fixedLength() {
        return state == State.STREAMINFO ? FlacStreamInfo.LENGTH : 4;
    }

    private void onFixedPiece(BoundarySink sink) {
        switch (state) {
            case MAGIC -> {
                if (fixed[0] != 'f' || fixed[1] != 'L' || fixed[2] != 'a' || fixed[3] != 'C') {
                    fail("not a FLAC stream: no \"fLaC\" at byte 0");
                    return;
                }
                state = State.BLOCK_HEADER;
            }
            case BLOCK_HEADER -> {
                lastBlock = (fixed[0] & 0x80) != 0;
                int type = fixed[0] & 0x7F;
                long length = Bytes.bigEndian(fixed, 1, 3);
                if (type == INVALID_BLOCK_TYPE || firstBlock != (type == STREAMINFO_TYPE)
                        || type == STREAMINFO_TYPE && length < FlacStreamInfo.LENGTH) {
                    fail("FLAC metadata block of type " + type + " at byte " + (received - 4)
                            + (firstBlock ? " where STREAMINFO must be" : " is not allowed there"));
                    return;
                }
                firstBlock = false;
                if (type == STREAMINFO_TYPE) {
                    skipLeft = length - FlacStreamInfo.LENGTH;
                    state = State.STREAMINFO;
                } else {
                    skipLeft = length;
                    state = State.SKIP_BLOCK;
                    if (skipLeft == 0) {
                        endBlock(sink);
                    }
                }
            }
            case STREAMINFO -> {
                info = FlacStreamInfo.parse(fixed, 0);
                if (info.sampleRate() == 0) {
                    fail("FLAC STREAMINFO at byte " + (received - FlacStreamInfo.LENGTH) + " gives a sample rate of 0");
                    return;
                }
                state = State.SKIP_BLOCK;
                if (skipLeft == 0) {
                    endBlock(sink);
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** A metadata block is over: a zero-time boundary, so that a reader need not hold all metadata at once. */
    private void endBlock(BoundarySink sink) {
        sink.boundary(received, 0);
        state = lastBlock ? State.FRAMES : State.BLOCK_HEADER;
    }

    /**
     * Consumes the window up to a candidate header that needs more bytes to be judged (or all of it). Each
     * consumed byte extends the current frame's CRC-16; a confirmed header ends the frame.
     */
    private void scanFrames(BoundarySink sink, boolean atEnd) {
        while (windowStart < windowEnd) {
            long headOffset = received - (windowEnd - windowStart);
            if (window[windowStart] == (byte) 0xFF) {
                FlacFrameHeader candidate = FlacFrameHeader.parse(window, windowStart, windowEnd - windowStart);
                if (candidate == FlacFrameHeader.INCOMPLETE && !atEnd) {
                    return;
                }
                if (candidate != null && candidate != FlacFrameHeader.INCOMPLETE && startsNextFrame(candidate)) {
                    startFrame(candidate, headOffset, sink);
                }
            }
            if (frame == null) {
                fail("no FLAC frame header where the metadata ends, at byte " + headOffset);
                return;
            }
            frameCrc = Checksums.crc16(frameCrc, window[windowStart++]);
            if (++frameBytes > frameByteLimit) {
                fail("no FLAC frame boundary within " + frameByteLimit + " bytes of the frame at byte "
                        + (headOffset + 1 - frameBytes) + " (damaged or cut data)");
                return;
            }
        }
    }

    private boolean startsNextFrame(FlacFrameHeader candidate) {
        boolean matchesStream = (candidate.sampleRate() == 0 || candidate.sampleRate() == info.sampleRate())
                && candidate.channels() == info.channels()
                && (candidate.bitsPerSample() == 0 || candidate.bitsPerSample() == info.bitsPerSample())
                && (info.maxBlockSize() < 16 || candidate.blockSize() <= info.maxBlockSize());
        if (!matchesStream || frame == null) {
            return matchesStream;
        }
        long expectedNumber = frame.variableBlockSize() ? frame.number() + frame.blockSize() : frame.number() + 1;
        return candidate.variableBlockSize() == frame.variableBlockSize()
                && candidate.number() == expectedNumber
                && frameCrc == 0
                && frameBytes >= frame.length() + 2;
    }

    private void startFrame(FlacFrameHeader header, long offset, BoundarySink sink) {
        if (frame != null) {
            samplesDone += frame.blockSize();
            sink.boundary(offset, AudioTime.nanos(samplesDone, info.sampleRate()));
        }
        frame = header;
        frameBytes = 0;
        frameCrc = 0;
        frameByteLimit = byteLimit(header);
    }

    /**
     * Twice the size of the frame stored verbatim (plus the side channel's extra bit and headers): sane
     * encoders never exceed the verbatim size, so a frame that does is damaged.
     */
    private long byteLimit(FlacFrameHeader header) {
        int bits = header.bitsPerSample() != 0 ? header.bitsPerSample() : info.bitsPerSample();
        long bytesPerChannel = 8 + (header.blockSize() * (long) (bits + 1) + 7) / 8;
        long verbatim = FlacFrameHeader.MAX_LENGTH + 2 + info.channels() * bytesPerChannel;
        return 2 * verbatim + 1024;
    }

    private void fail(String reason) {
        failure = reason;
        state = State.FAILED;
    }
}
