package dev.riffle.transport.http2;

import dev.riffle.sigv4.Credentials;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.EventStreamListener;
import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.TransportException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import dev.riffle.transport.netty.TlsContexts;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

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
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final SslContext sslContext;
    private final Set<Http2EventStream> streams = ConcurrentHashMap.newKeySet();

    private Http2Transport(Builder b) {
        this.settings = new Settings(b.connectTimeout, b.responseTimeout, b.pingInterval, b.pingTimeout,
                b.drainTimeout, b.maxPendingBytes, b.clock, b.userAgent);
        this.ownsGroup = b.eventLoopGroup == null;
        this.group = ownsGroup ? new MultiThreadIoEventLoopGroup(b.threads, NioIoHandler.newFactory()) : b.eventLoopGroup;
        this.sslContext = TlsContexts.client(b.trustedCertificates, ApplicationProtocolNames.HTTP_2);
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
        Credentials credentials;
        try {
            credentials = request.credentials().resolveCredentials();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (group.isShuttingDown()) {
            return CompletableFuture.failedFuture(
                    new TransportException(TransportException.Kind.STREAM_CLOSED, "the transport is closed"));
        }
        Http2EventStream stream = new Http2EventStream(request, credentials, listener, settings, group.next(),
                request.secure() ? sslContext : null);
        streams.add(stream);
        stream.closed().whenComplete((ok, error) -> streams.remove(stream));
        stream.connect();
        return stream.opened();
    }

    /** Streams currently open or opening. */
    public int openStreams() {
        return streams.size();
    }

    @Override
    public void close() {
        for (Http2EventStream stream : streams) {
            stream.cancel();
        }
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
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
                    Duration drainTimeout, int maxPendingBytes, Clock clock, String userAgent) {
    }

    /** Builds an {@link Http2Transport}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(10);
        private Duration pingInterval = Duration.ofSeconds(30);
        private Duration pingTimeout = Duration.ofSeconds(10);
        private Duration drainTimeout = Duration.ofSeconds(30);
        private int maxPendingBytes = 1 << 20;
        private Clock clock = Clock.systemUTC();
        private String userAgent = "riffle/" + version();
        private int threads = 1;
        private EventLoopGroup eventLoopGroup;
        private List<X509Certificate> trustedCertificates = List.of();

        private Builder() {
        }

        /** TCP connect, TLS handshake and HTTP/2 preface; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** From sending the request to the response headers; default 10 s. */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /** Send an HTTP/2 PING after this long without receiving anything; default 30 s. */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = positive(interval, "pingInterval");
            return this;
        }

        /** Fail the stream if a PING is not answered in this time; default 10 s. */
        public Builder pingTimeout(Duration timeout) {
            this.pingTimeout = positive(timeout, "pingTimeout");
            return this;
        }

        /** After the end of input, how long the service may take to end its response; default 30 s. */
        public Builder drainTimeout(Duration timeout) {
            this.drainTimeout = positive(timeout, "drainTimeout");
            return this;
        }

        /** Unsent message bytes held per stream before a send fails; default 1 MiB. */
        public Builder maxPendingBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxPendingBytes must be positive");
            }
            this.maxPendingBytes = bytes;
            return this;
        }

        /** The clock that signs requests and events; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The {@code user-agent} header. */
        public Builder userAgent(String userAgent) {
            this.userAgent = StreamRequest.requireFieldValue("userAgent", userAgent);
            return this;
        }

        /** I/O threads of the transport's own pool; default 1. Ignored with {@link #eventLoopGroup}. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive");
            }
            this.threads = threads;
            return this;
        }

        /** Use this event loop group, owned by the caller (not shut down by {@link #close()}). */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = group;
            return this;
        }

        /**
         * Trust these certificates (for example the emulator's self-signed one) instead of the JDK's default
         * trust store. Hostnames are verified either way.
         */
        public Builder trustedCertificates(List<X509Certificate> certificates) {
            this.trustedCertificates = List.copyOf(certificates);
            return this;
        }

        /** The transport. */
        public Http2Transport build() {
            return new Http2Transport(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }

        private static String version() {
            String v = Http2Transport.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }
    }
}
