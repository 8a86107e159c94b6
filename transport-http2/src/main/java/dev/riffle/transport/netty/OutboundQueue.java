package dev.riffle.transport.netty;

import dev.riffle.eventstream.EventStreamConstants;
import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.sigv4.EventSigner;
import dev.riffle.transport.TransportException;
import dev.riffle.transport.TransportException.Kind;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The messages a stream has accepted and not yet written, shared by riffle's transports: a bound on their bytes
 * (a send past it fails at once with {@code SEND_QUEUE_FULL} instead of buffering without limit), the end-of-input
 * marker that keeps the end after every earlier send, and failing what is left when the stream closes.
 *
 * <p>Messages wait here unsigned; a transport signs each one only when it writes it (see {@link SignedFrames}).
 * {@link #offer} and {@link #closeInput} may be called from any thread; everything else only on the stream's event
 * loop.
 */
public final class OutboundQueue {

    /** A message waiting: pre-encoded ({@code headers} null) or headers and payload to encode when written. */
    public record Pending(HeaderBlock headers, ByteBuffer body, int length, CompletableFuture<Void> future) {
        /** Whether this is the end-of-input marker. */
        public boolean isEnd() {
            return this == END;
        }
    }

    /** The largest message that still fits, signed, in one event-stream message (24 MiB with the envelope). */
    static final int MAX_MESSAGE_LENGTH = EventStreamConstants.DEFAULT_MAX_MESSAGE_LENGTH
            - EventSigner.ENVELOPE_OVERHEAD;

    private static final Pending END = new Pending(null, ByteBuffer.allocate(0), 0, new CompletableFuture<>());

    private final int maxPendingBytes;
    private final AtomicLong pendingBytes = new AtomicLong();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private volatile String closedReason;
    private volatile boolean inputEnded;
    private boolean endQueued;

    /** A queue that holds at most {@code maxPendingBytes} of encoded messages. */
    public OutboundQueue(int maxPendingBytes) {
        this.maxPendingBytes = maxPendingBytes;
    }

    /** Accepts a pre-encoded message; see {@link #offer(HeaderBlock, ByteBuffer, int, Executor, Consumer)}. */
    public CompletableFuture<Void> offer(ByteBuffer message, Executor loop, Consumer<Pending> enqueue) {
        return offer(null, message, message.remaining(), loop, enqueue);
    }

    /** Accepts headers and payload, to be encoded when written. */
    public CompletableFuture<Void> offer(HeaderBlock headers, ByteBuffer payload, Executor loop,
                                         Consumer<Pending> enqueue) {
        // Measured without MessageEncoder.encodedLength, which throws over 24 MiB: too large a message is the
        // returned stage's failure, as for a pre-encoded one, not an exception on the caller's thread.
        long length = (long) EventStreamConstants.MIN_MESSAGE_LENGTH + headers.length() + payload.remaining();
        return offer(headers, payload, (int) Math.min(length, Integer.MAX_VALUE), loop, enqueue);
    }

    /**
     * Admits a message if the stream takes input and the bound allows, then hands it to {@code enqueue} on
     * {@code loop}.
     */
    private CompletableFuture<Void> offer(HeaderBlock headers, ByteBuffer body, int length, Executor loop,
                                          Consumer<Pending> enqueue) {
        if (length > MAX_MESSAGE_LENGTH) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a message of " + length
                    + " bytes cannot be sent: signed, it would be over the event-stream limit of "
                    + EventStreamConstants.DEFAULT_MAX_MESSAGE_LENGTH + " bytes"));
        }
        if (closedReason != null || inputEnded) {
            return CompletableFuture.failedFuture(new TransportException(Kind.STREAM_CLOSED,
                    closedReason != null ? closedReason : "the input has already ended"));
        }
        if (pendingBytes.addAndGet(length) > maxPendingBytes) {
            pendingBytes.addAndGet(-length);
            return CompletableFuture.failedFuture(new TransportException(Kind.SEND_QUEUE_FULL, "more than "
                    + maxPendingBytes + " bytes are waiting to be sent; wait for earlier sends to complete before "
                    + "sending more"));
        }
        Pending pending = new Pending(headers, body, length, new CompletableFuture<>());
        try {
            loop.execute(() -> enqueue.accept(pending));
        } catch (RejectedExecutionException e) { // the transport's own group has shut down
            refuse(pending, "the transport is closed");
        }
        return pending.future;
    }

    /** Marks the end of input: later offers fail. Any thread. */
    public void closeInput() {
        inputEnded = true;
    }

    /** Queues a message (event loop), or refuses it with the reason the queue was closed for. */
    public void add(Pending pending) {
        if (closedReason != null) { // admitted before the close, handed over after it
            refuse(pending, closedReason);
            return;
        }
        queue.add(pending);
    }

    /** Queues the end-of-input marker once (event loop); returns false if it was already queued. */
    public boolean addEnd() {
        if (endQueued) {
            return false;
        }
        endQueued = true;
        queue.add(END);
        return true;
    }

    /** Whether the end of input has been queued (nothing may be offered after it). */
    public boolean endQueued() {
        return endQueued;
    }

    /** Whether nothing waits to be written. */
    public boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * The next message to write, or null if none waits; the caller (the event loop that drains the queue) owns it
     * until it settles it.
     */
    public Pending poll() {
        return queue.poll();
    }

    /** Settles a message whose write completed (event loop or I/O callback). */
    public void written(Pending pending, Throwable failure) {
        pendingBytes.addAndGet(-pending.length());
        if (failure == null) {
            pending.future().complete(null);
        } else {
            pending.future().completeExceptionally(new TransportException(Kind.CONNECTION_CLOSED,
                    "the message could not be written: " + failure.getMessage(), failure));
        }
    }

    /** Refuses a message that cannot be queued any more. */
    public void refuse(Pending pending, String reason) {
        pendingBytes.addAndGet(-pending.length());
        pending.future().completeExceptionally(new TransportException(Kind.STREAM_CLOSED, reason));
    }

    /** The stream closed: later offers fail with {@code reason}, and every queued message fails now. */
    public void close(String reason) {
        closedReason = reason;
        inputEnded = true;
        for (Pending pending; (pending = queue.poll()) != null; ) {
            if (!pending.isEnd()) {
                refuse(pending, reason);
            }
        }
    }
}
