package dev.riffle.sigv4;

import static dev.riffle.sigv4.SignatureVerificationException.Reason;

import dev.riffle.sigv4.SignableRequest.Param;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Verifies SigV4 requests the way an AWS service does: a header-signed request ({@link #verify}) or a presigned
 * URL ({@link #verifyPresigned}). Used by riffle's emulator, and by anyone testing a client.
 *
 * <p>Variants real clients send are accepted: with {@code x-amz-content-sha256} its value is the payload hash,
 * without it the empty-body hash is (the legacy Python SDK); the session token signed or not, in a header or in a
 * presigned URL. Signatures are
 * compared in constant time. Thread-safe.
 */
public final class RequestVerifier {

    /** The clock-skew window AWS services allow. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);
    /** The HTTP/2 pseudo-header that carries the host, when a client signs it under that name. */
    static final String HEADER_AUTHORITY = ":authority";

    private final CredentialsLookup credentials;
    private final Clock clock;
    private final Duration skew;
    private final String expectedService;
    private final String expectedRegion;

    /**
     * A verifier that accepts a scope of any region.
     *
     * @param credentials     the keys it accepts
     * @param clock           its notion of now
     * @param skew            how far a signing time may be from now, either way
     * @param expectedService the signing name requests must be scoped to, or null for any
     */
    public RequestVerifier(CredentialsLookup credentials, Clock clock, Duration skew, String expectedService) {
        this(credentials, clock, skew, expectedService, null);
    }

    /**
     * A verifier for one region's endpoint: a request scoped to another region is refused, as a regional AWS
     * endpoint refuses it ("Credential should be scoped to a valid region"), which catches a client that signs for
     * one region and connects to another.
     *
     * @param expectedRegion the region requests must be scoped to, or null for any
     */
    public RequestVerifier(CredentialsLookup credentials, Clock clock, Duration skew, String expectedService,
                           String expectedRegion) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
        this.expectedService = expectedService;
        this.expectedRegion = expectedRegion;
    }

    /**
     * Verifies a request signed in its {@code Authorization} header. On HTTP/2, pass the {@code :authority} as a
     * {@code host} header: that is what was signed.
     *
     * @throws SignatureVerificationException naming what failed
     */
    public VerifiedRequest verify(SignableRequest request) {
        String authorization = request.header(SigV4.HEADER_AUTHORIZATION);
        if (authorization == null) {
            throw fail(Reason.MISSING_AUTHENTICATION, "Missing Authentication Token");
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization);
        String dateTime = request.header(SigV4.HEADER_DATE);
        if (dateTime == null) {
            throw fail(Reason.INCOMPLETE_SIGNATURE,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        Instant signedAt = parseDate(dateTime.trim(), "X-Amz-Date");
        checkScope(auth.scope(), dateTime.trim());
        checkHostSigned(auth.signedHeaders());
        checkSkew(signedAt, dateTime.trim());
        Credentials found = lookUp(auth.accessKeyId(), request.header(SigV4.HEADER_SECURITY_TOKEN));

        String contentSha = request.header(SigV4.HEADER_CONTENT_SHA256);
        String payloadHash = contentSha != null ? contentSha.trim() : SigV4.EMPTY_PAYLOAD_SHA256;
        if (!signatureMatches(found, auth, dateTime.trim(), canonical(request, request.query(), auth, payloadHash))) {
            throw signatureMismatch();
        }
        return new VerifiedRequest(found, auth.scope(), auth.signature(), signedAt);
    }

    /**
     * Verifies a presigned URL: every {@code X-Amz-*} parameter, the signature, the expiry and its cap.
     *
     * @param maxExpires the longest {@code X-Amz-Expires} accepted (300 s for Transcribe's WebSocket)
     * @throws SignatureVerificationException naming what failed
     */
    public VerifiedRequest verifyPresigned(SignableRequest request, Duration maxExpires) {
        Map<String, String> q = new HashMap<>();
        for (Param p : request.query()) {
            q.putIfAbsent(p.name(), p.value());
        }
        for (String required : List.of(SigV4.QUERY_ALGORITHM, SigV4.QUERY_CREDENTIAL, SigV4.QUERY_SIGNATURE,
                SigV4.QUERY_DATE, SigV4.QUERY_SIGNED_HEADERS, SigV4.QUERY_EXPIRES)) {
            if (!q.containsKey(required)) {
                throw fail(Reason.INCOMPLETE_SIGNATURE, "AWS query-string parameters must include "
                        + "'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', "
                        + "'X-Amz-SignedHeaders', and 'X-Amz-Expires'. Missing: '" + required + "'.");
            }
        }
        if (!SigV4.ALGORITHM.equals(q.get(SigV4.QUERY_ALGORITHM))) {
            throw fail(Reason.INCOMPLETE_SIGNATURE, "X-Amz-Algorithm only supports 'AWS4-HMAC-SHA256'");
        }
        AuthorizationHeader auth = AuthorizationHeader.of(q.get(SigV4.QUERY_CREDENTIAL),
                q.get(SigV4.QUERY_SIGNED_HEADERS), q.get(SigV4.QUERY_SIGNATURE), "X-Amz-Credential");
        String dateTime = q.get(SigV4.QUERY_DATE);
        Instant signedAt = parseDate(dateTime, "X-Amz-Date");
        checkScope(auth.scope(), dateTime);
        checkHostSigned(auth.signedHeaders());
        long expires = parseExpires(q.get(SigV4.QUERY_EXPIRES), maxExpires);
        checkPresignTime(signedAt, dateTime, expires);
        Credentials found = lookUp(auth.accessKeyId(), q.get(SigV4.QUERY_SECURITY_TOKEN));

        List<Param> signedQuery = without(request.query(), SigV4.QUERY_SIGNATURE);
        String payloadHash = q.getOrDefault("X-Amz-Content-Sha256", SigV4.EMPTY_PAYLOAD_SHA256);
        if (!signatureMatches(found, auth, dateTime, canonical(request, signedQuery, auth, payloadHash))
                && !tokenAddedAfterSigning(found, auth, dateTime, request, signedQuery, payloadHash)) {
            throw signatureMismatch();
        }
        return new VerifiedRequest(found, auth.scope(), auth.signature(), signedAt);
    }

    /**
     * Whether the signature covers the query without its session token: a client may add the token after signing
     * (the presigner's {@code withSessionTokenSigned(false)}, as AWS IoT expects). Tried only for a single token,
     * which {@link #lookUp} has already checked: a second one would be a parameter nobody checked.
     */
    private static boolean tokenAddedAfterSigning(Credentials found, AuthorizationHeader auth, String dateTime,
                                                  SignableRequest request, List<Param> signedQuery,
                                                  String payloadHash) {
        List<Param> withoutToken = without(signedQuery, SigV4.QUERY_SECURITY_TOKEN);
        return signedQuery.size() - withoutToken.size() == 1
                && signatureMatches(found, auth, dateTime, canonical(request, withoutToken, auth, payloadHash));
    }

    /** {@code query} without its parameters named {@code name}. */
    private static List<Param> without(List<Param> query, String name) {
        List<Param> rest = new ArrayList<>(query);
        rest.removeIf(p -> p.name().equals(name));
        return rest;
    }

    /** The canonical request over {@code query}, in either reading of whitespace in quoted header values. */
    private static Function<Boolean, CanonicalRequest> canonical(SignableRequest request, List<Param> query,
                                                                 AuthorizationHeader auth, String payloadHash) {
        return quotedWhitespace -> CanonicalRequest.ofSignedHeaders(request, query, auth.signedHeaders(),
                payloadHash, true, quotedWhitespace);
    }

    private Credentials lookUp(String accessKeyId, String token) {
        Credentials found = credentials.find(accessKeyId).orElseThrow(() -> fail(Reason.UNKNOWN_ACCESS_KEY,
                "The security token included in the request is invalid."));
        String expected = found.sessionToken().orElse(null);
        if (!ConstantTime.equals(expected, token == null ? null : token.trim())) {
            throw fail(Reason.INVALID_TOKEN, "The security token included in the request is invalid.");
        }
        if (found.expiration().map(e -> e.isBefore(clock.instant())).orElse(false)) {
            throw fail(Reason.EXPIRED_TOKEN, "The security token included in the request is expired");
        }
        return found;
    }

    private void checkScope(CredentialScope scope, String dateTime) {
        if (!dateTime.startsWith(scope.date())) {
            throw fail(Reason.SCOPE_MISMATCH, "Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                    + "version of date from HTTP: '" + scope.date() + "' != '" + dateTime.substring(0, 8)
                    + "', from '" + dateTime + "'.");
        }
        if (expectedRegion != null && !expectedRegion.equals(scope.region())) {
            throw fail(Reason.SCOPE_MISMATCH, "Credential should be scoped to a valid region, not '"
                    + scope.region() + "'. ");
        }
        if (expectedService != null && !expectedService.equals(scope.service())) {
            throw fail(Reason.SCOPE_MISMATCH, "Credential should be scoped to correct service: '"
                    + expectedService + "'. ");
        }
    }

    /**
     * The request's host must be signed, under either name: {@code host}, or over HTTP/2 the pseudo-header
     * {@code :authority}, which the AWS SDK for JavaScript v3 signs (aws-sdk-js-v3 #3796/#3797) and the service
     * accepts, as its own refusal text says.
     */
    private static void checkHostSigned(List<String> signedHeaders) {
        if (!signedHeaders.contains(SigV4.HEADER_HOST) && !signedHeaders.contains(HEADER_AUTHORITY)) {
            throw fail(Reason.HOST_NOT_SIGNED, "'Host' or ':authority' must be a 'SignedHeader' in the AWS "
                    + "Authorization.");
        }
    }

    private void checkSkew(Instant signedAt, String dateTime) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(skew))) {
            throw fail(Reason.SIGNATURE_EXPIRED, "Signature expired: " + dateTime + " is now earlier than "
                    + SigV4.formatDateTime(now.minus(skew)) + " (" + SigV4.formatDateTime(now) + " - "
                    + describe(skew) + ".)");
        }
        if (signedAt.isAfter(now.plus(skew))) {
            throw fail(Reason.SIGNATURE_NOT_YET_CURRENT, "Signature not yet current: " + dateTime
                    + " is still later than " + SigV4.formatDateTime(now.plus(skew)) + " ("
                    + SigV4.formatDateTime(now) + " + " + describe(skew) + ".)");
        }
    }

    private void checkPresignTime(Instant signedAt, String dateTime, long expires) {
        Instant now = clock.instant();
        if (signedAt.isAfter(now.plus(skew))) {
            checkSkew(signedAt, dateTime);
        }
        Instant end = signedAt.plusSeconds(expires);
        if (now.isAfter(end)) {
            throw fail(Reason.PRESIGNED_URL_EXPIRED, "Signature expired: " + SigV4.formatDateTime(end)
                    + " is now earlier than " + SigV4.formatDateTime(now) + " (X-Amz-Date " + dateTime
                    + " + X-Amz-Expires " + expires + " s)");
        }
    }

    private static long parseExpires(String value, Duration max) {
        long expires;
        try {
            expires = Long.parseLong(requireAsciiDigits(value));
        } catch (NumberFormatException e) {
            throw fail(Reason.INCOMPLETE_SIGNATURE, "X-Amz-Expires should be a number");
        }
        if (expires < 1) {
            throw fail(Reason.INCOMPLETE_SIGNATURE, "X-Amz-Expires must be non-negative");
        }
        if (expires > max.getSeconds()) {
            throw fail(Reason.EXPIRES_TOO_LONG, "X-Amz-Expires must be at most " + max.getSeconds()
                    + " seconds, was " + expires);
        }
        return expires;
    }

    /**
     * {@code value}, if every character after an optional sign is an ASCII digit. {@link Long#parseLong} alone would
     * also read the digits of other scripts, which a query string's number never has.
     */
    private static String requireAsciiDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && !(i == 0 && (c == '-' || c == '+'))) {
                throw new NumberFormatException();
            }
        }
        return value;
    }

    /**
     * Compares the signature with the one computed over the canonical request. SDKs differ on whitespace inside
     * quoted header values (collapsed by most, kept by Ruby), so when a signed value has a quote the other reading
     * is tried too.
     */
    private static boolean signatureMatches(Credentials found, AuthorizationHeader auth, String dateTime,
                                            Function<Boolean, CanonicalRequest> canonical) {
        CanonicalRequest collapsed = canonical.apply(false);
        return matches(found, auth, dateTime, collapsed)
                || collapsed.text().indexOf('"') >= 0 && matches(found, auth, dateTime, canonical.apply(true));
    }

    private static SignatureVerificationException signatureMismatch() {
        return fail(Reason.SIGNATURE_MISMATCH, SignatureVerificationException.MISMATCH_MESSAGE);
    }

    private static boolean matches(Credentials found, AuthorizationHeader auth, String dateTime,
                                   CanonicalRequest canonical) {
        String expected = RequestSigner.signature(found, auth.scope(), canonical.stringToSign(dateTime,
                auth.scope()));
        return ConstantTime.equals(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private static Instant parseDate(String dateTime, String what) {
        try {
            return SigV4.parseDateTime(dateTime);
        } catch (DateTimeParseException e) {
            throw fail(Reason.INCOMPLETE_SIGNATURE, what + " must be in the format YYYYMMDD'T'HHMMSS'Z'");
        }
    }

    static String describe(Duration d) {
        return d.getSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.getSeconds() + " sec";
    }

    static SignatureVerificationException fail(Reason reason, String message) {
        return SignatureVerificationException.request(reason, message);
    }

    /** The parts of an Authorization header, or of the equivalent presigned parameters. */
    record AuthorizationHeader(String accessKeyId, CredentialScope scope, List<String> signedHeaders,
                               String signature) {

        static AuthorizationHeader parse(String header) {
            String value = header.trim();
            if (!value.startsWith(SigV4.ALGORITHM + " ")) {
                throw fail(Reason.INCOMPLETE_SIGNATURE, "Authorization header must start with '"
                        + SigV4.ALGORITHM + "'");
            }
            Map<String, String> parts = new HashMap<>();
            for (String part : value.substring(SigV4.ALGORITHM.length()).split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
            StringBuilder missing = new StringBuilder();
            for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
                if (!parts.containsKey(name)) {
                    missing.append("Authorization header requires '").append(name).append("' parameter. ");
                }
            }
            if (missing.length() > 0) {
                throw fail(Reason.INCOMPLETE_SIGNATURE, missing.toString().trim());
            }
            return of(parts.get("Credential"), parts.get("SignedHeaders"), parts.get("Signature"), "Credential");
        }

        static AuthorizationHeader of(String credential, String signedHeaders, String signature, String what) {
            int slash = credential.indexOf('/');
            if (slash <= 0) {
                throw fail(Reason.INCOMPLETE_SIGNATURE, what + " is not of the form <access key id>/<scope>");
            }
            CredentialScope scope;
            try {
                scope = CredentialScope.parse(credential.substring(slash + 1));
            } catch (IllegalArgumentException e) {
                throw fail(Reason.INCOMPLETE_SIGNATURE, what + ": " + e.getMessage());
            }
            if (signature.isEmpty()) {
                throw fail(Reason.INCOMPLETE_SIGNATURE, "the signature is empty");
            }
            return new AuthorizationHeader(credential.substring(0, slash), scope,
                    Arrays.asList(signedHeaders.trim().split(";")), signature.trim());
        }
    }
}
