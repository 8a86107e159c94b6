package dev.riffle.transport.websocket;

import dev.riffle.eventstream.HeaderBlock;
import dev.riffle.sigv4.Credentials;
import dev.riffle.transport.EventStream;
import dev.riffle.transport.EventStreamListener;
import dev.riffle.transport.EventStreamTransport;
import dev.riffle.transport.StreamRequest;
import dev.riffle.transport.TransportException;
import dev.riffle.transport.netty.TlsContexts;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
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
import java.util.concurrent.TimeUnit;

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

    /** The three headers of an empty AudioEvent: Transcribe's end of input when frames are unsigned. */
    public static final HeaderBlock EMPTY_AUDIO_EVENT = new HeaderBlock().addString(":message-type", "event")
            .addString(":event-type", "AudioEvent").addString(":content-type", "application/octet-stream");

    private final Settings settings;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final SslContext sslContext;
    private final Set<WebSocketEventStream> streams = ConcurrentHashMap.newKeySet();

    private WebSocketTransport(Builder b) {
        this.settings = new Settings(b.connectTimeout, b.responseTimeout, b.pingInterval, b.pingTimeout,
                b.drainTimeout, b.maxPendingBytes, b.clock, b.signEvents, b.presignExpiry, b.pathSuffix,
                b.parameterPrefix, b.secureDefaultPort, b.unsignedEndOfInput, b.maxFramePayload);
        this.ownsGroup = b.eventLoopGroup == null;
        this.group = ownsGroup ? new MultiThreadIoEventLoopGroup(b.threads, NioIoHandler.newFactory()) : b.eventLoopGroup;
        this.sslContext = TlsContexts.client(b.trustedCertificates, ApplicationProtocolNames.HTTP_1_1);
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
        WebSocketUrl url = WebSocketUrl.presign(request, credentials, settings);
        WebSocketEventStream stream = new WebSocketEventStream(url, credentials, request, listener, settings,
                group.next(), url.secure() ? sslContext : null);
        streams.add(stream);
        stream.closed().whenComplete((ok, error) -> streams.remove(stream));
        stream.connect();
        return stream.opened();
    }

    @Override
    public void close() {
        for (WebSocketEventStream stream : streams) {
            stream.cancel();
        }
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Timeouts, limits and mapping of a transport. */
    record Settings(Duration connectTimeout, Duration responseTimeout, Duration pingInterval, Duration pingTimeout,
                    Duration drainTimeout, int maxPendingBytes, Clock clock, boolean signEvents,
                    Duration presignExpiry, String pathSuffix, String parameterPrefix, int secureDefaultPort,
                    HeaderBlock unsignedEndOfInput, int maxFramePayload) {
    }

    /** Builds a {@link WebSocketTransport}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(10);
        private Duration pingInterval = Duration.ofSeconds(30);
        private Duration pingTimeout = Duration.ofSeconds(10);
        private Duration drainTimeout = Duration.ofSeconds(30);
        private int maxPendingBytes = 1 << 20;
        private Clock clock = Clock.systemUTC();
        private boolean signEvents = true;
        private Duration presignExpiry = Duration.ofSeconds(60);
        private String pathSuffix = "-websocket";
        private String parameterPrefix = "x-amzn-transcribe-";
        private int secureDefaultPort = 8443;
        private HeaderBlock unsignedEndOfInput = EMPTY_AUDIO_EVENT;
        private int maxFramePayload = 1 << 20;
        private int threads = 1;
        private EventLoopGroup eventLoopGroup;
        private List<X509Certificate> trustedCertificates = List.of();

        private Builder() {
        }

        /** TCP connect and TLS handshake; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** From sending the upgrade to its answer; default 10 s. */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /** Send a WebSocket ping after this long without receiving anything; default 30 s. */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = positive(interval, "pingInterval");
            return this;
        }

        /** Fail the stream if a ping is not answered in this time; default 10 s. */
        public Builder pingTimeout(Duration timeout) {
            this.pingTimeout = positive(timeout, "pingTimeout");
            return this;
        }

        /** After the end of input, how long the service may take to close; default 30 s. */
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

        /** The clock that presigns and signs; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sign each event (the default, as the JS SDK's signing handler and the Rust and Kotlin SDKs), or not. */
        public Builder signEvents(boolean sign) {
            this.signEvents = sign;
            return this;
        }

        /** How long the presigned URL is valid, 1 s to 300 s; default 60 s, as the JS SDK. */
        public Builder presignExpiry(Duration expiry) {
            if (expiry.getSeconds() < 1 || expiry.getSeconds() > 300) {
                throw new IllegalArgumentException("presignExpiry must be 1 to 300 seconds (the service's cap), was "
                        + expiry);
            }
            this.presignExpiry = expiry;
            return this;
        }

        /** Appended to the operation's path; {@code -websocket} by default. */
        public Builder pathSuffix(String suffix) {
            this.pathSuffix = Objects.requireNonNull(suffix, "suffix");
            return this;
        }

        /** Removed from parameter header names to make query names; {@code x-amzn-transcribe-} by default. */
        public Builder parameterPrefix(String prefix) {
            this.parameterPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The port for an {@code https} endpoint that names none; 8443 by default. */
        public Builder secureDefaultPort(int port) {
            this.secureDefaultPort = port;
            return this;
        }

        /** The message that ends unsigned input (headers, empty payload); an empty AudioEvent by default. */
        public Builder unsignedEndOfInput(HeaderBlock headers) {
            this.unsignedEndOfInput = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /** The largest frame accepted from the service; 1 MiB by default. */
        public Builder maxFramePayload(int bytes) {
            this.maxFramePayload = bytes;
            return this;
        }

        /** I/O threads of the transport's own pool; default 1. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive");
            }
            this.threads = threads;
            return this;
        }

        /** Use this event loop group, owned by the caller. */
        public Builder eventLoopGroup(EventLoopGroup group) {
            this.eventLoopGroup = group;
            return this;
        }

        /** Trust these certificates instead of the JDK's defaults (hostnames are verified either way). */
        public Builder trustedCertificates(List<X509Certificate> certificates) {
            this.trustedCertificates = List.copyOf(certificates);
            return this;
        }

        /** The transport. */
        public WebSocketTransport build() {
            return new WebSocketTransport(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
