package dev.riffle.emulator;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.transcribe.model.ExceptionPayloadJson;
import dev.riffle.transcribe.model.TranscriptEvent;
import dev.riffle.transcribe.model.TranscriptEventJson;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;

/**
 * The messages the service sends in a response stream (spec 3.4, 3.5), encoded into pooled buffers: events
 * ({@code :message-type event}), modeled exceptions ({@code exception}, JSON {@code Message}) and generic errors
 * ({@code error}, {@code :error-code} and {@code :error-message}, empty payload).
 *
 * <p>Ownership: each method returns a buffer the caller must write (which releases it) or release.
 */
final class ServiceMessages {

    private static final HeaderBlock TRANSCRIPT_EVENT = new HeaderBlock()
            .addString(":message-type", "event").addString(":event-type", "TranscriptEvent")
            .addString(":content-type", "application/json");

    private ServiceMessages() {
    }

    static ByteBuf transcriptEvent(ByteBufAllocator alloc, MessageEncoder encoder, TranscriptEvent event) {
        return encode(alloc, encoder, TRANSCRIPT_EVENT, TranscriptEventJson.toBytes(event));
    }

    static ByteBuf exception(ByteBufAllocator alloc, MessageEncoder encoder, String type, String message) {
        HeaderBlock headers = new HeaderBlock().addString(":message-type", "exception")
                .addString(":exception-type", type).addString(":content-type", "application/json");
        return encode(alloc, encoder, headers, ExceptionPayloadJson.toBytes(message));
    }

    static ByteBuf error(ByteBufAllocator alloc, MessageEncoder encoder, String code, String message) {
        HeaderBlock headers = new HeaderBlock().addString(":message-type", "error").addString(":error-code", code)
                .addString(":error-message", message);
        return encode(alloc, encoder, headers, new byte[0]);
    }

    private static ByteBuf encode(ByteBufAllocator alloc, MessageEncoder encoder, HeaderBlock headers,
                                  byte[] payload) {
        int length = MessageEncoder.encodedLength(headers.length(), payload.length);
        ByteBuf out = alloc.buffer(length);
        ByteBuffer view = out.internalNioBuffer(0, length);
        encoder.encode(headers, ByteBuffer.wrap(payload), view);
        return out.writerIndex(length);
    }
}
