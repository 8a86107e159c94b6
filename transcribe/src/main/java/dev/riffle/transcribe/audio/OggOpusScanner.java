package dev.riffle.transcribe.audio;

/**
 * Finds the ends of the pages of an Ogg Opus stream fed in pieces of any size, with the audio time each page
 * completes.
 *
 * <p>An Ogg page (RFC 3533) says how long it is, so its end is known as soon as its header and segment table
 * are in. Its granule position is the number of 48 kHz samples decoded once every packet finished on the page
 * has been decoded; the audio time is that number less the stream's pre-skip (RFC 7845, section 4.2), never
 * below 0. A page on which no packet finishes has granule position -1 and adds no time: its bytes count
 * towards the next page that does.
 *
 * <p>Each page is checked against its CRC-32, and the granule position may neither go back nor jump further
 * than the longest Opus packets (120 ms each) could take it, so a damaged page fails the scanner instead of
 * making time leap. Pages of other logical streams in the same container are stepped over.
 */
final class OggOpusScanner implements ContainerScanner {

    /** Opus granule positions count samples at 48 kHz, whatever the input rate was. */
    static final int GRANULE_RATE = 48_000;

    private static final int HEADER_LENGTH = 27;
    private static final int CRC_OFFSET = 22;
    private static final int BOS_FLAG = 0x02;
    private static final int MAX_SAMPLES_PER_PACKET = 5_760;
    private static final int KEPT_BODY_BYTES = 64;

    private final byte[] header = new byte[HEADER_LENGTH + 255];
    private int headerFilled;
    private int headerLength = HEADER_LENGTH;
    private final byte[] bodyStart = new byte[KEPT_BODY_BYTES];
    private boolean inBody;
    private int bodyLength;
    private int bodyRead;
    private int crc;
    private long pageOffset;
    private long received;

    private OpusHead opusHead;
    private long opusSerial;
    private long lastGranule;
    private String failure;

    @Override
    public void feed(byte[] bytes, int offset, int length, BoundarySink sink) {
        int index = offset;
        int end = offset + length;
        while (index < end && failure == null) {
            if (!inBody) {
                header[headerFilled++] = bytes[index++];
                received++;
                if (headerFilled == HEADER_LENGTH) {
                    checkCapturePattern();
                    headerLength = HEADER_LENGTH + (header[HEADER_LENGTH - 1] & 0xFF);
                }
                if (headerFilled == headerLength && failure == null) {
                    startBody(sink);
                }
            } else {
                int count = Math.min(bodyLength - bodyRead, end - index);
                for (int i = 0; i < count; i++) {
                    byte b = bytes[index + i];
                    crc = Checksums.crc32(crc, b);
                    if (bodyRead + i < KEPT_BODY_BYTES) {
                        bodyStart[bodyRead + i] = b;
                    }
                }
                index += count;
                bodyRead += count;
                received += count;
                if (bodyRead == bodyLength) {
                    endPage(sink);
                }
            }
        }
    }

    @Override
    public void finish(BoundarySink sink) {
        if (failure == null && (inBody || headerFilled > 0)) {
            failure = "the input ends inside the Ogg page at byte " + pageOffset;
        }
    }

    @Override
    public StreamLayout layout() {
        if (opusHead == null) {
            return null;
        }
        return new StreamLayout((int) Math.min(opusHead.inputSampleRate(), Integer.MAX_VALUE), opusHead.channels());
    }

    @Override
    public String failure() {
        return failure;
    }

    private void checkCapturePattern() {
        if (header[0] != 'O' || header[1] != 'g' || header[2] != 'g' || header[3] != 'S') {
            failure = "no Ogg page at byte " + pageOffset + " (\"OggS\" expected)";
        } else if (header[4] != 0) {
            failure = "Ogg page at byte " + pageOffset + " has unknown version " + (header[4] & 0xFF);
        }
    }

    private void startBody(BoundarySink sink) {
        crc = 0;
        for (int i = 0; i < headerLength; i++) {
            // The CRC is computed with its own field taken as zero.
            crc = Checksums.crc32(crc, i >= CRC_OFFSET && i < CRC_OFFSET + 4 ? 0 : header[i]);
        }
        bodyLength = 0;
        for (int i = HEADER_LENGTH; i < headerLength; i++) {
            bodyLength += header[i] & 0xFF;
        }
        bodyRead = 0;
        inBody = true;
        if (bodyLength == 0) {
            endPage(sink);
        }
    }

    private void endPage(BoundarySink sink) {
        if (crc != (int) Bytes.littleEndian(header, CRC_OFFSET, 4)) {
            failure = "Ogg page at byte " + pageOffset + " fails its CRC-32";
            return;
        }
        long granule = Bytes.littleEndian(header, 6, 8);
        long serial = Bytes.littleEndian(header, 14, 4);
        if (opusHead == null) {
            opusHead = (header[5] & BOS_FLAG) == 0 ? null
                    : OpusHead.parse(bodyStart, 0, Math.min(bodyLength, KEPT_BODY_BYTES));
            if (opusHead == null) {
                failure = "the first Ogg page, at byte " + pageOffset + ", does not start an Opus stream (no OpusHead)";
                return;
            }
            opusSerial = serial;
            sink.boundary(received, 0);
        } else if (serial == opusSerial && granule != -1) {
            if (!checkGranule(granule)) {
                return;
            }
            lastGranule = granule;
            long samples = Math.max(0, granule - opusHead.preSkip());
            sink.boundary(received, AudioTime.nanos(samples, GRANULE_RATE));
        }
        inBody = false;
        headerFilled = 0;
        headerLength = HEADER_LENGTH;
        pageOffset = received;
    }

    private boolean checkGranule(long granule) {
        int packetsEnded = 0;
        for (int i = HEADER_LENGTH; i < headerLength; i++) {
            if ((header[i] & 0xFF) < 255) {
                packetsEnded++;
            }
        }
        if (granule < lastGranule) {
            failure = "Ogg page at byte " + pageOffset + " moves the granule position back, from " + lastGranule
                    + " to " + granule;
        } else if (granule - lastGranule > (long) packetsEnded * MAX_SAMPLES_PER_PACKET) {
            failure = "Ogg page at byte " + pageOffset + " claims " + (granule - lastGranule) / 48
                    + " ms of audio for " + packetsEnded + " packets";
        }
        return failure == null;
    }
}
