package dev.riffle.sigv4;

import dev.riffle.sigv4.SignableRequest.Param;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SigV4 signing of an HTTP request, in the {@code Authorization} header or in the query (a presigned URL).
 *
 * <p>For an event-stream request, sign with payload hash {@link SigV4#STREAMING_EVENTS_PAYLOAD} and the
 * {@code x-amz-content-sha256} header; the returned {@link SignedRequest#signature()} then seeds the
 * {@link EventSigner}. Stateless and thread-safe.
 */
public final class RequestSigner {

    /**
     * What the diagnostic canonical request shows instead of a session token's value: the token is a secret, and
     * that text is made to be logged. Only unreserved characters, so it reads the same in a header and, encoded, in
     * the query.
     */
    static final String REDACTED = "REDACTED";

    private RequestSigner() {
    }

    /**
     * Signs {@code request} in the {@code Authorization} header. Any {@code authorization}, {@code x-amz-date}
     * and {@code x-amz-security-token} already on the request are replaced.
     */
    public static SignedRequest sign(SignableRequest request, SigningOptions options) {
        String dateTime = SigV4.formatDateTime(options.time());
        CredentialScope scope = CredentialScope.of(dateTime, options.region(), options.service());
        SignableRequest base = request.withoutHeaders(SigV4.HEADER_AUTHORIZATION, SigV4.HEADER_DATE,
                SigV4.HEADER_SECURITY_TOKEN);
        String payloadHash = payloadHash(base, options);
        String token = options.credentials().sessionToken().orElse(null);

        List<Param> added = new ArrayList<>();
        if (token != null && options.signSessionToken()) {
            added.add(new Param(SigV4.HEADER_SECURITY_TOKEN, token));
        }
        added.add(new Param(SigV4.HEADER_DATE, dateTime));
        if (options.addContentSha256Header() && base.header(SigV4.HEADER_CONTENT_SHA256) == null) {
            added.add(new Param(SigV4.HEADER_CONTENT_SHA256, payloadHash));
        }
        SignableRequest toSign = new SignableRequest(base.method(), base.path(), base.query(),
                SignedRequest.concat(base.headers(), added));
        CanonicalRequest canonical = CanonicalRequest.of(toSign, toSign.query(), options.unsignedHeaders(),
                payloadHash, options.normalizePath(), options.keepQuotedWhitespace());
        String stringToSign = canonical.stringToSign(dateTime, scope);
        String signature = signature(options.credentials(), scope, stringToSign);

        List<Param> headers = new ArrayList<>(toSign.headers());
        if (token != null && !options.signSessionToken()) {
            headers.add(new Param(SigV4.HEADER_SECURITY_TOKEN, token));
        }
        headers.add(new Param(SigV4.HEADER_AUTHORIZATION, SigV4.ALGORITHM + " Credential="
                + options.credentials().accessKeyId() + "/" + scope + ", SignedHeaders=" + canonical.signedHeaders()
                + ", Signature=" + signature));
        return new SignedRequest(headers, signature, diagnosticText(canonical, toSign, toSign.query(), options,
                payloadHash), stringToSign, scope, dateTime);
    }

    /**
     * Presigns {@code request}: the signature goes in the query, valid for {@code expires}. Every header of the
     * request (but the unsigned ones) is signed; a browser-style WebSocket URL passes only {@code host}, with its
     * port. The payload hash defaults to the empty-body hash.
     *
     * @throws IllegalArgumentException if {@code expires} is not 1 s to 7 days
     */
    public static PresignedRequest presign(SignableRequest request, SigningOptions options, Duration expires) {
        long seconds = expires.getSeconds();
        if (seconds < 1 || seconds > SigV4.MAX_PRESIGN_EXPIRES_SECONDS || expires.getNano() != 0) {
            throw new IllegalArgumentException("X-Amz-Expires must be a whole number of seconds from 1 to "
                    + SigV4.MAX_PRESIGN_EXPIRES_SECONDS + ", was " + expires);
        }
        String dateTime = SigV4.formatDateTime(options.time());
        CredentialScope scope = CredentialScope.of(dateTime, options.region(), options.service());
        String payloadHash = options.payloadHash() != null ? options.payloadHash() : SigV4.EMPTY_PAYLOAD_SHA256;
        String token = options.credentials().sessionToken().orElse(null);
        String signedHeaders = String.join(";", CanonicalRequest.canonicalHeaders(request.headers(),
                options.unsignedHeaders(), options.keepQuotedWhitespace()).keySet());

        List<Param> added = new ArrayList<>();
        added.add(new Param(SigV4.QUERY_ALGORITHM, SigV4.ALGORITHM));
        added.add(new Param(SigV4.QUERY_CREDENTIAL, options.credentials().accessKeyId() + "/" + scope));
        added.add(new Param(SigV4.QUERY_DATE, dateTime));
        added.add(new Param(SigV4.QUERY_SIGNED_HEADERS, signedHeaders));
        added.add(new Param(SigV4.QUERY_EXPIRES, Long.toString(seconds)));
        if (token != null && options.signSessionToken()) {
            added.add(new Param(SigV4.QUERY_SECURITY_TOKEN, token)); // inside the canonical query: signed
        }
        List<Param> query = SignedRequest.concat(request.query(), added);
        CanonicalRequest canonical = CanonicalRequest.of(request, query, options.unsignedHeaders(), payloadHash,
                options.normalizePath(), options.keepQuotedWhitespace());
        String stringToSign = canonical.stringToSign(dateTime, scope);
        String signature = signature(options.credentials(), scope, stringToSign);

        List<Param> finalQuery = new ArrayList<>(query);
        if (token != null && !options.signSessionToken()) {
            finalQuery.add(new Param(SigV4.QUERY_SECURITY_TOKEN, token));
        }
        finalQuery.add(new Param(SigV4.QUERY_SIGNATURE, signature));
        return new PresignedRequest(finalQuery, signature, diagnosticText(canonical, request, query, options,
                payloadHash), stringToSign, scope, dateTime);
    }

    /** Hex HMAC-SHA256 of {@code stringToSign} under the signing key of {@code scope}. */
    static String signature(Credentials credentials, CredentialScope scope, String stringToSign) {
        byte[] key = SigningKeys.signingKey(credentials.secretAccessKey(), scope);
        return Hex.encode(SigningKeys.newHmac(key).doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@code canonical}'s text with the value of every session-token header and query parameter replaced by
     * {@link #REDACTED}, built the same way so that names, order and the signed-header list stay as signed.
     */
    private static String diagnosticText(CanonicalRequest canonical, SignableRequest signed, List<Param> query,
                                         SigningOptions options, String payloadHash) {
        if (!hasSessionToken(signed.headers()) && !hasSessionToken(query)) {
            return canonical.text();
        }
        List<Param> redactedQuery = redacted(query);
        SignableRequest redacted = new SignableRequest(signed.method(), signed.path(), redactedQuery,
                redacted(signed.headers()));
        return CanonicalRequest.of(redacted, redactedQuery, options.unsignedHeaders(), payloadHash,
                options.normalizePath(), options.keepQuotedWhitespace()).text();
    }

    private static boolean hasSessionToken(List<Param> params) {
        return params.stream().anyMatch(Param::isSessionToken);
    }

    private static List<Param> redacted(List<Param> params) {
        List<Param> out = new ArrayList<>(params.size());
        for (Param p : params) {
            out.add(p.isSessionToken() ? new Param(p.name(), REDACTED) : p);
        }
        return out;
    }

    private static String payloadHash(SignableRequest request, SigningOptions options) {
        if (options.payloadHash() != null) {
            return options.payloadHash();
        }
        String header = request.header(SigV4.HEADER_CONTENT_SHA256);
        return header != null ? header.trim() : SigV4.EMPTY_PAYLOAD_SHA256;
    }
}
