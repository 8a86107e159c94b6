package dev.riffle.transport.netty;

import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.sigv4.EventSigner;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/**
 * Turns a queued message into the bytes a transport writes, signing it now (when it is written, not when it was
 * queued). Ownership: the returned buffer belongs to the caller, who writes (and so releases) it.
 */
public final class SignedFrames {

    /** Bytes of an envelope before its inner message: prelude and the two signature headers. */
    static final int HEAD_LENGTH = EventSigner.ENVELOPE_OVERHEAD - 4;

    private SignedFrames() {
    }

    /**
     * The message wrapped in a signed envelope. A pre-encoded message becomes one piece of a composite (no copy on
     * riffle's side); headers and payload are encoded straight into the envelope's pooled buffer, so the payload is
     * copied once, into memory that goes to the socket as it is.
     */
    public static ByteBuf signed(ByteBufAllocator alloc, EventSigner signer, MessageEncoder encoder,
                                 OutboundQueue.Pending pending) {
        if (pending.headers() == null) {
            ByteBuf head = alloc.buffer(HEAD_LENGTH);
            int crc = signer.signHead(pending.body(), head.internalNioBuffer(0, HEAD_LENGTH));
            head.writerIndex(HEAD_LENGTH);
            ByteBuf trailer = alloc.buffer(4).writeInt(crc);
            return alloc.compositeBuffer(3)
                    .addComponents(true, head, Unpooled.wrappedBuffer(pending.body().duplicate()), trailer);
        }
        int total = EventSigner.envelopeLength(pending.length());
        ByteBuf frame = alloc.buffer(total);
        // Its own slice: internalNioBuffer() hands out one cached object, which the head view below reuses.
        ByteBuffer inner = frame.nioBuffer(HEAD_LENGTH, pending.length());
        encoder.encode(pending.headers(), pending.body(), inner);
        inner.flip();
        int crc = signer.signHead(inner, frame.internalNioBuffer(0, HEAD_LENGTH));
        return frame.setInt(total - 4, crc).writerIndex(total);
    }

    /** The message as it is, unsigned (a WebSocket option). */
    public static ByteBuf unsigned(ByteBufAllocator alloc, MessageEncoder encoder, OutboundQueue.Pending pending) {
        if (pending.headers() == null) {
            return Unpooled.wrappedBuffer(pending.body().duplicate());
        }
        ByteBuf frame = alloc.buffer(pending.length());
        encoder.encode(pending.headers(), pending.body(), frame.internalNioBuffer(0, pending.length()));
        return frame.writerIndex(pending.length());
    }

    /** The signed end-of-stream envelope (empty payload), {@link EventSigner#ENVELOPE_OVERHEAD} bytes. */
    public static ByteBuf signedEnd(ByteBufAllocator alloc, EventSigner signer) {
        ByteBuf end = alloc.buffer(EventSigner.ENVELOPE_OVERHEAD);
        signer.signEnd(end.internalNioBuffer(0, EventSigner.ENVELOPE_OVERHEAD));
        return end.writerIndex(EventSigner.ENVELOPE_OVERHEAD);
    }
}
