package dev.riffle.sigv4;

/**
 * Where credentials come from. A host SDK can bridge its own provider in one line, for example from the AWS SDK
 * for Java v2: {@code () -> { var c = sdkProvider.resolveCredentials(); return Credentials.of(c.accessKeyId(),
 * c.secretAccessKey()); }}.
 *
 * <p>riffle asks for credentials once per stream, when the stream opens, and signs every event of that stream with
 * them: events carry no key id, so they must be signed with the secret that signed the request, even if the
 * provider rotates them meanwhile (a known cause of mid-stream "signature does not match" errors).
 */
@FunctionalInterface
public interface CredentialsProvider {

    /**
     * The credentials to use now.
     *
     * @throws CredentialsException if none can be found; the message says where riffle looked
     */
    Credentials resolveCredentials();
}
