package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.SignableRequest.Param;
import dev.riffle.sigv4.SignatureVerificationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request and presigned-URL verifier: each rule the service applies, and its answer. */
class RequestVerifierTest {

    private static final Credentials KEY = Credentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final Credentials TEMPORARY = Credentials.of("ASIATEMP", "temporary-secret", "the-session-token",
            Instant.parse("2026-11-21T12:00:00Z"));
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final TestClock clock = new TestClock(NOW);
    private final RequestVerifier verifier = new RequestVerifier(CredentialsLookup.of(KEY, TEMPORARY), clock,
            RequestVerifier.DEFAULT_CLOCK_SKEW, "transcribe");

    private static SignableRequest transcribeRequest() {
        return SignableRequest.builder("POST", "/stream-transcription")
                .header("host", "transcribestreaming.us-west-2.amazonaws.com")
                .header("content-type", "application/vnd.amazon.eventstream")
                .header("x-amzn-transcribe-language-code", "en-US")
                .header("x-amzn-transcribe-media-encoding", "pcm")
                .header("x-amzn-transcribe-sample-rate", "16000")
                .header("user-agent", "riffle-test")
                .build();
    }

    private static SigningOptions options(Credentials credentials, Instant time) {
        return SigningOptions.of(credentials, "us-west-2", "transcribe", time)
                .withPayloadHash(SigV4.STREAMING_EVENTS_PAYLOAD).withContentSha256Header(true);
    }

    private static SignableRequest signed(Credentials credentials, Instant time) {
        SignableRequest request = transcribeRequest();
        return withHeaders(request, RequestSigner.sign(request, options(credentials, time)).headers());
    }

    @Test
    void acceptsAStreamingRequestAndReturnsTheChainSeed() {
        SignableRequest request = transcribeRequest();
        SignedRequest signed = RequestSigner.sign(request, options(KEY, NOW));

        VerifiedRequest verified = verifier.verify(withHeaders(request, signed.headers()));

        assertThat(verified.signature()).isEqualTo(signed.signature());
        assertThat(verified.credentials()).isEqualTo(KEY);
        assertThat(verified.scope()).isEqualTo(new CredentialScope("20261121", "us-west-2", "transcribe"));
        assertThat(verified.signedAt()).isEqualTo(NOW);
    }

    @Test
    void acceptsTheLegacyPythonVariantWithoutContentSha256() {
        SignableRequest request = transcribeRequest();
        SigningOptions python = SigningOptions.of(KEY, "us-west-2", "transcribe", NOW); // empty-body hash, no header
        SignedRequest signed = RequestSigner.sign(request, python);
        assertThat(signed.headers()).noneMatch(h -> h.name().equals("x-amz-content-sha256"));

        assertThat(verifier.verify(withHeaders(request, signed.headers())).signature()).isEqualTo(signed.signature());
    }

    @Test
    void unsignedHeadersMayChange() {
        SignableRequest request = edit(signed(KEY, NOW), "user-agent", v -> "some proxy");
        assertThat(verifier.verify(request).credentials()).isEqualTo(KEY);
    }

    @Test
    void changedSignedHeaderIsAMismatch() {
        SignableRequest request = edit(signed(KEY, NOW), "x-amzn-transcribe-sample-rate", v -> "8000");
        assertRefused(request, Reason.SIGNATURE_MISMATCH, 403, "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided.");
    }

    @Test
    void wrongSecretIsAMismatch() {
        SignableRequest request = signed(Credentials.of("AKIDEXAMPLE", "not-the-secret"), NOW);
        assertRefused(request, Reason.SIGNATURE_MISMATCH, 403, "InvalidSignatureException", "does not match");
    }

    @Test
    void unknownAccessKeyIsUnrecognized() {
        assertRefused(signed(Credentials.of("AKIDUNKNOWN", "x"), NOW), Reason.UNKNOWN_ACCESS_KEY, 403,
                "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    @Test
    void missingAuthorizationIsMissingAuthentication() {
        assertRefused(transcribeRequest(), Reason.MISSING_AUTHENTICATION, 403,
                "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    @Test
    void incompleteAuthorizationNamesWhatIsMissing() {
        SignableRequest request = edit(signed(KEY, NOW), "authorization",
                v -> v.substring(0, v.indexOf(", Signature=")));
        assertRefused(request, Reason.INCOMPLETE_SIGNATURE, 403, "IncompleteSignatureException",
                "Authorization header requires 'Signature' parameter.");
    }

    @Test
    void aDateInAnotherFormatIsQuoted() {
        SignableRequest request = edit(signed(KEY, NOW), "authorization",
                v -> v.replace("/20261121/", "/2026-11-21/"));
        assertRefused(request, Reason.INCOMPLETE_SIGNATURE, 403, "IncompleteSignatureException",
                "Credential: scope date must be YYYYMMDD, was '2026-11-21'");
    }

    @Test
    void aSessionTokenInTheCredentialScopeIsNotQuoted() {
        SignableRequest request = edit(signed(TEMPORARY, NOW), "authorization",
                v -> v.replace("/20261121/", "/" + TEMPORARY.sessionToken().orElseThrow() + "/"));
        assertRefused(request, Reason.INCOMPLETE_SIGNATURE, 403, "IncompleteSignatureException",
                "Credential: scope date must be YYYYMMDD, was a value of 17 characters");
        assertThatThrownBy(() -> verifier.verify(request)).hasMessageNotContaining("the-session-token");
    }

    @Test
    void hostMustBeSigned() {
        SignableRequest request = transcribeRequest();
        SigningOptions noHost = options(KEY, NOW).withUnsignedHeaders(java.util.Set.of("host", "user-agent"));
        SignableRequest sent = withHeaders(request, RequestSigner.sign(request, noHost).headers());
        assertRefused(sent, Reason.HOST_NOT_SIGNED, 403, "InvalidSignatureException",
                "'Host' or ':authority' must be a 'SignedHeader'");
    }

    @Test
    void theHostMayBeSignedAsTheHttp2AuthorityAsTheJavaScriptSdkSignsIt() {
        SignableRequest request = transcribeRequest();
        List<Param> renamed = new ArrayList<>();
        for (Param h : request.headers()) {
            renamed.add(h.name().equals("host") ? new Param(":authority", h.value()) : h);
        }
        SignableRequest withAuthority = withHeaders(request, renamed);
        SignableRequest sent = withHeaders(withAuthority, RequestSigner.sign(withAuthority, options(KEY, NOW))
                .headers());
        assertThat(sent.headers()).extracting(Param::name).doesNotContain("host");

        assertThat(verifier.verify(sent).credentials()).isEqualTo(KEY);
    }

    @Test
    void clockSkewBeyondFiveMinutesIsRefusedBothWays() {
        assertRefused(signed(KEY, NOW.minus(Duration.ofMinutes(6))), Reason.SIGNATURE_EXPIRED, 403,
                "InvalidSignatureException",
                "Signature expired: 20261121T095400Z is now earlier than 20261121T095500Z (20261121T100000Z - 5 min.)");
        assertRefused(signed(KEY, NOW.plus(Duration.ofMinutes(6))), Reason.SIGNATURE_NOT_YET_CURRENT, 403,
                "InvalidSignatureException", "Signature not yet current: 20261121T100600Z is still later than");
        assertThat(verifier.verify(signed(KEY, NOW.minus(Duration.ofMinutes(4)))).credentials()).isEqualTo(KEY);
    }

    @Test
    void aDateTimeThatDoesNotExistIsRefusedEvenWhenSignedCorrectly() {
        // Found on review (RequestVerifierFuzzTest asserts that signedAt reads back as the x-amz-date): the lenient
        // resolver read 24:00:00 as the next midnight, so a request whose scope said 21 November verified as signed on
        // the 22nd; and 31 November read as the 30th.
        clock.set(Instant.parse("2026-11-22T00:00:30Z"));
        assertThat(verifier.verify(signedWithDate("20261122T000000Z")).signedAt())
                .isEqualTo(Instant.parse("2026-11-22T00:00:00Z"));

        assertRefused(signedWithDate("20261121T240000Z"), Reason.INCOMPLETE_SIGNATURE, 403,
                "IncompleteSignatureException", "X-Amz-Date must be in the format YYYYMMDD'T'HHMMSS'Z'");
        assertRefused(signedWithDate("20261131T000000Z"), Reason.INCOMPLETE_SIGNATURE, 403,
                "IncompleteSignatureException", "X-Amz-Date must be in the format YYYYMMDD'T'HHMMSS'Z'");
    }

    @Test
    void scopeMustMatchTheDateAndTheService() {
        SignableRequest otherService = transcribeRequest();
        SigningOptions s3 = SigningOptions.of(KEY, "us-west-2", "transcribestreaming", NOW);
        assertRefused(withHeaders(otherService, RequestSigner.sign(otherService, s3).headers()),
                Reason.SCOPE_MISMATCH, 403, "InvalidSignatureException",
                "Credential should be scoped to correct service: 'transcribe'.");
        SignableRequest otherDate = edit(signed(KEY, NOW), "x-amz-date", v -> "20261120T235959Z");
        clock.set(Instant.parse("2026-11-21T00:00:00Z"));
        assertRefused(otherDate, Reason.SCOPE_MISMATCH, 403, "InvalidSignatureException",
                "Date in Credential scope does not match");
    }

    /** A regional endpoint refuses a signature scoped to another region; a verifier without one takes any. */
    @Test
    void aVerifierForOneRegionRefusesAScopeOfAnother() {
        RequestVerifier oregon = new RequestVerifier(CredentialsLookup.of(KEY), clock,
                RequestVerifier.DEFAULT_CLOCK_SKEW, "transcribe", "us-west-2");
        SignableRequest request = transcribeRequest();
        SignableRequest forIreland = withHeaders(request, RequestSigner.sign(request,
                SigningOptions.of(KEY, "eu-west-1", "transcribe", NOW)).headers());

        assertThatThrownBy(() -> oregon.verify(forIreland)).isInstanceOfSatisfying(
                SignatureVerificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SCOPE_MISMATCH);
                    assertThat(e.errorType()).isEqualTo("InvalidSignatureException");
                    assertThat(e.getMessage()).contains("Credential should be scoped to a valid region, not "
                            + "'eu-west-1'.");
                });
        assertThat(oregon.verify(signed(KEY, NOW)).credentials()).isEqualTo(KEY);
        assertThat(verifier.verify(forIreland).credentials()).isEqualTo(KEY);
    }

    @Test
    void sessionTokenMustBePresentAndRightAndUnexpired() {
        assertThat(verifier.verify(signed(TEMPORARY, NOW)).credentials()).isEqualTo(TEMPORARY);
        SignableRequest wrongToken = edit(signed(TEMPORARY, NOW), "x-amz-security-token", v -> "forged");
        assertRefused(wrongToken, Reason.INVALID_TOKEN, 403, "UnrecognizedClientException", "is invalid");
        SignableRequest withoutToken = signed(Credentials.of("ASIATEMP", "temporary-secret"), NOW);
        assertRefused(withoutToken, Reason.INVALID_TOKEN, 403, "UnrecognizedClientException", "is invalid");
        clock.set(Instant.parse("2026-11-21T12:00:01Z"));
        assertRefused(signed(TEMPORARY, Instant.parse("2026-11-21T12:00:00Z")), Reason.EXPIRED_TOKEN, 403,
                "ExpiredTokenException", "expired");
    }

    @Test
    void presignedWebSocketUrlVerifies() {
        PresignedRequest url = presign(KEY, NOW, Duration.ofSeconds(60));
        assertThat(verifier.verifyPresigned(sent(url), Duration.ofSeconds(300)).signature())
                .isEqualTo(url.signature());
        assertThat(url.canonicalRequest()).contains("\nhost:transcribestreaming.us-west-2.amazonaws.com:8443\n")
                .contains("\nhost\n" + SigV4.EMPTY_PAYLOAD_SHA256);
    }

    @Test
    void presignedUrlExpiresAndItsLifeIsCapped() {
        PresignedRequest url = presign(KEY, NOW, Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        assertPresignRefused(sent(url), Reason.PRESIGNED_URL_EXPIRED, "Signature expired: 20261121T100100Z");

        clock.set(NOW);
        PresignedRequest tooLong = presign(KEY, NOW, Duration.ofSeconds(301));
        assertPresignRefused(sent(tooLong), Reason.EXPIRES_TOO_LONG, "X-Amz-Expires must be at most 300 seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0666\u0660", "\uFF16\uFF10", "6O", "", "0x3c"})
    void presignedUrlWhoseExpiresIsNotADecimalNumberIsIncomplete(String expires) {
        // Long.parseLong alone reads other scripts' digits: "\u0666\u0660" would have been a life of 60 s.
        PresignedRequest url = presign(KEY, NOW, Duration.ofSeconds(60));
        List<Param> query = new ArrayList<>(sent(url).query());
        query.replaceAll(p -> p.name().equals("X-Amz-Expires") ? new Param(p.name(), expires) : p);
        assertPresignRefused(new SignableRequest("GET", "/stream-transcription-websocket", query,
                sent(url).headers()), Reason.INCOMPLETE_SIGNATURE, "X-Amz-Expires should be a number");
    }

    @Test
    void presignedUrlWithATokenSignsTheToken() {
        PresignedRequest url = presign(TEMPORARY, NOW, Duration.ofSeconds(60));
        assertThat(url.canonicalRequest()).contains("X-Amz-Security-Token=" + RequestSigner.REDACTED)
                .doesNotContain("the-session-token");
        assertThat(verifier.verifyPresigned(sent(url), Duration.ofSeconds(300)).credentials()).isEqualTo(TEMPORARY);
        assertThat(url.toString()).doesNotContain("the-session-token");
    }

    @Test
    void presignedUrlWithATokenAddedAfterSigningVerifiesButNotAChangedOne() {
        SignableRequest request = SignableRequest.builder("GET", "/stream-transcription-websocket")
                .header("host", "transcribestreaming.us-west-2.amazonaws.com:8443").query("language-code", "en-US")
                .build();
        PresignedRequest url = RequestSigner.presign(request, SigningOptions.of(TEMPORARY, "us-west-2", "transcribe",
                NOW).withSessionTokenSigned(false), Duration.ofSeconds(60));
        assertThat(url.canonicalRequest()).doesNotContain("X-Amz-Security-Token");
        assertThat(verifier.verifyPresigned(sent(url), Duration.ofSeconds(300)).credentials()).isEqualTo(TEMPORARY);

        List<Param> otherLanguage = new ArrayList<>(sent(url).query());
        otherLanguage.replaceAll(p -> p.name().equals("language-code") ? new Param(p.name(), "de-DE") : p);
        assertPresignRefused(new SignableRequest("GET", "/stream-transcription-websocket", otherLanguage,
                sent(url).headers()), Reason.SIGNATURE_MISMATCH, "signature we calculated does not match");
    }

    @Test
    void presignedUrlMissingAParameterIsIncomplete() {
        PresignedRequest url = presign(KEY, NOW, Duration.ofSeconds(60));
        List<Param> query = new ArrayList<>(url.query());
        query.removeIf(p -> p.name().equals("X-Amz-Date"));
        SignableRequest request = new SignableRequest("GET", "/stream-transcription-websocket", query,
                List.of(new Param("host", "transcribestreaming.us-west-2.amazonaws.com:8443")));
        assertPresignRefused(request, Reason.INCOMPLETE_SIGNATURE, "Missing: 'X-Amz-Date'");
    }

    @Test
    void presignedUrlWithAChangedParameterOrHostIsAMismatch() {
        PresignedRequest url = presign(KEY, NOW, Duration.ofSeconds(60));
        List<Param> query = new ArrayList<>(url.query());
        query.replaceAll(p -> p.name().equals("sample-rate") ? new Param("sample-rate", "8000") : p);
        assertPresignRefused(new SignableRequest("GET", "/stream-transcription-websocket", query,
                sent(url).headers()), Reason.SIGNATURE_MISMATCH, "does not match");
        SignableRequest withoutPort = new SignableRequest("GET", "/stream-transcription-websocket", url.query(),
                List.of(new Param("host", "transcribestreaming.us-west-2.amazonaws.com")));
        assertPresignRefused(withoutPort, Reason.SIGNATURE_MISMATCH, "does not match");
    }

    private static PresignedRequest presign(Credentials credentials, Instant time, Duration expires) {
        SignableRequest request = SignableRequest.builder("GET", "/stream-transcription-websocket")
                .header("host", "transcribestreaming.us-west-2.amazonaws.com:8443")
                .query("language-code", "en-US").query("media-encoding", "pcm").query("sample-rate", "16000")
                .build();
        return RequestSigner.presign(request, SigningOptions.of(credentials, "us-west-2", "transcribe", time),
                expires);
    }

    private static SignableRequest sent(PresignedRequest url) {
        return new SignableRequest("GET", "/stream-transcription-websocket",
                UriEncoding.parseQuery(url.queryString()),
                List.of(new Param("host", "transcribestreaming.us-west-2.amazonaws.com:8443")));
    }

    private void assertRefused(SignableRequest request, Reason reason, int status, String type, String message) {
        assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(
                SignatureVerificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.httpStatus()).isEqualTo(status);
                    assertThat(e.errorType()).isEqualTo(type);
                    assertThat(e.isEventFailure()).isFalse();
                    assertThat(e.getMessage()).contains(message)
                            .doesNotContain(KEY.secretAccessKey()).doesNotContain("temporary-secret");
                });
    }

    private void assertPresignRefused(SignableRequest request, Reason reason, String message) {
        assertThatThrownBy(() -> verifier.verifyPresigned(request, Duration.ofSeconds(300)))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    /**
     * {@link #transcribeRequest()} signed correctly with {@code dateTime} as its x-amz-date, as written, and its first
     * eight characters as the scope's date: a client that writes the date itself, which the signer cannot do.
     */
    private static SignableRequest signedWithDate(String dateTime) {
        CredentialScope scope = new CredentialScope(dateTime.substring(0, 8), "us-west-2", "transcribe");
        List<Param> headers = new ArrayList<>(transcribeRequest().headers());
        headers.add(new Param("x-amz-date", dateTime));
        SignableRequest request = withHeaders(transcribeRequest(), headers);
        CanonicalRequest canonical = CanonicalRequest.ofSignedHeaders(request, List.of(), List.of("host", "x-amz-date"),
                SigV4.EMPTY_PAYLOAD_SHA256, true, false);
        String signature = RequestSigner.signature(KEY, scope, canonical.stringToSign(dateTime, scope));
        headers.add(new Param("authorization", SigV4.ALGORITHM + " Credential=" + KEY.accessKeyId() + "/" + scope
                + ", SignedHeaders=host;x-amz-date, Signature=" + signature));
        return withHeaders(request, headers);
    }

    private static SignableRequest withHeaders(SignableRequest request, List<Param> headers) {
        return new SignableRequest(request.method(), request.path(), request.query(), headers);
    }

    private static SignableRequest edit(SignableRequest request, String header, UnaryOperator<String> change) {
        List<Param> headers = new ArrayList<>();
        for (Param h : request.headers()) {
            headers.add(h.name().equalsIgnoreCase(header) ? new Param(h.name(), change.apply(h.value())) : h);
        }
        return withHeaders(request, headers);
    }
}
