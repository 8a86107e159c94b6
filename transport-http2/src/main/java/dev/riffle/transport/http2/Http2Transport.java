package dev.riffle.transport.http2;

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
 * Event streams over HTTP/2 with Netty: {@code https://} with TLS and ALPN {@code h2} (JDK provider, hostname
 * verified), or {@code http://} with HTTP/2 prior knowledge (h2c) for local endpoints.
 *
 * <p>One connection per stream (Transcribe allows one stream per connection). The request is signed header-style
 * with payload {@code STREAMING-AWS4-HMAC-SHA256-EVENTS}; each event is signed when it is written, chained from
 * the request's signature. Flow control is honoured both ways; every wait has a timeout. See
 * {@link EventStream} for the stream's contract.
 *
 * <p>A transport owns an I/O thread pool unless it was given one; {@link #close()} shuts it down. Thread-safe: one
 * transport serves many concurrent streams.
 */
public final class Http2Transport implements EventStreamTransport {

    private final Settings settings;
    private final TransportRuntime runtime;
    private final SslContext sslContext;

    private Http2Transport(Settings settings, TransportRuntime runtime, SslContext sslContext) {
        this.settings = settings;
        this.runtime = runtime;
        this.sslContext = sslContext;
    }

    /** A transport with the defaults. */
    public static Http2Transport create() {
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
        return runtime.open(request, (credentials, loop) -> new Http2EventStream(request, credentials, listener,
                settings, loop, request.secure() ? sslContext : null));
    }

    /** Streams currently open or opening. */
    public int openStreams() {
        return runtime.openStreams();
    }

    @Override
    public void close() {
        runtime.close();
    }

    /**
     * Timeouts and limits of a transport.
     *
     * @param connectTimeout  TCP connect, TLS handshake and HTTP/2 preface
     * @param responseTimeout from the request's HEADERS to the response's
     * @param pingInterval    a PING is sent after this long without receiving anything
     * @param pingTimeout     a PING not answered in this time fails the stream ({@code IDLE_TIMEOUT})
     * @param drainTimeout    after the end of input, how long the service may take to end its response
     * @param maxPendingBytes unsent message bytes held per stream; a send beyond fails at once
     * @param clock           the signing clock
     * @param userAgent       the {@code user-agent} header (not signed)
     */
    record Settings(Duration connectTimeout, Duration responseTimeout, Duration pingInterval, Duration pingTimeout,
                    Duration drainTimeout, int maxPendingBytes, Clock clock, String userAgent)
            implements StreamSettings {
    }

    /** Builds an {@link Http2Transport}; the settings both transports share are {@link AbstractTransportBuilder}'s. */
    public static final class Builder extends AbstractTransportBuilder<Builder> {
        private String userAgent = "riffle/" + version();

        private Builder() {
        }

        /** The {@code user-agent} header; {@code riffle/} and the version by default. */
        public Builder userAgent(String userAgent) {
            this.userAgent = StreamRequest.requireFieldValue("userAgent", userAgent);
            return this;
        }

        /** The transport, with its own I/O threads unless it was given an event loop group. */
        public Http2Transport build() {
            Settings settings = new Settings(connectTimeout(), responseTimeout(), pingInterval(), pingTimeout(),
                    drainTimeout(), maxPendingBytes(), clock(), userAgent);
            SslContext sslContext = TlsContexts.client(trustedCertificates(), ApplicationProtocolNames.HTTP_2);
            return new Http2Transport(settings, newRuntime(), sslContext);
        }

        private static String version() {
            String v = Http2Transport.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }
    }
}
