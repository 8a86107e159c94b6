package dev.riffle.sigv4;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to sign one request.
 *
 * @param credentials            who signs
 * @param region                 the endpoint's region
 * @param service                the signing name ({@code transcribe} for Transcribe Streaming)
 * @param time                   the signing time; truncated to the second
 * @param payloadHash            the canonical payload hash: hex SHA-256 of the body, or a literal such as
 *                               {@link SigV4#STREAMING_EVENTS_PAYLOAD}; null means "the request's
 *                               {@code x-amz-content-sha256} header if it has one, else the empty-body hash"
 * @param addContentSha256Header whether header signing adds {@code x-amz-content-sha256} with the payload hash
 * @param signSessionToken       whether the session token goes in before signing (the default, as the JS SDK,
 *                               the CRT and the docs do) or is added after, unsigned
 * @param normalizePath          whether dot segments and duplicate slashes are removed from the path (yes for
 *                               every service but S3)
 * @param unsignedHeaders        header names (lower case) left out of the signature
 * @param keepQuotedWhitespace   whether runs of spaces inside double quotes in a header value are kept (the Ruby
 *                               SDK) rather than collapsed like all others (the AWS docs, the AWS test suite, the
 *                               CRT, smithy-typescript: the default)
 */
public record SigningOptions(Credentials credentials, String region, String service, Instant time,
                             String payloadHash, boolean addContentSha256Header, boolean signSessionToken,
                             boolean normalizePath, Set<String> unsignedHeaders, boolean keepQuotedWhitespace) {

    /** Headers the AWS SDKs leave unsigned: they are changed by proxies or added after signing. */
    public static final Set<String> DEFAULT_UNSIGNED_HEADERS =
            Set.of("user-agent", "x-amzn-trace-id", "expect", "connection", "transfer-encoding");

    /** Checks required fields and lower-cases the unsigned names. */
    public SigningOptions {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(time, "time");
        unsignedHeaders = unsignedHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Defaults: payload hash from the request, no content-sha256 header, token signed, path normalised. */
    public static SigningOptions of(Credentials credentials, String region, String service, Instant time) {
        return new SigningOptions(credentials, region, service, time, null, false, true, true,
                DEFAULT_UNSIGNED_HEADERS, false);
    }

    /** With this payload hash. */
    public SigningOptions withPayloadHash(String hash) {
        return new SigningOptions(credentials, region, service, time, hash, addContentSha256Header,
                signSessionToken, normalizePath, unsignedHeaders, keepQuotedWhitespace);
    }

    /** With or without the {@code x-amz-content-sha256} header added by header signing. */
    public SigningOptions withContentSha256Header(boolean add) {
        return new SigningOptions(credentials, region, service, time, payloadHash, add, signSessionToken,
                normalizePath, unsignedHeaders, keepQuotedWhitespace);
    }

    /** With the session token signed (true) or added after signing (false). */
    public SigningOptions withSessionTokenSigned(boolean signed) {
        return new SigningOptions(credentials, region, service, time, payloadHash, addContentSha256Header, signed,
                normalizePath, unsignedHeaders, keepQuotedWhitespace);
    }

    /** With or without path normalisation. */
    public SigningOptions withNormalizedPath(boolean normalize) {
        return new SigningOptions(credentials, region, service, time, payloadHash, addContentSha256Header,
                signSessionToken, normalize, unsignedHeaders, keepQuotedWhitespace);
    }

    /** With these header names left unsigned (replacing the defaults). */
    public SigningOptions withUnsignedHeaders(Set<String> names) {
        return new SigningOptions(credentials, region, service, time, payloadHash, addContentSha256Header,
                signSessionToken, normalizePath, names, keepQuotedWhitespace);
    }

    /** With runs of spaces inside double quotes kept (true) or collapsed (false, the default). */
    public SigningOptions withQuotedWhitespaceKept(boolean keep) {
        return new SigningOptions(credentials, region, service, time, payloadHash, addContentSha256Header,
                signSessionToken, normalizePath, unsignedHeaders, keep);
    }

    /** The credential scope of this signature. */
    public CredentialScope scope() {
        return CredentialScope.of(SigV4.formatDateTime(time), region, service);
    }

    /** Credentials are never printed in full: see {@link Credentials#toString()}. */
    @Override
    public String toString() {
        return "SigningOptions[" + credentials + ", region=" + region + ", service=" + service + ", time=" + time
                + ", payloadHash=" + payloadHash + "]";
    }
}
