package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsException;
import dev.riffle.sigv4.CredentialsProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Credentials printed by an external command, the {@code credential_process} of the AWS CLI and SDKs: the command
 * line runs through the platform's shell ({@code sh -c} on Unix, {@code cmd.exe /C} on Windows) and prints
 * {@code {"Version": 1, "AccessKeyId": ..., "SecretAccessKey": ..., "SessionToken": ..., "Expiration": ...}}.
 *
 * <p>Caching: the answer is kept until {@linkplain Builder#refreshMargin(Duration) a margin} (default
 * 1 minute) before its {@code Expiration}, then the command runs again; without
 * an {@code Expiration} the answer is kept for the life of the provider, as the SDKs keep it. Concurrent callers
 * wait for a single run. The margin leaves time to open a stream before the credentials lapse.
 *
 * <p>A refresh that fails inside the margin is not the caller's failure: the cached credentials still work, so they
 * are returned (as the AWS SDKs' cached suppliers do) and the next call tries again. Only once they have expired
 * does the failure reach the caller. Callers that were waiting while a refresh failed share its outcome, the cached
 * credentials or the same exception, rather than each running the failing command again in turn; a caller that
 * arrives afterwards runs it anew.
 *
 * <p>Failures (the command cannot start, exits with a non-zero status, outlasts the {@linkplain Builder#timeout
 * timeout} (default 60 s), prints something other than a valid answer, or answers
 * with credentials that have already expired) raise a {@link CredentialsException} that names the profile and the
 * failure and quotes the start of the command's stderr; it never quotes stdout, which holds the secret, nor the
 * command line, whose arguments may be sensitive.
 */
public final class ProcessCredentialsProvider implements CredentialsProvider {

    /** How long the command may run before it is stopped: 60 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** How long before {@code Expiration} the command runs again: 1 minute. */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(1);

    private final String command;
    private final Duration timeout;
    private final Duration refreshMargin;
    private final String label;
    private final boolean windows;
    private final Clock clock;
    private Credentials cached; // guarded by this
    /** The failure of the last refresh, null if it succeeded; guarded by this. */
    private CredentialsException lastFailure;
    /** Refreshes finished so far; written under this, read before taking it to tell who waited for which. */
    private volatile long refreshes;

    private ProcessCredentialsProvider(Builder builder) {
        this.command = builder.command;
        this.timeout = builder.timeout;
        this.refreshMargin = builder.refreshMargin;
        this.label = builder.profileName == null ? "credential_process"
                : "credential_process of profile '" + builder.profileName + "'";
        this.windows = builder.environment.isWindows();
        this.clock = builder.clock;
    }

    /**
     * A builder for a provider that runs {@code command}, a command line as written after
     * {@code credential_process =} in a profile.
     */
    public static Builder builder(String command) {
        return new Builder(command);
    }

    /**
     * The cached credentials while they are fresh, else the command's new answer; the cached credentials, if they
     * have not expired yet, when that command fails.
     *
     * @throws CredentialsException if the command fails and there are no unexpired credentials to fall back on;
     *                              see the class description
     */
    @Override
    public Credentials resolveCredentials() {
        long refreshesBeforeWaiting = refreshes;
        synchronized (this) {
            boolean waitedForAFailedRefresh = refreshes != refreshesBeforeWaiting && lastFailure != null;
            if (needsRefresh() && !waitedForAFailedRefresh) {
                refresh();
            }
            return usableCredentials();
        }
    }

    private boolean needsRefresh() {
        return cached == null || isDueForRefresh(cached);
    }

    private boolean isDueForRefresh(Credentials credentials) {
        return expiresWithin(credentials, refreshMargin, clock.instant());
    }

    private boolean hasExpired(Credentials credentials) {
        return expiresWithin(credentials, Duration.ZERO, clock.instant());
    }

    /** Whether {@code credentials} expire at or before {@code now + margin}; never for those without an expiry. */
    private static boolean expiresWithin(Credentials credentials, Duration margin, Instant now) {
        return credentials.expiration().map(expiration -> !now.isBefore(expiration.minus(margin))).orElse(false);
    }

    /** Runs the command, keeping its answer or its failure for the callers waiting behind this one. */
    private void refresh() {
        try {
            cached = runCommand();
            lastFailure = null;
        } catch (CredentialsException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // this caller was told to stop: that says nothing about the command to share with others
            }
            lastFailure = e;
        }
        refreshes++;
    }

    /** The cached credentials if the last refresh succeeded or they still work, else that refresh's failure. */
    private Credentials usableCredentials() {
        if (cached != null && (lastFailure == null || !hasExpired(cached))) {
            return cached;
        }
        throw lastFailure;
    }

    private Credentials runCommand() {
        ShellCommand.Result result = run();
        if (result.timedOut()) {
            throw failure("did not finish within " + describe(timeout) + " and was stopped", result);
        }
        if (result.exitStatus() != 0) {
            throw failure("exited with status " + result.exitStatus(), result);
        }
        if (result.stdoutOverflowed()) {
            throw failure("printed more than " + ShellCommand.STDOUT_LIMIT / 1024 + " KiB on stdout", result);
        }
        Credentials credentials = parse(result);
        Instant now = clock.instant();
        if (expiresWithin(credentials, Duration.ZERO, now)) {
            throw failure("answered with credentials that expired at " + credentials.expiration().get()
                    + " (now: " + now + ")", result);
        }
        return credentials;
    }

    private ShellCommand.Result run() {
        try {
            return ShellCommand.run(command, windows, timeout);
        } catch (IOException e) {
            throw new CredentialsException(label + " could not be started: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialsException(label + " was stopped: the waiting thread was interrupted", e);
        }
    }

    private Credentials parse(ShellCommand.Result result) {
        try {
            return CredentialProcessOutput.parse(new String(result.stdout(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // The reader's messages quote nothing of stdout, so they are safe to pass on; the cause is dropped
            // all the same, so that no future message can carry a secret along.
            throw failure("printed an answer riffle cannot use: " + e.getMessage(), result);
        }
    }

    private CredentialsException failure(String what, ShellCommand.Result result) {
        return new CredentialsException(label + " " + what + StderrExcerpt.of(result));
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Says which profile's command this is and its timeout; never the command line nor any credentials. */
    @Override
    public String toString() {
        return "ProcessCredentialsProvider[" + label + ", timeout=" + describe(timeout) + "]";
    }

    /** Settings of a {@link ProcessCredentialsProvider}; every one has a default. */
    public static final class Builder {

        private final String command;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
        private String profileName;
        private Environment environment = Environment.system();
        private Clock clock = Clock.systemUTC();

        private Builder(String command) {
            Objects.requireNonNull(command, "command");
            if (command.isBlank()) {
                throw new IllegalArgumentException("the credential_process command is blank");
            }
            this.command = command;
        }

        /** How long the command may run, output included, before it is stopped. Default 60 seconds. */
        public Builder timeout(Duration timeout) {
            this.timeout = requirePositive(timeout, "timeout");
            return this;
        }

        /** How long before the credentials' expiry the command runs again. Default 1 minute. */
        public Builder refreshMargin(Duration refreshMargin) {
            Objects.requireNonNull(refreshMargin, "refreshMargin");
            if (refreshMargin.isNegative()) {
                throw new IllegalArgumentException("the refresh margin must not be negative");
            }
            this.refreshMargin = refreshMargin;
            return this;
        }

        /** The profile the command comes from, named in messages. Default: none. */
        public Builder profileName(String profileName) {
            this.profileName = Objects.requireNonNull(profileName, "profileName");
            return this;
        }

        /** Decides the shell by its {@code os.name} property. Default: {@link Environment#system()}. */
        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The clock that expiry is judged by; for tests. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The provider; it runs nothing until asked for credentials. */
        public ProcessCredentialsProvider build() {
            return new ProcessCredentialsProvider(this);
        }

        private static Duration requirePositive(Duration duration, String what) {
            Objects.requireNonNull(duration, what);
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("the " + what + " must be positive");
            }
            return duration;
        }
    }
}
