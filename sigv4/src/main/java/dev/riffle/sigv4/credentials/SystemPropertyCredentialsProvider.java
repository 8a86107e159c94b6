package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsProvider;
import java.util.List;

/**
 * Credentials from the Java system properties {@code aws.accessKeyId}, {@code aws.secretAccessKey} and, for
 * temporary credentials, {@code aws.sessionToken}: the names the AWS SDK for Java v2 reads, so a JVM configured for
 * that SDK works unchanged with riffle.
 *
 * <p>The SDK also accepts the older name {@code aws.secretKey} for the secret; so does riffle, with
 * {@code aws.secretAccessKey} winning when both are set. Properties are read on every call.
 */
public final class SystemPropertyCredentialsProvider implements CredentialsProvider {

    static final String ACCESS_KEY_ID = "aws.accessKeyId";
    static final String SECRET_ACCESS_KEY = "aws.secretAccessKey";
    static final String SECRET_KEY_ALIAS = "aws.secretKey";
    static final String SESSION_TOKEN = "aws.sessionToken";

    private final KeySettings settings;

    private SystemPropertyCredentialsProvider(Environment environment) {
        this.settings = new KeySettings("system properties", environment::property,
                ACCESS_KEY_ID, List.of(SECRET_ACCESS_KEY, SECRET_KEY_ALIAS), SESSION_TOKEN);
    }

    /** Reads the real system properties. */
    public static SystemPropertyCredentialsProvider create() {
        return create(Environment.system());
    }

    /** Reads the properties of {@code environment}. */
    public static SystemPropertyCredentialsProvider create(Environment environment) {
        return new SystemPropertyCredentialsProvider(environment);
    }

    /**
     * The credentials the properties hold.
     *
     * @throws dev.riffle.sigv4.CredentialsException naming the missing properties if the id or the secret is unset
     */
    @Override
    public Credentials resolveCredentials() {
        return settings.credentials();
    }

    /** Names the settings read; never their values. */
    @Override
    public String toString() {
        return "SystemPropertyCredentialsProvider[" + settings.names() + "]";
    }
}
