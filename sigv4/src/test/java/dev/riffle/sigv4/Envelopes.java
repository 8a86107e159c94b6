package dev.riffle.sigv4;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.eventstream.MessageDecoder;
import dev.riffle.eventstream.MessageEncoder;
import dev.riffle.eventstream.MessageView;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds inner audio events and runs envelopes through a decoder, for signer and verifier tests. */
final class Envelopes {

    private Envelopes() {
    }

    /** An encoded AudioEvent carrying {@code audio}. */
    static ByteBuffer audioEvent(byte[] audio) {
        HeaderBlock headers = new HeaderBlock().addString(":message-type", "event")
                .addString(":event-type", "AudioEvent").addString(":content-type", "application/octet-stream");
        ByteBuffer out = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), audio.length));
        new MessageEncoder().encode(headers, ByteBuffer.wrap(audio), out);
        return out.flip();
    }

    /** Signs each of {@code audio} then the end frame; returns the envelopes. */
    static List<byte[]> signAll(EventSigner signer, List<byte[]> audio, TestClock clock, java.time.Duration step) {
        List<byte[]> out = new ArrayList<>();
        for (byte[] chunk : audio) {
            ByteBuffer inner = audioEvent(chunk);
            ByteBuffer envelope = ByteBuffer.allocate(EventSigner.envelopeLength(inner.remaining()));
            signer.sign(inner, envelope);
            out.add(envelope.array());
            clock.advance(step);
        }
        ByteBuffer end = ByteBuffer.allocate(EventSigner.ENVELOPE_OVERHEAD);
        signer.signEnd(end);
        out.add(end.array());
        return out;
    }

    /** Decodes one envelope and hands its view to {@code check}. */
    static void withView(byte[] envelope, Consumer<MessageView> check) {
        MessageDecoder decoder = new MessageDecoder();
        decoder.feed(ByteBuffer.wrap(envelope), check::accept);
        decoder.endOfInput();
    }

    /** An envelope built by hand with the given headers and payload (for malformed or reordered envelopes). */
    static byte[] envelope(HeaderBlock headers, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(MessageEncoder.encodedLength(headers.length(), payload.length));
        new MessageEncoder().encode(headers, ByteBuffer.wrap(payload), out);
        return out.array();
    }
}
