package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.riffle.sigv4.FuzzFixtures.Expect;
import dev.riffle.sigv4.SignableRequest.Param;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Fuzzes {@link RequestVerifier#verify}: what a server does with the {@code Authorization}, {@code x-amz-date},
 * {@code x-amz-content-sha256} and {@code x-amz-security-token} headers of a request it received.
 *
 * <p>Properties: every input verifies or is refused with a {@link SignatureVerificationException} that has a reason
 * and a message; no other exception, no hang; no message quotes a secret access key or the session token. What
 * verifies was signed at its {@code x-amz-date}, read back to the second, within the clock skew, for the expected
 * service. And the oracle: a signed request left as it was verifies; one whose signed parts changed does not.
 *
 * <p>Random strings almost never reach past the {@code Authorization} parser, so half the inputs start from a request
 * the module's own signer signed with fixed test credentials, in one of its variants (token signed or not, with or
 * without {@code x-amz-content-sha256}), and the fuzzer picks one edit whose effect is known (a signed header's
 * value, the signature, the clock, ...) or a few edits of any kind. One edit re-signs the request correctly over a
 * date string the fuzzer chose, as a client with its own date formatting would, so that the date checks are reached
 * with a valid signature. The other half are raw strings in every field. The clock sits just after midnight, where
 * the scope's date and the signing day can disagree.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl sigv4 test -Dtest=RequestVerifierFuzzTest -Djazzer.max_duration=30m}.
 */
class RequestVerifierFuzzTest {

    private static final Instant SIGNED_AT = Instant.parse("2026-12-01T00:00:30Z");
    private static final String REGION = "us-west-2";
    private static final String SERVICE = "transcribe";

    /** What the edit must lead to. */

    /** The edits of a signed request. */
    private enum Edit {
        NONE, CLOCK, ADD_HEADER, UNSIGNED_HEADER, SIGNED_HEADER, REMOVE_HEADER, ALGORITHM, CREDENTIAL, SIGNED_HEADERS,
        SIGNATURE, AUTHORIZATION, DATE, RESIGNED_DATE, METHOD, PATH, QUERY, TOKEN, CONTENT_SHA256
    }

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    @DictionaryEntries({"AWS4-HMAC-SHA256 ", "Credential=", ", SignedHeaders=", ", Signature=", "AKIDFUZZLONGTERM/",
            "ASIAFUZZTEMPORARY/", "/us-west-2/transcribe/aws4_request", "20261201T000030Z", "host;x-amz-date",
            "x-amz-security-token", FuzzFixtures.TOKEN})
    void verifiesOrRefusesWithAReason(FuzzedDataProvider data) {
        TestClock clock = new TestClock(SIGNED_AT);
        RequestVerifier verifier = new RequestVerifier(FuzzFixtures.LOOKUP, clock,
                RequestVerifier.DEFAULT_CLOCK_SKEW, SERVICE);
        if (data.consumeBoolean()) {
            SignedDraft draft = SignedDraft.sign(data);
            Expect expect = draft.edit(data, clock);
            check(verifier, clock, draft.build(), expect);
        } else {
            check(verifier, clock, raw(data), Expect.EITHER);
        }
    }

    private static void check(RequestVerifier verifier, Clock clock, SignableRequest request, Expect expect) {
        VerifiedRequest verified = FuzzFixtures.verifyAsExpected(() -> verifier.verify(request), expect);
        if (verified != null) {
            assertVerifiedAsSigned(verified, request, clock);
        }
    }

    private static void assertVerifiedAsSigned(VerifiedRequest verified, SignableRequest request, Clock clock) {
        String date = request.header(SigV4.HEADER_DATE).trim();
        assertThat(SigV4.formatDateTime(verified.signedAt())).as("signedAt read back as x-amz-date").isEqualTo(date);
        assertThat(Duration.between(verified.signedAt(), clock.instant()).abs())
                .isLessThanOrEqualTo(RequestVerifier.DEFAULT_CLOCK_SKEW);
        assertThat(verified.scope().date()).isEqualTo(date.substring(0, 8));
        assertThat(verified.scope().service()).isEqualTo(SERVICE);
        assertThat(verified.credentials()).isIn(FuzzFixtures.LONG_TERM, FuzzFixtures.TEMPORARY);
    }

    /** Every field a string of the fuzzer's, each of the headers the verifier reads present or not. */
    private static SignableRequest raw(FuzzedDataProvider data) {
        SignableRequest.Builder request = SignableRequest.builder(data.consumeString(8), data.consumeString(48));
        for (int i = data.consumeInt(0, 2); i > 0; i--) {
            request.query(data.consumeString(16), data.consumeString(32));
        }
        for (String name : List.of("Authorization", "X-Amz-Date", "x-amz-content-sha256", "X-Amz-Security-Token",
                "host")) {
            if (data.consumeBoolean()) {
                request.header(name, data.consumeString(name.equals("Authorization") ? 400 : 64));
            }
        }
        for (int i = data.consumeInt(0, 2); i > 0; i--) {
            request.header(data.consumeString(24), data.consumeString(48));
        }
        return request.build();
    }

    /** A signed request being edited, and what is known of how it was signed. */
    private static final class SignedDraft {

        private final Credentials credentials;
        private final List<String> signedNames;
        private String method;
        private String path;
        private final List<Param> query = new ArrayList<>();
        private final List<Param> headers;

        private SignedDraft(Credentials credentials, SignableRequest unsigned, SignedRequest signed) {
            this.credentials = credentials;
            this.method = unsigned.method();
            this.path = unsigned.path();
            this.headers = new ArrayList<>(signed.headers());
            this.signedNames = List.of(authorizationPart("SignedHeaders").split(";"));
        }

        /** The Transcribe streaming request, signed in the variant the fuzzer picks. */
        static SignedDraft sign(FuzzedDataProvider data) {
            Credentials credentials = FuzzFixtures.eitherCredentials(data);
            SigningOptions options = SigningOptions.of(credentials, REGION, SERVICE, SIGNED_AT)
                    .withSessionTokenSigned(data.consumeBoolean());
            if (data.consumeBoolean()) { // the event-stream variant; else the legacy one, without the header
                options = options.withPayloadHash(SigV4.STREAMING_EVENTS_PAYLOAD).withContentSha256Header(true);
            }
            SignableRequest unsigned = SignableRequest.builder("POST", "/stream-transcription")
                    .header("host", "transcribestreaming.us-west-2.amazonaws.com")
                    .header("content-type", "application/vnd.amazon.eventstream")
                    .header("x-amzn-transcribe-language-code", "en-US")
                    .header("x-amzn-transcribe-sample-rate", "16000")
                    .header("user-agent", "riffle-fuzz")
                    .build();
            return new SignedDraft(credentials, unsigned, RequestSigner.sign(unsigned, options));
        }

        SignableRequest build() {
            return new SignableRequest(method, path, query, headers);
        }

        /** One edit whose outcome is known, or (a third of the time) two to four of any kind. */
        Expect edit(FuzzedDataProvider data, TestClock clock) {
            return FuzzFixtures.oneOrSeveralEdits(data, Edit.values(), edit -> edit(edit, data, clock),
                    Expect.EITHER);
        }

        private Expect edit(Edit edit, FuzzedDataProvider data, TestClock clock) {
            return switch (edit) {
                case NONE -> Expect.VERIFIES;
                case CLOCK -> moveClock(data, clock);
                case ADD_HEADER -> addHeader(data);
                case UNSIGNED_HEADER -> {
                    setHeader("user-agent", data.consumeString(40));
                    yield Expect.VERIFIES;
                }
                case SIGNED_HEADER -> changeSignedHeader(data);
                case REMOVE_HEADER -> removeHeader(data);
                case ALGORITHM -> changeAlgorithm(data);
                case CREDENTIAL -> changesUnlessEquivalent(replaceAuthorizationPart("Credential", data));
                case SIGNED_HEADERS -> changeSignedHeaderNames(data);
                case SIGNATURE -> changesUnlessEquivalent(replaceAuthorizationPart("Signature", data));
                case AUTHORIZATION -> {
                    String before = Objects.requireNonNullElse(header(SigV4.HEADER_AUTHORIZATION), "");
                    setHeader(SigV4.HEADER_AUTHORIZATION, data.consumeBoolean() ? FuzzFixtures.splice(data, before)
                            : data.consumeString(300));
                    yield Expect.EITHER;
                }
                case DATE -> changesUnless(SigV4.HEADER_DATE, data.consumeString(24));
                case RESIGNED_DATE -> resignWithDate(data.consumeString(24));
                case METHOD -> {
                    String before = method;
                    method = data.consumeString(8);
                    yield method.equals(before) ? Expect.EITHER : Expect.FAILS;
                }
                case PATH -> changePath(data);
                case QUERY -> {
                    query.add(new Param(data.consumeString(16), data.consumeString(32)));
                    yield Expect.FAILS;
                }
                case TOKEN -> changeToken(data.consumeString(48));
                case CONTENT_SHA256 -> changesUnless(SigV4.HEADER_CONTENT_SHA256, data.consumeString(72));
            };
        }

        /** Within the skew either way the request verifies; beyond it, it does not. */
        private static Expect moveClock(FuzzedDataProvider data, TestClock clock) {
            long seconds = data.consumeLong(-900, 900);
            clock.set(SIGNED_AT.plusSeconds(seconds));
            return Math.abs(seconds) <= RequestVerifier.DEFAULT_CLOCK_SKEW.getSeconds() ? Expect.VERIFIES
                    : Expect.FAILS;
        }

        /** A header that is not signed and that the verifier does not read changes nothing. */
        private Expect addHeader(FuzzedDataProvider data) {
            String name = data.consumeString(24);
            headers.add(new Param(name, data.consumeString(40)));
            boolean known = headers.stream().limit(headers.size() - 1L).anyMatch(h -> h.name().equalsIgnoreCase(name))
                    || Set.of(SigV4.HEADER_DATE, SigV4.HEADER_CONTENT_SHA256, SigV4.HEADER_SECURITY_TOKEN,
                    SigV4.HEADER_AUTHORIZATION).contains(name.toLowerCase(Locale.ROOT));
            return known ? Expect.EITHER : Expect.VERIFIES;
        }

        /** A signed value changed to one that differs even after white space is collapsed must fail. */
        private Expect changeSignedHeader(FuzzedDataProvider data) {
            String name = data.pickValue(signedNames);
            String before = header(name);
            String after = data.consumeString(40);
            setHeader(name, after);
            boolean noWhiteSpace = after.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '\r' || c == '\n');
            return noWhiteSpace && !after.equals(before) ? Expect.FAILS : Expect.EITHER;
        }

        /** Every header but the unsigned user-agent is needed: signed, or read by the verifier. */
        private Expect removeHeader(FuzzedDataProvider data) {
            Param removed = headers.remove(data.consumeInt(0, headers.size() - 1));
            return removed.name().equals("user-agent") ? Expect.VERIFIES : Expect.FAILS;
        }

        private Expect changeAlgorithm(FuzzedDataProvider data) {
            String authorization = header(SigV4.HEADER_AUTHORIZATION);
            if (authorization == null || !authorization.startsWith(SigV4.ALGORITHM)) {
                return Expect.EITHER; // an earlier edit took it away
            }
            String algorithm = data.consumeString(24);
            setHeader(SigV4.HEADER_AUTHORIZATION, algorithm + authorization.substring(SigV4.ALGORITHM.length()));
            return algorithm.trim().startsWith(SigV4.ALGORITHM) ? Expect.EITHER : Expect.FAILS;
        }

        /**
         * The same names in any order verify (the canonical request sorts them; a trailing ';' adds no name); a
         * name more, less, repeated or in another case does not.
         */
        private Expect changeSignedHeaderNames(FuzzedDataProvider data) {
            String[] beforeAndAfter = replaceAuthorizationPart("SignedHeaders", data);
            if (beforeAndAfter == null || beforeAndAfter[1].indexOf(',') >= 0) {
                return Expect.EITHER;
            }
            List<String> names = Arrays.asList(beforeAndAfter[1].trim().split(";"));
            boolean sameNames = names.size() == signedNames.size() && new HashSet<>(names).equals(
                    new HashSet<>(signedNames));
            return sameNames ? Expect.VERIFIES : Expect.FAILS;
        }

        /** The path verifies if it normalises to the signed one, and fails if it normalises to another. */
        private Expect changePath(FuzzedDataProvider data) {
            String before = path;
            path = data.consumeString(48);
            if (UriEncoding.normalizePath(path).equals(UriEncoding.normalizePath(before))) {
                return Expect.VERIFIES;
            }
            return isWellFormed(path) ? Expect.FAILS : Expect.EITHER; // lone surrogates encode as '?'
        }

        /** Only the temporary credentials' own token, as sent, is accepted. */
        private Expect changeToken(String token) {
            setHeader(SigV4.HEADER_SECURITY_TOKEN, token);
            boolean same = credentials.sessionToken().map(token.trim()::equals).orElse(false);
            return same ? Expect.EITHER : Expect.FAILS;
        }

        /** A header the verifier reads, changed to a value that differs after trimming, must fail. */
        private Expect changesUnless(String name, String value) {
            String before = header(name);
            setHeader(name, value);
            String baseline = before != null ? before.trim()
                    : name.equals(SigV4.HEADER_CONTENT_SHA256) ? SigV4.EMPTY_PAYLOAD_SHA256 : null;
            return value.trim().equals(baseline) ? Expect.EITHER : Expect.FAILS;
        }

        /** An Authorization part changed to a value that differs after trimming, with no ',' to add parts, fails. */
        private static Expect changesUnlessEquivalent(String[] beforeAndAfter) {
            if (beforeAndAfter == null || beforeAndAfter[1].indexOf(',') >= 0) {
                return Expect.EITHER;
            }
            return beforeAndAfter[0].equals(beforeAndAfter[1].trim()) ? Expect.EITHER : Expect.FAILS;
        }

        private String[] replaceAuthorizationPart(String part, FuzzedDataProvider data) {
            String before = authorizationPart(part);
            if (before == null) {
                return null;
            }
            String after = data.consumeString(80);
            setAuthorizationPart(part, after);
            return new String[] {before, after};
        }

        /**
         * Signs again, correctly, with {@code date} as the x-amz-date and its first eight characters as the scope's
         * date where they can be one: a client that formats the date its own way. The verifier must then judge the
         * date alone.
         */
        private Expect resignWithDate(String date) {
            setHeader(SigV4.HEADER_DATE, date);
            String dateTime = date.trim();
            CredentialScope scope = scopeOf(dateTime);
            setAuthorizationPart("Credential", credentials.accessKeyId() + "/" + scope);
            String contentSha = header(SigV4.HEADER_CONTENT_SHA256);
            String payloadHash = contentSha != null ? contentSha.trim() : SigV4.EMPTY_PAYLOAD_SHA256;
            CanonicalRequest canonical = CanonicalRequest.ofSignedHeaders(build(), query, signedNames, payloadHash,
                    true, false);
            setAuthorizationPart("Signature", RequestSigner.signature(credentials, scope,
                    canonical.stringToSign(dateTime, scope)));
            return Expect.EITHER;
        }

        private static CredentialScope scopeOf(String dateTime) {
            try {
                return new CredentialScope(dateTime.substring(0, Math.min(8, dateTime.length())), REGION, SERVICE);
            } catch (IllegalArgumentException notADate) {
                return new CredentialScope(SigV4.formatDateTime(SIGNED_AT).substring(0, 8), REGION, SERVICE);
            }
        }

        /** The value of {@code Name=} in the Authorization header, up to the next ','; null if it is gone. */
        private String authorizationPart(String part) {
            String authorization = header(SigV4.HEADER_AUTHORIZATION);
            int start = authorization == null ? -1 : authorization.indexOf(part + "=");
            if (start < 0) {
                return null;
            }
            start += part.length() + 1;
            int end = authorization.indexOf(',', start);
            return authorization.substring(start, end < 0 ? authorization.length() : end);
        }

        private void setAuthorizationPart(String part, String value) {
            String before = authorizationPart(part);
            if (before != null) {
                String authorization = header(SigV4.HEADER_AUTHORIZATION);
                setHeader(SigV4.HEADER_AUTHORIZATION, authorization.replace(part + "=" + before, part + "=" + value));
            }
        }

        private String header(String name) {
            return build().header(name);
        }

        /** Replaces the first header called {@code name} (any case), or adds it. */
        private void setHeader(String name, String value) {
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i).name().equalsIgnoreCase(name)) {
                    headers.set(i, new Param(headers.get(i).name(), value));
                    return;
                }
            }
            headers.add(new Param(name, value));
        }

        private static boolean isWellFormed(String text) {
            return StandardCharsets.UTF_8.newEncoder().canEncode(text);
        }
    }
}
