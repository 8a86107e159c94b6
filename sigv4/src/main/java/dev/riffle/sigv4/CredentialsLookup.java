package dev.riffle.sigv4;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The verifier's side of credentials: the secret (and session token) behind an access key id. */
@FunctionalInterface
public interface CredentialsLookup {

    /** The credentials whose access key id is {@code accessKeyId}, if known. */
    Optional<Credentials> find(String accessKeyId);

    /** A lookup over a fixed set of credentials. */
    static CredentialsLookup of(Credentials... credentials) {
        Map<String, Credentials> byId = Stream.of(credentials)
                .collect(Collectors.toUnmodifiableMap(Credentials::accessKeyId, Function.identity()));
        return id -> Optional.ofNullable(byId.get(id));
    }
}
