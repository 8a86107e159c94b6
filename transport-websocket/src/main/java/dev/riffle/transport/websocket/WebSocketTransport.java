package dev.riffle.transport.websocket;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.EventStreamListener;
import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.netty.AbstractTransportBuilder;
import dev.riffle.transport.netty.StreamSettings;
import dev.riffle.transport.netty.TlsContexts;
import dev.riffle.transport.netty.TransportRuntime;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Event streams over a presigned WebSocket (Netty): what browsers, proxies that block HTTP/2, and the JavaScript
 * SDK use. Swappable with the HTTP/2 transport: the same {@link StreamRequest} opens the same stream.
 *
 * <h2>From the request to the URL</h2>
 * The operation's path gets a suffix ({@code /stream-transcription} becomes
 * {@code /stream-transcription-websocket}); its parameter headers become query parameters without their prefix
 * ({@code x-amzn-transcribe-language-code} becomes {@code language-code}); an endpoint without an explicit port on
 * {@code https} goes to port 8443; {@code http} becomes {@code ws}, {@code https} becomes {@code wss}. The URL is
 * presigned when the stream opens, signing only {@code host} (with its port), as browsers can send no other header,
 * with the empty-body hash, for {@link Builder#presignExpiry} (at most 300 s).
 *
 * <h2>Frames</h2>
 * One event-stream message per binary frame. Events are signed by default, chained from {@code X-Amz-Signature};
 * with {@link Builder#signEvents signEvents(false)} they go bare, as AWS's browser sample sends them. The end of
 * input is the signed empty envelope, or when unsigned the {@link Builder#unsignedEndOfInput} message (an empty
 * AudioEvent by default). Then the transport reads until the service closes (1000), within the drain timeout. A
 * close with another code is a failure.
 *
 * <p>Defaults follow Amazon Transcribe Streaming; other services set the path suffix, prefix and port. Thread-safe.
 */
public final class WebSocketTransport implements EventStreamTransport {

    /** The three headers of an empty AudioEvent: Transcribe's end of input when frames are unsigned. A new block. */
    static HeaderBlock emptyAudioEvent() {
        return new HeaderBlock().addString(":message-type", "event").addString(":event-type", "AudioEvent")
                .addString(":content-type", "application/octet-stream");
    }

    private final Settings settings;
    private final TransportRuntime runtime;
    private final SslContext sslContext;

    private WebSocketTransport(Settings settings, TransportRuntime runtime, SslContext sslContext) {
        this.settings = settings;
        this.runtime = runtime;
        this.sslContext = sslContext;
    }

    /** A transport with Transcribe's defaults, signing every event. */
    public static WebSocketTransport create() {
        return builder().build();
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<EventStream> open(StreamRequest request, EventStreamListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        return runtime.open(request, (credentials, loop) -> {
            WebSocketUrl url = WebSocketUrl.presign(request, credentials, settings);
            return new WebSocketEventStream(url, credentials, request, listener, settings, loop,
                    url.secure() ? sslContext : null);
        });
    }

    @Override
    public void close() {
        runtime.close();
    }

    /** Timeouts, limits and mapping of a transport. */
    record Settings(Duration connectTimeout, Duration responseTimeout, Duration pingInterval, Duration pingTimeout,
                    Duration drainTimeout, int maxPendingBytes, Clock clock, boolean signEvents,
                    Duration presignExpiry, String pathSuffix, String parameterPrefix, int secureDefaultPort,
                    HeaderBlock unsignedEndOfInput, int maxFramePayload) implements StreamSettings {
    }

    /**
     * Builds a {@link WebSocketTransport}; the settings both transports share are {@link AbstractTransportBuilder}'s.
     */
    public static final class Builder extends AbstractTransportBuilder<Builder> {
        private boolean signEvents = true;
        private Duration presignExpiry = Duration.ofSeconds(60);
        private String pathSuffix = "-websocket";
        private String parameterPrefix = "x-amzn-transcribe-";
        private int secureDefaultPort = 8443;
        private HeaderBlock unsignedEndOfInput = emptyAudioEvent();
        private int maxFramePayload = 1 << 20;

        private Builder() {
        }

        /** Sign each event (the default, as the JS SDK's signing handler and the Rust and Kotlin SDKs), or not. */
        public Builder signEvents(boolean sign) {
            this.signEvents = sign;
            return this;
        }

        /** How long the presigned URL is valid, 1 s to 300 s; default 60 s, as the JS SDK. */
        public Builder presignExpiry(Duration expiry) {
            Objects.requireNonNull(expiry, "expiry");
            if (expiry.getSeconds() < 1 || expiry.getSeconds() > 300) {
                throw new IllegalArgumentException("presignExpiry must be 1 to 300 seconds (the service's cap), was "
                        + expiry);
            }
            this.presignExpiry = expiry;
            return this;
        }

        /** Appended to the operation's path; {@code -websocket} by default. */
        public Builder pathSuffix(String suffix) {
            this.pathSuffix = StreamRequest.requirePathCharacters("pathSuffix", Objects.requireNonNull(suffix,
                    "suffix"));
            return this;
        }

        /** Removed from parameter header names to make query names; {@code x-amzn-transcribe-} by default. */
        public Builder parameterPrefix(String prefix) {
            this.parameterPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The port for an {@code https} endpoint that names none; 8443 by default. */
        public Builder secureDefaultPort(int port) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("secureDefaultPort must be 1 to 65535, was " + port);
            }
            this.secureDefaultPort = port;
            return this;
        }

        /**
         * The message that ends unsigned input (headers, empty payload); an empty AudioEvent by default. The block is
         * copied: changing it afterwards does not change the transport.
         */
        public Builder unsignedEndOfInput(HeaderBlock headers) {
            this.unsignedEndOfInput = new HeaderBlock().addAll(Objects.requireNonNull(headers, "headers"));
            return this;
        }

        /** The largest frame accepted from the service; 1 MiB by default. */
        public Builder maxFramePayload(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxFramePayload must be positive, was " + bytes);
            }
            this.maxFramePayload = bytes;
            return this;
        }

        /** The transport, with its own I/O threads unless it was given an event loop group. */
        public WebSocketTransport build() {
            Settings settings = new Settings(connectTimeout(), responseTimeout(), pingInterval(), pingTimeout(),
                    drainTimeout(), maxPendingBytes(), clock(), signEvents, presignExpiry, pathSuffix,
                    parameterPrefix, secureDefaultPort, unsignedEndOfInput, maxFramePayload);
            SslContext sslContext = TlsContexts.client(trustedCertificates(), ApplicationProtocolNames.HTTP_1_1);
            return new WebSocketTransport(settings, newRuntime(), sslContext);
        }
    }
}
