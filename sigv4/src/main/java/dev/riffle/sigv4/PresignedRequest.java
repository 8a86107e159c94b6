package dev.riffle.sigv4;

import dev.riffle.sigv4.SignableRequest.Param;
import java.util.List;

/**
 * The result of query signing: a presigned URL's parameters.
 *
 * @param query            every query parameter to send, decoded, the request's own first and
 *                         {@code X-Amz-Signature} last; {@link #queryString()} encodes them
 * @param signature        the signature, lower-case hex: the seed of an event-stream signature chain
 * @param canonicalRequest the canonical request that was signed, for diagnostics, with the value of a signed
 *                         session token replaced by {@code REDACTED} (the token is a secret and this text is
 *                         made to be logged); everything else is as signed, but its hash is then not the one in
 *                         {@link #stringToSign()} when a token was signed
 * @param stringToSign     the string to sign (for diagnostics)
 * @param scope            the credential scope
 * @param dateTime         the {@code X-Amz-Date} value
 */
public record PresignedRequest(List<Param> query, String signature, String canonicalRequest, String stringToSign,
                               CredentialScope scope, String dateTime) {

    /** Copies the parameter list. */
    public PresignedRequest {
        query = List.copyOf(query);
    }

    /** The query string to put after {@code ?}, RFC 3986-encoded. */
    public String queryString() {
        return UriEncoding.formatQuery(query);
    }

    /** The URL's query carries the session token, a secret: it is not printed. */
    @Override
    public String toString() {
        return "PresignedRequest[scope=" + scope + ", dateTime=" + dateTime + "]"; // the signature makes a URL usable
    }
}
