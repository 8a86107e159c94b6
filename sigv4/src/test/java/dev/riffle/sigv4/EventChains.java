package dev.riffle.sigv4;

import dev.riffle.eventstream.MessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;

/** Runs signed envelopes through riffle's decoder and a chain verifier, as a server would receive them. */
final class EventChains {

    private EventChains() {
    }

    /**
     * Decodes and verifies {@code envelopes} in order, each fed as its own read; ends the input so that a truncated
     * last frame fails too.
     *
     * @return how many envelopes verified
     * @throws SignatureVerificationException                 if the verifier refuses one
     * @throws dev.riffle.eventstream.EventStreamException if the codec refuses the bytes (a CRC, a length)
     */
    static int verifyAll(EventChainVerifier verifier, List<byte[]> envelopes) {
        return verifyAll(new MessageDecoder(), verifier, envelopes);
    }

    /** {@link #verifyAll(EventChainVerifier, List)} through {@code decoder}, for its limits. */
    static int verifyAll(MessageDecoder decoder, EventChainVerifier verifier, List<byte[]> envelopes) {
        int[] verified = {0};
        for (byte[] envelope : envelopes) {
            decoder.feed(ByteBuffer.wrap(envelope), view -> {
                verifier.verify(view);
                verified[0]++;
            });
        }
        decoder.endOfInput();
        return verified[0];
    }
}
