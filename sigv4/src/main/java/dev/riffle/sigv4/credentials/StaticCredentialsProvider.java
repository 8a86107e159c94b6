package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsProvider;
import java.util.Objects;

/**
 * Always the same credentials: for tests, for the emulator, and for hosts that obtain credentials themselves.
 */
public final class StaticCredentialsProvider implements CredentialsProvider {

    private final Credentials credentials;

    private StaticCredentialsProvider(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** A provider that always answers {@code credentials}. */
    public static StaticCredentialsProvider of(Credentials credentials) {
        return new StaticCredentialsProvider(credentials);
    }

    /** The fixed credentials. */
    @Override
    public Credentials resolveCredentials() {
        return credentials;
    }

    /** Shows the credentials' own safe form: the key id, never the secret or the token. */
    @Override
    public String toString() {
        return "StaticCredentialsProvider[" + credentials + "]";
    }
}
