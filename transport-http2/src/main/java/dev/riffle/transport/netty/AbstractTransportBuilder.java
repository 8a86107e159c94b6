package dev.riffle.transport.netty;

import io.netty.channel.EventLoopGroup;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings both of riffle's transports take, with their defaults and checks: timeouts, the send bound, the
 * signing clock, threads and trust. Each transport's {@code Builder} extends this and adds its own.
 *
 * <p>Not thread-safe; a builder is used by one thread and then built.
 *
 * @param <B> the transport's builder, returned by every setter for chaining
 */
public abstract class AbstractTransportBuilder<B extends AbstractTransportBuilder<B>> {

    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofSeconds(10);
    private Duration pingInterval = Duration.ofSeconds(30);
    private Duration pingTimeout = Duration.ofSeconds(10);
    private Duration drainTimeout = Duration.ofSeconds(30);
    private int maxPendingBytes = 1 << 20;
    private Clock clock = Clock.systemUTC();
    private int threads = 1;
    private EventLoopGroup eventLoopGroup;
    private List<X509Certificate> trustedCertificates = List.of();

    /** For the transports' builders. */
    protected AbstractTransportBuilder() {
    }

    /** TCP connect and TLS handshake (for HTTP/2, also the connection preface); default 10 s. */
    public final B connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return self();
    }

    /** From sending the request (for WebSocket, the upgrade) to the service's answer; default 10 s. */
    public final B responseTimeout(Duration timeout) {
        this.responseTimeout = positive(timeout, "responseTimeout");
        return self();
    }

    /** Send a ping (an HTTP/2 PING, a WebSocket ping) after this long without receiving anything; default 30 s. */
    public final B pingInterval(Duration interval) {
        this.pingInterval = positive(interval, "pingInterval");
        return self();
    }

    /** Fail the stream ({@code IDLE_TIMEOUT}) if a ping is not answered in this time; default 10 s. */
    public final B pingTimeout(Duration timeout) {
        this.pingTimeout = positive(timeout, "pingTimeout");
        return self();
    }

    /** After the end of input, how long the service may take to end the stream; default 30 s. */
    public final B drainTimeout(Duration timeout) {
        this.drainTimeout = positive(timeout, "drainTimeout");
        return self();
    }

    /** Unsent message bytes held per stream before a send fails ({@code SEND_QUEUE_FULL}); default 1 MiB. */
    public final B maxPendingBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxPendingBytes must be positive, was " + bytes);
        }
        this.maxPendingBytes = bytes;
        return self();
    }

    /** The clock that signs (and for WebSocket presigns); the system UTC clock by default. */
    public final B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** I/O threads of the transport's own pool; default 1. Ignored with {@link #eventLoopGroup}. */
    public final B threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, was " + threads);
        }
        this.threads = threads;
        return self();
    }

    /** Use this event loop group, owned by the caller: the transport's {@code close()} does not shut it down. */
    public final B eventLoopGroup(EventLoopGroup group) {
        this.eventLoopGroup = group;
        return self();
    }

    /**
     * Trust these certificates (for example the emulator's self-signed one) instead of the JDK's default trust
     * store. Hostnames are verified either way.
     */
    public final B trustedCertificates(List<X509Certificate> certificates) {
        this.trustedCertificates = List.copyOf(Objects.requireNonNull(certificates, "certificates"));
        return self();
    }

    /** This builder, as its own type. */
    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    // ---------------------------------------------------------------- for the transport being built

    /** The connect timeout set. */
    protected final Duration connectTimeout() {
        return connectTimeout;
    }

    /** The response timeout set. */
    protected final Duration responseTimeout() {
        return responseTimeout;
    }

    /** The ping interval set. */
    protected final Duration pingInterval() {
        return pingInterval;
    }

    /** The ping timeout set. */
    protected final Duration pingTimeout() {
        return pingTimeout;
    }

    /** The drain timeout set. */
    protected final Duration drainTimeout() {
        return drainTimeout;
    }

    /** The bound on unsent bytes set. */
    protected final int maxPendingBytes() {
        return maxPendingBytes;
    }

    /** The signing clock set. */
    protected final Clock clock() {
        return clock;
    }

    /** The certificates to trust instead of the JDK's, or none. */
    protected final List<X509Certificate> trustedCertificates() {
        return trustedCertificates;
    }

    /** The threads and streams of a transport built now, on the caller's group or a new one of its own. */
    protected final TransportRuntime newRuntime() {
        return new TransportRuntime(threads, eventLoopGroup);
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
