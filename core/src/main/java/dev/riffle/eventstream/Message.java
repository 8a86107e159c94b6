package dev.riffle.eventstream;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An owned, immutable event-stream message: headers in wire order and a payload.
 *
 * <p>This is the convenient model for building messages and keeping decoded ones ({@link MessageView#toMessage()}).
 * Hot paths use {@link HeaderBlock}, {@link MessageEncoder} and {@link MessageView} instead, which do not allocate.
 * The headers are encoded once, when the message is built, so a message too large or with a repeated header name
 * is refused at construction with {@link IllegalArgumentException}.
 */
public final class Message {

    private final List<Header> headers;
    private final byte[] encodedHeaders;
    private final byte[] payload;

    private Message(List<Header> headers, byte[] encodedHeaders, byte[] payload) {
        this.headers = Collections.unmodifiableList(headers);
        this.encodedHeaders = encodedHeaders;
        this.payload = payload;
    }

    /**
     * A message with these headers, in this order, and a copy of {@code payload}.
     *
     * @throws IllegalArgumentException if the headers break a rule of {@link HeaderBlock}, or the message would be
     *     over 24 MiB: what riffle writes, any default decoder must be able to read
     */
    public static Message of(List<Header> headers, byte[] payload) {
        return checked(headers, payload.clone());
    }

    /** The message of {@code headers} and {@code payload}, which it takes as its own, checked as {@link #of}. */
    private static Message checked(List<Header> headers, byte[] payload) {
        HeaderBlock block = new HeaderBlock();
        for (Header header : headers) {
            block.add(header);
        }
        MessageEncoder.encodedLength(block.length(), payload.length);
        return new Message(new ArrayList<>(headers), block.toByteArray(), payload);
    }

    /**
     * Used by {@link MessageView#toMessage()}: a message a decoder has validated, with its headers block as it was
     * on the wire and fresh, unshared lists and arrays. Not checked again against the writing limits, which a
     * decoder built with higher limits may exceed: such a message can be read, but not encoded again.
     */
    static Message ofDecoded(List<Header> headers, byte[] encodedHeaders, byte[] payload) {
        return new Message(headers, encodedHeaders, payload);
    }

    /** A builder; headers keep the order they are added in. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decodes exactly one message from {@code encoded}'s remaining bytes (consuming them), with default limits.
     *
     * @throws EventStreamException if the bytes are not exactly one valid message
     */
    public static Message decode(ByteBuffer encoded) {
        MessageDecoder decoder = new MessageDecoder();
        Message[] decoded = new Message[1];
        long[] secondAt = {-1};
        decoder.feed(encoded, view -> {
            if (decoded[0] == null) {
                decoded[0] = view.toMessage();
            } else if (secondAt[0] < 0) {
                secondAt[0] = view.streamOffset();
            }
        });
        decoder.endOfInput();
        if (decoded[0] == null) {
            throw EventStreamException.of(EventStreamException.Reason.TRUNCATED_INPUT, 0,
                    "the input holds no message");
        }
        if (secondAt[0] >= 0) {
            throw EventStreamException.of(EventStreamException.Reason.TRAILING_INPUT, secondAt[0],
                    "another message follows the first; exactly one was expected");
        }
        return decoded[0];
    }

    /** The headers, in wire order; unmodifiable. */
    public List<Header> headers() {
        return headers;
    }

    /** The value of the header named {@code name}. */
    public Optional<HeaderValue> header(String name) {
        for (Header header : headers) {
            if (header.name().equals(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as a read-only buffer, without copying. */
    public ByteBuffer payloadBuffer() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer();
    }

    /** The number of payload bytes. */
    public int payloadLength() {
        return payload.length;
    }

    /** {@code headers_length} of this message once encoded. */
    public int headersLength() {
        return encodedHeaders.length;
    }

    /** {@code total_length} of this message once encoded. */
    public int encodedLength() {
        return EventStreamConstants.MIN_MESSAGE_LENGTH + encodedHeaders.length + payload.length;
    }

    /** This message encoded into a new array. */
    public byte[] toByteArray() {
        ByteBuffer out = ByteBuffer.allocate(encodedLength());
        new MessageEncoder().encode(this, out);
        return out.array();
    }

    byte[] encodedHeaders() {
        return encodedHeaders;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message that && headers.equals(that.headers) && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headers, Arrays.hashCode(payload));
    }

    /** Headers and the payload's length; never the payload itself, which may be large or sensitive. */
    @Override
    public String toString() {
        return "Message[headers=" + headers + ", payloadLength=" + payload.length + "]";
    }

    /** Builds a {@link Message}. */
    public static final class Builder {
        private final List<Header> headers = new ArrayList<>();
        private byte[] payload = new byte[0];

        private Builder() {
        }

        /** Appends a header. */
        public Builder header(String name, HeaderValue value) {
            headers.add(new Header(name, value));
            return this;
        }

        /** Appends a string header. */
        public Builder header(String name, String value) {
            return header(name, HeaderValue.ofString(value));
        }

        /** Appends a header. */
        public Builder header(Header header) {
            headers.add(Objects.requireNonNull(header, "header"));
            return this;
        }

        /** Sets the payload to a copy of {@code payload}. */
        public Builder payload(byte[] payload) {
            this.payload = payload.clone();
            return this;
        }

        /** Sets the payload to a copy of {@code payload}'s remaining bytes, without consuming them. */
        public Builder payload(ByteBuffer payload) {
            byte[] copy = new byte[payload.remaining()];
            payload.get(payload.position(), copy);
            this.payload = copy;
            return this;
        }

        /** The message; throws {@link IllegalArgumentException} on a repeated name or an over-long message. */
        public Message build() {
            // the setters copied the payload, and neither the builder nor the message ever writes to it: shared safely
            return checked(headers, payload);
        }
    }
}
