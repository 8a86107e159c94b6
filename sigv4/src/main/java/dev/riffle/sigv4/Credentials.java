package dev.riffle.sigv4;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * AWS credentials: an access key id, a secret access key, and for temporary credentials a session token and
 * perhaps an expiry.
 *
 * <p>Secrets never leave this object by accident: {@link #toString()} shows only the access key id (which AWS
 * treats as an identifier, not a secret) and whether a token is present. Equality compares all fields in
 * constant time, so credentials can be compared without a timing side channel.
 */
public final class Credentials {

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final Instant expiration;

    private Credentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        this.accessKeyId = requireText(accessKeyId, "access key id");
        this.secretAccessKey = requireText(secretAccessKey, "secret access key");
        this.sessionToken = sessionToken == null || sessionToken.isEmpty() ? null : sessionToken;
        this.expiration = expiration;
    }

    /** Long-term credentials. */
    public static Credentials of(String accessKeyId, String secretAccessKey) {
        return new Credentials(accessKeyId, secretAccessKey, null, null);
    }

    /** Temporary credentials; a null or empty token means long-term credentials. */
    public static Credentials of(String accessKeyId, String secretAccessKey, String sessionToken) {
        return new Credentials(accessKeyId, secretAccessKey, sessionToken, null);
    }

    /** Temporary credentials that expire at {@code expiration} (null: unknown). */
    public static Credentials of(String accessKeyId, String secretAccessKey, String sessionToken,
                                 Instant expiration) {
        return new Credentials(accessKeyId, secretAccessKey, sessionToken, expiration);
    }

    /** The access key id, as it appears in a credential scope. */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** The secret access key. Handle with care: never log it. */
    public String secretAccessKey() {
        return secretAccessKey;
    }

    /** The session token of temporary credentials. */
    public Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    /** When temporary credentials stop working, if known. */
    public Optional<Instant> expiration() {
        return Optional.ofNullable(expiration);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Credentials that)) {
            return false;
        }
        return ConstantTime.equals(accessKeyId, that.accessKeyId)
                & ConstantTime.equals(secretAccessKey, that.secretAccessKey)
                & ConstantTime.equals(sessionToken, that.sessionToken)
                & Objects.equals(expiration, that.expiration);
    }

    @Override
    public int hashCode() {
        return accessKeyId.hashCode(); // the id only: a hash must not leak anything about the secret
    }

    /** The access key id and whether there is a session token; never the secret or the token. */
    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***"
                + (sessionToken == null ? "" : ", sessionToken=***")
                + (expiration == null ? "" : ", expiration=" + expiration) + "]";
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " is missing or blank");
        }
        return value;
    }
}
