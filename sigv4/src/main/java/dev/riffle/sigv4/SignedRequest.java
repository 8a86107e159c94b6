package dev.riffle.sigv4;

import dev.riffle.sigv4.SignableRequest.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of header signing.
 *
 * @param headers          the headers to send: the request's own, minus any stale signing headers, plus the
 *                         ones signing added ({@code x-amz-security-token}, {@code x-amz-date},
 *                         {@code x-amz-content-sha256}, {@code authorization})
 * @param signature        the signature, lower-case hex: the seed of an event-stream signature chain
 * @param canonicalRequest the canonical request that was signed, for diagnostics, with the value of a signed
 *                         session token replaced by {@code REDACTED} (the token is a secret and this text is
 *                         made to be logged); everything else is as signed, but its hash is then not the one in
 *                         {@link #stringToSign()} when a token was signed
 * @param stringToSign     the string to sign (for diagnostics)
 * @param scope            the credential scope
 * @param dateTime         the {@code x-amz-date} value
 */
public record SignedRequest(List<Param> headers, String signature, String canonicalRequest, String stringToSign,
                            CredentialScope scope, String dateTime) {

    /** Copies the header list. */
    public SignedRequest {
        headers = List.copyOf(headers);
    }

    /** The {@code authorization} header value. */
    public String authorization() {
        for (Param header : headers) {
            if (header.name().equalsIgnoreCase(SigV4.HEADER_AUTHORIZATION)) {
                return header.value();
            }
        }
        throw new IllegalStateException("a signed request always has an authorization header");
    }

    static List<Param> concat(List<Param> a, List<Param> b) {
        List<Param> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    /** The session token, if any, is a secret: it is not printed. */
    @Override
    public String toString() {
        return "SignedRequest[scope=" + scope + ", dateTime=" + dateTime + ", signature=" + signature + "]";
    }
}
