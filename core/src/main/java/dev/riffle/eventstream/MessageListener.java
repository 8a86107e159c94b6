package dev.riffle.eventstream;

/**
 * Receives each complete, fully validated message from a {@link MessageDecoder}.
 */
@FunctionalInterface
public interface MessageListener {

    /**
     * Called once per message, in stream order.
     *
     * <p>Ownership: {@code message} is borrowed. It is a view that the decoder reuses, over bytes that belong to
     * the caller's input buffer or to the decoder's own assembly buffer; it is valid only until this method
     * returns. Keep what you need with {@link MessageView#toMessage()} or by copying the payload.
     *
     * @param message the validated message (both checksums, lengths and header structure checked)
     */
    void onMessage(MessageView message);
}
