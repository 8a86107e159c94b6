package dev.riffle.sigv4.credentials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads a child process's output stream to its end on a daemon thread, keeping only the first {@code limit} bytes.
 *
 * <p>The stream is always drained, even past the limit: a child blocked on a full pipe would never exit. The
 * thread is a daemon so that a stream a stray grandchild keeps open cannot keep the JVM alive.
 */
final class StreamCapture {

    private final int limit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final CountDownLatch ended = new CountDownLatch(1);
    private boolean overflowed;

    private StreamCapture(int limit) {
        this.limit = limit;
    }

    /** Starts draining {@code stream} on a daemon thread called {@code threadName}. */
    static StreamCapture start(InputStream stream, int limit, String threadName) {
        StreamCapture capture = new StreamCapture(limit);
        Thread reader = new Thread(() -> capture.drain(stream), threadName);
        reader.setDaemon(true);
        reader.start();
        return capture;
    }

    /** Waits up to {@code timeout} for the end of the stream; whether it came. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** The bytes kept so far: at most {@code limit}. */
    synchronized byte[] bytes() {
        return head.toByteArray();
    }

    /** Whether the stream had more than {@code limit} bytes so far. */
    synchronized boolean overflowed() {
        return overflowed;
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                keep(buffer, read);
            }
        } catch (IOException e) {
            // The stream closed under us because the process was stopped: what was read is all there is.
        } finally {
            ended.countDown();
        }
    }

    private synchronized void keep(byte[] buffer, int length) {
        int room = limit - head.size();
        head.write(buffer, 0, Math.min(room, length));
        if (length > room) {
            overflowed = true;
        }
    }
}
