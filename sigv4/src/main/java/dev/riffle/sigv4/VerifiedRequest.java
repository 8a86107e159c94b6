package dev.riffle.sigv4;

import java.time.Instant;

/**
 * A request whose signature verified.
 *
 * @param credentials the credentials that signed it: they must also sign its events
 * @param scope       its credential scope (date, region, service)
 * @param signature   its signature, hex: the seed of its event chain
 * @param signedAt    its {@code x-amz-date} / {@code X-Amz-Date}
 */
public record VerifiedRequest(Credentials credentials, CredentialScope scope, String signature, Instant signedAt) {
}
