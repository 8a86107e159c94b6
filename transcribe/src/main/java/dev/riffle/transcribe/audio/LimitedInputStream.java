package dev.riffle.transcribe.audio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** At most a given number of bytes of another stream: a WAV data chunk, so that chunks after it stay unsent. */
final class LimitedInputStream extends FilterInputStream {

    private long left;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.left = limit;
    }

    @Override
    public int read() throws IOException {
        if (left == 0) {
            return -1;
        }
        int b = in.read();
        if (b >= 0) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (left == 0) {
            return length == 0 ? 0 : -1;
        }
        int read = in.read(bytes, offset, (int) Math.min(length, left));
        if (read > 0) {
            left -= read;
        }
        return read;
    }

    @Override
    public long skip(long count) throws IOException {
        long skipped = in.skip(Math.min(count, left));
        left -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), left);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
