package dev.riffle.emulator;

import dev.riffle.emulator.tls.ServerCertificate;
import dev.riffle.sigv4.Credentials;
import dev.riffle.transcribe.Endpoints;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an emulator listens and behaves. Every limit of the service is here with the service's value as default,
 * and can be changed or, for the ahead-of-real-time check, turned off (for throughput benchmarks).
 */
public final class EmulatorConfig {

    /** The AWS documentation's example access key id, accepted by default. */
    public static final String EXAMPLE_ACCESS_KEY_ID = "AKIDEXAMPLE";
    /** The AWS documentation's example secret key, accepted by default. */
    public static final String EXAMPLE_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    /**
     * The service's longest stream: 4 hours of audio, not adjustable (transcribe-protocol.md, quotas). The
     * emulator's default {@link Builder#maxStreamDuration}, and the most that a fault's time or the CLI's
     * {@code --duration}, {@code --ramp} and {@code --realtime-allowance} may say.
     */
    public static final Duration SERVICE_MAX_STREAM_DURATION = Duration.ofHours(4);

    /** What to do when a stream starts with the session id of a live stream (spec 5.7: the sources disagree). */
    public enum SessionConflict {
        /** The live stream gets a ConflictException and ends; the new one goes on (what the service model says). */
        TERMINATE_EXISTING,
        /** The new request is refused with 409 ConflictException (what a user observed). */
        REFUSE_NEW
    }

    final String host;
    final int port;
    final boolean tls;
    final ServerCertificate certificate;
    final List<Credentials> credentials;
    final Path script;
    final Duration scriptRepeat;
    final Clock clock;
    final Duration clockSkew;
    final String region;
    final int maxConcurrentStreams;
    final Duration maxAudioPerEvent;
    final Duration aheadOfRealTimeAllowance;
    final Duration idleTimeout;
    final Duration connectionIdleTimeout;
    final Duration maxStreamDuration;
    final SessionConflict sessionConflict;
    final List<Fault> faults;
    final long seed;

    private EmulatorConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.tls = b.tls;
        this.certificate = b.certificate;
        this.credentials = List.copyOf(b.credentials.isEmpty()
                ? List.of(Credentials.of(EXAMPLE_ACCESS_KEY_ID, EXAMPLE_SECRET_ACCESS_KEY)) : b.credentials);
        this.script = b.script;
        this.scriptRepeat = b.scriptRepeat;
        this.clock = b.clock;
        this.clockSkew = b.clockSkew;
        this.region = b.region;
        this.maxConcurrentStreams = b.maxConcurrentStreams;
        this.maxAudioPerEvent = b.maxAudioPerEvent;
        this.aheadOfRealTimeAllowance = b.aheadOfRealTimeAllowance;
        this.idleTimeout = b.idleTimeout;
        this.connectionIdleTimeout = b.connectionIdleTimeout;
        this.maxStreamDuration = b.maxStreamDuration;
        this.sessionConflict = b.sessionConflict;
        this.faults = List.copyOf(b.faults);
        this.seed = b.seed;
    }

    /** A builder with the service's defaults, listening on 127.0.0.1 on an ephemeral port. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EmulatorConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private boolean tls;
        private ServerCertificate certificate;
        private final List<Credentials> credentials = new ArrayList<>();
        private Path script;
        private Duration scriptRepeat;
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = Duration.ofMinutes(5);
        private String region;
        private int maxConcurrentStreams = 25;
        private Duration maxAudioPerEvent = Duration.ofSeconds(1);
        private Duration aheadOfRealTimeAllowance = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(15);
        private Duration connectionIdleTimeout = Duration.ofSeconds(60);
        private Duration maxStreamDuration = SERVICE_MAX_STREAM_DURATION;
        private SessionConflict sessionConflict = SessionConflict.TERMINATE_EXISTING;
        private final List<Fault> faults = new ArrayList<>();
        private long seed;

        private Builder() {
        }

        /** The address to bind; 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Serve TLS (HTTP/2 with ALPN h2, and without ALPN); with a generated certificate unless one is given. */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** The TLS certificate; implies TLS. */
        public Builder certificate(ServerCertificate certificate) {
            this.certificate = certificate;
            this.tls = certificate != null || tls;
            return this;
        }

        /** Accept these credentials (replacing the default example pair); may include session tokens. */
        public Builder credentials(Credentials... accepted) {
            credentials.addAll(List.of(accepted));
            return this;
        }

        /** The transcript script for every stream ({@code .txt} or {@code .json}); none: empty results. */
        public Builder script(Path script) {
            this.script = script;
            return this;
        }

        /**
         * Plays a {@code .json} script again every {@code period} of audio (for looped audio, as a load test sends),
         * up to the longest stream; null (the default) plays it once.
         */
        public Builder scriptRepeat(Duration period) {
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("the script's repeat period must be positive, was " + period);
            }
            this.scriptRepeat = period;
            return this;
        }

        /**
         * The clock against which signatures and {@code :date} are checked. Real-time pace is measured on the
         * monotonic clock instead ({@link System#nanoTime}), which a wall clock's steps cannot fool, and which a
         * fixed test clock would stop.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Accept only signatures scoped to this region, as the service's regional endpoint does ("Credential should
         * be scoped to a valid region"): a client that signs for one region and connects to another is then caught
         * here, not first in production. Any region by default, so that one emulator serves clients of every
         * region.
         *
         * @throws IllegalArgumentException if {@code region} does not look like a region name
         */
        public Builder region(String region) {
            Endpoints.forRegion(region); // checks the form
            this.region = region;
            return this;
        }

        /** How far a signature's time may be from now; 5 minutes, as the service. */
        public Builder clockSkew(Duration skew) {
            this.clockSkew = Objects.requireNonNull(skew, "skew");
            return this;
        }

        /** The concurrent-stream quota; 25, as the service's default. */
        public Builder maxConcurrentStreams(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentStreams must be positive");
            }
            this.maxConcurrentStreams = max;
            return this;
        }

        /** The most audio one AudioEvent may carry; 1 s, as the service. */
        public Builder maxAudioPerEvent(Duration max) {
            this.maxAudioPerEvent = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * How far ahead of real time a stream's audio may run before "Your stream is too big" (the service buffers
         * only so much); 10 s by default; null turns the check off, for throughput benchmarks.
         */
        public Builder aheadOfRealTimeAllowance(Duration allowance) {
            this.aheadOfRealTimeAllowance = allowance;
            return this;
        }

        /** How long a stream may go without audio; 15 s, as the service. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How long a connection may go with nothing read or written before it is closed; 60 s by default, the
         * idle timeout of AWS's load balancers [inferred: the service does not document its own]. It ends
         * connections that stall before a stream starts (halfway through a request or a TLS handshake) or that
         * stay open with no stream.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder connectionIdleTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectionIdleTimeout must be positive, was " + timeout);
            }
            this.connectionIdleTimeout = timeout;
            return this;
        }

        /** The longest stream, in audio time; 4 hours, as the service. */
        public Builder maxStreamDuration(Duration max) {
            this.maxStreamDuration = Objects.requireNonNull(max, "max");
            return this;
        }

        /** What a reused live session id does; {@link SessionConflict#TERMINATE_EXISTING} by default. */
        public Builder sessionConflict(SessionConflict policy) {
            this.sessionConflict = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Injects {@code fault} into every stream. */
        public Builder fault(Fault fault) {
            faults.add(Objects.requireNonNull(fault, "fault"));
            return this;
        }

        /** Seeds result ids, for reproducible transcripts; 0 (the default) means random. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The configuration. */
        public EmulatorConfig build() {
            return new EmulatorConfig(this);
        }
    }
}
