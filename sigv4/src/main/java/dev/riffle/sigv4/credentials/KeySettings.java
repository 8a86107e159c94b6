package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Static credentials spread over three named settings of one source: an access key id, a secret access key (under
 * one or more names) and an optional session token. Environment variables, system properties and a profile's
 * {@code aws_access_key_id} lines all follow this shape, so they share the rules and the messages.
 *
 * <p>Messages name the settings, never their values.
 */
final class KeySettings {

    private final String sourceName;
    private final Function<String, Optional<String>> lookup;
    private final String accessKeyIdName;
    private final List<String> secretAccessKeyNames;
    private final String sessionTokenName;

    /**
     * @param sourceName           what the settings are, for messages ("environment variables")
     * @param lookup               a setting's value by name; empty when unset or blank
     * @param secretAccessKeyNames the names the secret may have, the preferred first
     */
    KeySettings(String sourceName, Function<String, Optional<String>> lookup, String accessKeyIdName,
                List<String> secretAccessKeyNames, String sessionTokenName) {
        this.sourceName = sourceName;
        this.lookup = lookup;
        this.accessKeyIdName = accessKeyIdName;
        this.secretAccessKeyNames = List.copyOf(secretAccessKeyNames);
        this.sessionTokenName = sessionTokenName;
    }

    /**
     * The credentials, or an exception naming which settings are missing.
     *
     * <p>Both the id and the secret are required: signing with one but not the other cannot work, and picking up a
     * lone {@code AWS_ACCESS_KEY_ID} as if nothing were set would hide the mistake.
     */
    Credentials credentials() {
        Optional<String> accessKeyId = accessKeyId();
        Optional<String> secretAccessKey = secretAccessKey();
        if (accessKeyId.isPresent() && secretAccessKey.isPresent()) {
            return Credentials.of(accessKeyId.get(), secretAccessKey.get(), sessionToken().orElse(null));
        }
        throw new CredentialsException(sourceName + ": " + whatIsMissing(accessKeyId, secretAccessKey));
    }

    private String whatIsMissing(Optional<String> accessKeyId, Optional<String> secretAccessKey) {
        String secretNames = namesOfTheSecret();
        if (accessKeyId.isPresent()) {
            return accessKeyIdName + " is set but " + secretNames + " is not";
        }
        if (secretAccessKey.isPresent()) {
            return secretNames + " is set but " + accessKeyIdName + " is not";
        }
        String neither = "neither " + accessKeyIdName + " nor " + secretNames + " is set";
        return sessionToken().isPresent() ? neither + " (only " + sessionTokenName + " is)" : neither;
    }

    /** The names of the settings, for a provider's {@code toString()}: never their values. */
    String names() {
        return accessKeyIdName + ", " + namesOfTheSecret() + ", " + sessionTokenName;
    }

    /** The preferred name, with any others in brackets: "aws.secretAccessKey (or aws.secretKey)". */
    private String namesOfTheSecret() {
        List<String> others = secretAccessKeyNames.subList(1, secretAccessKeyNames.size());
        return secretAccessKeyNames.get(0) + (others.isEmpty() ? "" : " (or " + String.join(", ", others) + ")");
    }

    private Optional<String> accessKeyId() {
        return lookup.apply(accessKeyIdName);
    }

    private Optional<String> secretAccessKey() {
        return secretAccessKeyNames.stream().map(lookup).flatMap(Optional::stream).findFirst();
    }

    private Optional<String> sessionToken() {
        return lookup.apply(sessionTokenName);
    }
}
