package dev.riffle.eventstream;

import static dev.riffle.eventstream.EventStreamConstants.MESSAGE_CRC_LENGTH;
import static dev.riffle.eventstream.EventStreamConstants.MIN_MESSAGE_LENGTH;
import static dev.riffle.eventstream.EventStreamConstants.PRELUDE_CHECKSUMMED_LENGTH;
import static dev.riffle.eventstream.EventStreamConstants.PRELUDE_LENGTH;

import dev.riffle.eventstream.EventStreamException.Reason;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Incremental decoder of an event stream: feed it bytes split anywhere (one byte at a time, a message and a half,
 * many messages at once) and it hands each complete, validated message to a {@link MessageListener}.
 *
 * <h2>Zero copy</h2>
 * A message that lies whole inside the buffer given to {@link #feed} is handed out as a {@link MessageView} over
 * that buffer: nothing is copied. Only a message that straddles two feeds is assembled in the decoder's own
 * buffer (one copy of that message; unavoidable without holding on to the caller's buffers). The assembly buffer
 * grows with the bytes that arrive, never ahead of them on the strength of a length, and is released after a
 * message larger than 64 KiB, so one large event does not pin memory for the rest of the stream.
 *
 * <h2>Validation, in this order</h2>
 * <ol>
 * <li>prelude CRC, before any length is trusted;</li>
 * <li>{@code total_length >= 16} and within {@link Builder#maxMessageLength}; {@code headers_length <=
 * total_length - 16} and within {@link Builder#maxHeadersLength}. Nothing is allocated or waited for on the
 * strength of a length until it has passed these checks;</li>
 * <li>message CRC;</li>
 * <li>header structure, see {@link HeaderScanner}.</li>
 * </ol>
 * Any failure throws {@link EventStreamException} and leaves the decoder failed: every later call throws the same
 * exception, so a caller cannot loop on bad input.
 *
 * <h2>Policies where implementations disagree</h2>
 * Duplicate header names are rejected ({@link Reason#DUPLICATE_HEADER}), as the spec requires, botocore and
 * smithy-python do. Empty string and byte-array values are accepted, as the CRT, Go, Rust and botocore do
 * (aws-eventstream-java refuses them). String and byte-array values over 32,767 bytes are rejected (spec grammar,
 * Java, CRT). The payload has no cap of its own: the whole message is capped, by default at 24 MiB, like the CRT.
 *
 * <p>Not thread-safe: one decoder per stream.
 */
public final class MessageDecoder {

    /** Assembly buffers above this size are dropped once their message has been delivered. */
    private static final int RETAINED_ASSEMBLY_CAPACITY = 64 * 1024;
    private static final int INITIAL_ASSEMBLY_CAPACITY = 8 * 1024;

    private final int maxMessageLength;
    private final int maxHeadersLength;
    private final CRC32 crc = new CRC32();
    private final MessageView view = new MessageView();
    private final HeaderScanner scanner;

    /** Holds the start of a message that straddles feeds; null until needed. */
    private ByteBuffer assembly;
    /** Bytes of the current message held in {@link #assembly}. */
    private int assembled;
    /** {@code total_length} of the assembled message once its prelude has been verified, else 0. */
    private int assemblingTotal;
    /** Stream offset of the first byte of the next message to be delivered. */
    private long messageOffset;
    private EventStreamException failure;
    /** True while {@link #feed} runs, listener included: the decoder is not re-entrant. */
    private boolean feeding;

    /** A decoder with the default limits. */
    public MessageDecoder() {
        this(builder());
    }

    private MessageDecoder(Builder builder) {
        this.maxMessageLength = builder.maxMessageLength;
        this.maxHeadersLength = builder.maxHeadersLength;
        this.scanner = new HeaderScanner(builder.maxHeaderCount);
    }

    /** A builder for a decoder with non-default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decodes as much of {@code input} as possible, calling {@code listener} for each complete message.
     *
     * <p>Ownership: {@code input} stays the caller's. Its position is advanced to its limit (every byte is
     * consumed: complete messages are delivered, the tail of a partial one is kept by the decoder). Views given to
     * the listener may point into {@code input}, so the caller must not modify it while the listener runs. If the
     * listener throws, the exception propagates; the message it was given counts as consumed.
     *
     * @throws EventStreamException if the input is malformed or over a limit; the decoder is then failed
     * @throws IllegalStateException if called from inside the listener
     */
    public void feed(ByteBuffer input, MessageListener listener) {
        checkUsable();
        feeding = true;
        try {
            if (assembled > 0 && !assemble(input, listener)) {
                return;
            }
            while (input.hasRemaining()) {
                if (!decodeInPlace(input, listener)) {
                    assemble(input, listener);
                    return;
                }
            }
        } finally {
            feeding = false;
        }
    }

    /**
     * Declares the end of the input.
     *
     * @throws EventStreamException with {@link Reason#TRUNCATED_INPUT} if a message was left incomplete
     */
    public void endOfInput() {
        checkUsable();
        if (assembled > 0) {
            throw failed(EventStreamException.of(Reason.TRUNCATED_INPUT, messageOffset + assembled,
                    "input ended " + assembled + " bytes into a message"
                            + (assemblingTotal > 0 ? " of " + assemblingTotal + " bytes" : "")));
        }
    }

    /** Whether bytes of an incomplete message are waiting for more input. */
    public boolean hasPartialMessage() {
        return assembled > 0;
    }

    /** Whether a decoding error has made this decoder unusable. */
    public boolean isFailed() {
        return failure != null;
    }

    /** The number of bytes of complete messages delivered so far. */
    public long bytesDecoded() {
        return messageOffset;
    }

    /** Makes {@code e} the sticky failure of this decoder and returns it for throwing. */
    private EventStreamException failed(EventStreamException e) {
        failure = e;
        return e;
    }

    private void checkUsable() {
        if (failure != null) {
            throw failure;
        }
        if (feeding) {
            throw new IllegalStateException("MessageDecoder is not re-entrant: feed() called from its listener");
        }
    }

    /**
     * Delivers one message lying whole in {@code input} at its position.
     *
     * @return false, consuming nothing, if the message is not complete in {@code input}; if its prelude was
     *     there, {@link #assemblingTotal} then holds the verified length
     */
    private boolean decodeInPlace(ByteBuffer input, MessageListener listener) {
        int start = input.position();
        int available = input.remaining();
        if (available < PRELUDE_LENGTH) {
            return false;
        }
        int total = verifyPrelude(input, start, messageOffset - start);
        if (available < total) {
            assemblingTotal = total;
            return false;
        }
        input.position(start + total);
        deliver(input, start, total, messageOffset - start, listener);
        return true;
    }

    /**
     * Moves {@code input} into the assembly buffer until the current message is complete, then delivers it.
     *
     * @return true if a message was delivered (the input may hold more), false if all input was absorbed
     */
    private boolean assemble(ByteBuffer input, MessageListener listener) {
        if (assemblingTotal == 0) {
            ensureAssemblyCapacity(PRELUDE_LENGTH);
            copyIntoAssembly(input, PRELUDE_LENGTH);
            if (assembled < PRELUDE_LENGTH) {
                return false;
            }
            assemblingTotal = verifyPrelude(assembly, 0, messageOffset);
        }
        ensureAssemblyCapacity(Math.min(assemblingTotal, assembled + input.remaining()));
        copyIntoAssembly(input, assemblingTotal);
        if (assembled < assemblingTotal) {
            return false;
        }
        int total = assemblingTotal;
        assembled = 0;
        assemblingTotal = 0;
        deliver(assembly, 0, total, messageOffset, listener);
        if (assembly.capacity() > RETAINED_ASSEMBLY_CAPACITY) {
            assembly = null;
        }
        return true;
    }

    private void copyIntoAssembly(ByteBuffer input, int upTo) {
        int n = Math.min(upTo - assembled, input.remaining());
        assembly.put(assembled, input, input.position(), n);
        input.position(input.position() + n);
        assembled += n;
    }

    /**
     * Makes room for {@code needed} bytes of the message being assembled: the bytes that have arrived, not the
     * {@code total_length} the prelude announces. A prelude's CRC proves it arrived intact, not that the rest will
     * follow, so 12 bytes announcing 24 MiB must not make the decoder hold 24 MiB. The buffer at least doubles
     * when it grows (capped at the message's length), so a large message costs O(log n) copies, and memory
     * stays within twice what the peer actually sent.
     */
    private void ensureAssemblyCapacity(int needed) {
        if (assembly == null) {
            assembly = ByteBuffer.allocate(Math.max(needed, INITIAL_ASSEMBLY_CAPACITY));
        } else if (assembly.capacity() < needed) {
            long doubled = 2L * assembly.capacity();
            int limit = Math.max(assemblingTotal, needed);
            ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(Math.max(needed, doubled), limit));
            bigger.put(0, assembly, 0, assembled);
            assembly = bigger;
        }
    }

    /**
     * Steps 1 and 2: checks the prelude at {@code b[start]} and returns {@code total_length}. Leaves {@link #crc}
     * holding the CRC of the first 8 bytes, which the message CRC continues from.
     *
     * @param streamBase stream offset of absolute index 0 of {@code b}
     */
    private int verifyPrelude(ByteBuffer b, int start, long streamBase) {
        crc.reset();
        Bytes.updateCrc(crc, b, start, start + PRELUDE_CHECKSUMMED_LENGTH);
        int expected = Bytes.getInt(b, start + PRELUDE_CHECKSUMMED_LENGTH);
        int computed = (int) crc.getValue();
        if (expected != computed) {
            throw failed(EventStreamException.checksum(Reason.PRELUDE_CHECKSUM_MISMATCH,
                    streamBase + start + PRELUDE_CHECKSUMMED_LENGTH, expected, computed));
        }
        long total = Integer.toUnsignedLong(Bytes.getInt(b, start));
        long headers = Integer.toUnsignedLong(Bytes.getInt(b, start + 4));
        if (total < MIN_MESSAGE_LENGTH) {
            throw failed(EventStreamException.of(Reason.LENGTH_OUT_OF_RANGE, streamBase + start,
                    "total_length " + total + " is below the minimum of " + MIN_MESSAGE_LENGTH));
        }
        if (total > maxMessageLength) {
            throw failed(EventStreamException.of(Reason.LIMIT_EXCEEDED, streamBase + start,
                    "total_length " + total + " exceeds the limit of " + maxMessageLength));
        }
        if (headers > total - MIN_MESSAGE_LENGTH) {
            throw failed(EventStreamException.of(Reason.HEADERS_LENGTH_MISMATCH, streamBase + start + 4,
                    "headers_length " + headers + " exceeds total_length " + total + " - 16"));
        }
        if (headers > maxHeadersLength) {
            throw failed(EventStreamException.of(Reason.LIMIT_EXCEEDED, streamBase + start + 4,
                    "headers_length " + headers + " exceeds the limit of " + maxHeadersLength));
        }
        return (int) total;
    }

    /** Steps 3 and 4, then the listener. {@link #crc} holds the CRC of the first 8 bytes. */
    private void deliver(ByteBuffer b, int start, int total, long streamBase, MessageListener listener) {
        int crcIndex = start + total - MESSAGE_CRC_LENGTH;
        Bytes.updateCrc(crc, b, start + PRELUDE_CHECKSUMMED_LENGTH, crcIndex);
        int expected = Bytes.getInt(b, crcIndex);
        int computed = (int) crc.getValue();
        if (expected != computed) {
            throw failed(EventStreamException.checksum(Reason.MESSAGE_CHECKSUM_MISMATCH, streamBase + crcIndex,
                    expected, computed));
        }
        int headersLength = Bytes.getInt(b, start + 4);
        view.reset(b, start, total, headersLength, Bytes.getInt(b, start + PRELUDE_CHECKSUMMED_LENGTH), expected,
                messageOffset);
        int headersStart = start + PRELUDE_LENGTH;
        try {
            scanner.scan(b, headersStart, headersStart + headersLength, view, streamBase);
        } catch (EventStreamException e) {
            throw failed(e);
        }
        messageOffset += total;
        listener.onMessage(view);
    }

    /** Limits for a {@link MessageDecoder}. */
    public static final class Builder {
        private int maxMessageLength = EventStreamConstants.DEFAULT_MAX_MESSAGE_LENGTH;
        private int maxHeadersLength = EventStreamConstants.DEFAULT_MAX_HEADERS_LENGTH;
        private int maxHeaderCount = EventStreamConstants.DEFAULT_MAX_HEADER_COUNT;

        private Builder() {
        }

        /** Cap on {@code total_length}, 16 bytes to 2 GiB - 1; default 24 MiB. */
        public Builder maxMessageLength(int bytes) {
            if (bytes < MIN_MESSAGE_LENGTH) {
                throw new IllegalArgumentException("maxMessageLength must be at least " + MIN_MESSAGE_LENGTH);
            }
            this.maxMessageLength = bytes;
            return this;
        }

        /** Cap on {@code headers_length}; default 128 KiB. */
        public Builder maxHeadersLength(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxHeadersLength must not be negative");
            }
            this.maxHeadersLength = bytes;
            return this;
        }

        /** Cap on the number of headers in one message, 1 to 65,536; default 1,024. */
        public Builder maxHeaderCount(int count) {
            if (count < 1 || count > 65_536) {
                throw new IllegalArgumentException("maxHeaderCount must be 1 to 65536");
            }
            this.maxHeaderCount = count;
            return this;
        }

        /** A new decoder with these limits. */
        public MessageDecoder build() {
            return new MessageDecoder(this);
        }
    }
}
