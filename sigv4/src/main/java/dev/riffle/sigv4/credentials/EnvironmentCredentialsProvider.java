package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsProvider;
import java.util.List;

/**
 * Credentials from the environment variables {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and, for
 * temporary credentials, {@code AWS_SESSION_TOKEN}: the names every AWS SDK and the AWS CLI read.
 *
 * <p>The variables are read on every call, so the provider is as current as its {@link Environment}.
 */
public final class EnvironmentCredentialsProvider implements CredentialsProvider {

    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String SESSION_TOKEN = "AWS_SESSION_TOKEN";

    private final KeySettings settings;

    private EnvironmentCredentialsProvider(Environment environment) {
        this.settings = new KeySettings("environment variables", environment::variable,
                ACCESS_KEY_ID, List.of(SECRET_ACCESS_KEY), SESSION_TOKEN);
    }

    /** Reads the real process environment. */
    public static EnvironmentCredentialsProvider create() {
        return create(Environment.system());
    }

    /** Reads the variables of {@code environment}. */
    public static EnvironmentCredentialsProvider create(Environment environment) {
        return new EnvironmentCredentialsProvider(environment);
    }

    /**
     * The credentials the variables hold.
     *
     * @throws dev.riffle.sigv4.CredentialsException naming the missing variables if the id or the secret is unset
     */
    @Override
    public Credentials resolveCredentials() {
        return settings.credentials();
    }

    /** Names the settings read; never their values. */
    @Override
    public String toString() {
        return "EnvironmentCredentialsProvider[" + settings.names() + "]";
    }
}
