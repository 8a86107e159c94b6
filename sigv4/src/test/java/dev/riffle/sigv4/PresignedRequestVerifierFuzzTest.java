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
import java.util.List;

/**
 * Fuzzes what a server does with a presigned URL it received, as riffle's emulator does with a WebSocket upgrade:
 * the raw query string through {@link UriEncoding#parseQuery} (percent-decoding), then
 * {@link RequestVerifier#verifyPresigned} ({@code X-Amz-Algorithm}, {@code -Credential}, {@code -Date},
 * {@code -Expires}, {@code -SignedHeaders}, {@code -Signature}, {@code -Security-Token}) with the path's
 * canonicalisation.
 *
 * <p>Properties: the query either parses or is refused with the documented {@link IllegalArgumentException}; the
 * request verifies or is refused with a {@link SignatureVerificationException} that has a reason; nothing else is
 * thrown, nothing hangs, and no message quotes a secret access key or the session token. The decoded parameters of
 * well-formed text encode and parse back to themselves. What verifies was signed at its {@code X-Amz-Date}, is not
 * past its {@code X-Amz-Expires}, and asked for no more than the cap. And the oracle: a presigned URL left as it was
 * (or re-spelt with the same decoded parameters) verifies; one with a parameter, the path or the host changed does
 * not.
 *
 * <p>Half the inputs start from a URL the module's own presigner made with fixed test credentials, edited by the
 * fuzzer: the raw query string spliced, or one parameter changed, dropped, added or repeated. The other half are
 * raw strings.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl sigv4 test -Dtest=PresignedRequestVerifierFuzzTest -Djazzer.max_duration=30m}.
 */
class PresignedRequestVerifierFuzzTest {

    private static final Instant SIGNED_AT = Instant.parse("2026-11-21T23:58:00Z");
    private static final Duration MAX_EXPIRES = Duration.ofSeconds(300);
    private static final String PATH = "/stream-transcription-websocket";
    private static final String HOST = "transcribestreaming.us-west-2.amazonaws.com:8443";

    /** What the edit must lead to. */

    /** The edits of a presigned URL. */
    private enum Edit { NONE, CLOCK, SPLICE, VALUE, REMOVE, ADD, REPEAT, PATH, HOST }

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    @DictionaryEntries({"X-Amz-Algorithm=AWS4-HMAC-SHA256", "&X-Amz-Credential=AKIDFUZZLONGTERM%2F20261121%2F",
            "us-west-2%2Ftranscribe%2Faws4_request", "&X-Amz-Date=20261121T235800Z", "&X-Amz-Expires=",
            "&X-Amz-SignedHeaders=host", "&X-Amz-Signature=", "&X-Amz-Security-Token=", "%25", "%2F", "%C3%A9", "%"})
    void verifiesOrRefusesWithAReason(FuzzedDataProvider data) {
        TestClock clock = new TestClock(SIGNED_AT);
        RequestVerifier verifier = new RequestVerifier(FuzzFixtures.LOOKUP, clock,
                RequestVerifier.DEFAULT_CLOCK_SKEW, "transcribe");
        if (data.consumeBoolean()) {
            PresignedDraft draft = PresignedDraft.presign(data);
            Expect expect = draft.edit(data, clock);
            check(verifier, clock, draft.path, draft.rawQuery, draft.host, expect);
        } else {
            check(verifier, clock, data.consumeString(48), data.consumeString(600), data.consumeString(48),
                    Expect.EITHER);
        }
    }

    private static void check(RequestVerifier verifier, Clock clock, String path, String rawQuery, String host,
                              Expect expect) {
        List<Param> query;
        try {
            query = UriEncoding.parseQuery(rawQuery);
        } catch (IllegalArgumentException malformed) {
            assertThat(malformed).isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("percent-escape");
            FuzzFixtures.assertNoSecretIn(malformed.getMessage());
            assertThat(expect).as("a malformed escape in a query that should verify").isNotEqualTo(Expect.VERIFIES);
            return;
        }
        if (isWellFormed(rawQuery)) { // a lone surrogate, which no bytes off the wire decode to, encodes as '?'
            assertThat(UriEncoding.parseQuery(UriEncoding.formatQuery(query))).as("decoded, encoded, decoded again")
                    .isEqualTo(query);
        }
        SignableRequest request = new SignableRequest("GET", path, query, List.of(new Param("host", host)));
        VerifiedRequest verified = FuzzFixtures.verifyAsExpected(() -> verifier.verifyPresigned(request, MAX_EXPIRES), expect);
        if (verified != null) {
            assertVerifiedAsSigned(verified, query, clock);
        }
    }

    private static void assertVerifiedAsSigned(VerifiedRequest verified, List<Param> query, Clock clock) {
        String date = first(query, SigV4.QUERY_DATE);
        long expires = Long.parseLong(first(query, SigV4.QUERY_EXPIRES));
        assertThat(SigV4.formatDateTime(verified.signedAt())).as("signedAt read back as X-Amz-Date").isEqualTo(date);
        assertThat(expires).isBetween(1L, MAX_EXPIRES.getSeconds());
        assertThat(clock.instant()).isBeforeOrEqualTo(verified.signedAt().plusSeconds(expires))
                .isAfterOrEqualTo(verified.signedAt().minus(RequestVerifier.DEFAULT_CLOCK_SKEW));
        assertThat(verified.scope().service()).isEqualTo("transcribe");
        assertThat(verified.credentials()).isIn(FuzzFixtures.LONG_TERM, FuzzFixtures.TEMPORARY);
    }

    private static boolean isWellFormed(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    private static String first(List<Param> query, String name) {
        return query.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().value();
    }

    /** A presigned URL being edited: its path, raw query string and host, as a server receives them. */
    private static final class PresignedDraft {

        private final List<Param> signedQuery;
        private final long expires;
        private String path = PATH;
        private String rawQuery;
        private String host = HOST;

        private PresignedDraft(PresignedRequest url, long expires) {
            this.signedQuery = url.query();
            this.rawQuery = url.queryString();
            this.expires = expires;
        }

        /** The Transcribe WebSocket URL, presigned for a life and in the variant the fuzzer picks. */
        static PresignedDraft presign(FuzzedDataProvider data) {
            Credentials credentials = FuzzFixtures.eitherCredentials(data);
            boolean tokenSigned = credentials.sessionToken().isEmpty() || data.consumeBoolean();
            long expires = data.consumeLong(1, MAX_EXPIRES.getSeconds() + 60);
            SignableRequest request = SignableRequest.builder("GET", PATH).header("host", HOST)
                    .query("language-code", "en-US").query("media-encoding", "pcm").query("sample-rate", "16000")
                    .build();
            SigningOptions options = SigningOptions.of(credentials, "us-west-2", "transcribe", SIGNED_AT)
                    .withSessionTokenSigned(tokenSigned);
            return new PresignedDraft(RequestSigner.presign(request, options, Duration.ofSeconds(expires)), expires);
        }

        /** One edit whose outcome is known, or (a third of the time) two to four of any kind. */
        Expect edit(FuzzedDataProvider data, TestClock clock) {
            return FuzzFixtures.oneOrSeveralEdits(data, Edit.values(), edit -> edit(edit, data, clock),
                    Expect.EITHER);
        }

        private Expect edit(Edit edit, FuzzedDataProvider data, TestClock clock) {
            return switch (edit) {
                case NONE -> unchanged();
                case CLOCK -> moveClock(data, clock);
                case SPLICE -> {
                    rawQuery = FuzzFixtures.splice(data, rawQuery);
                    yield sameParameters() ? unchanged() : Expect.EITHER;
                }
                case VALUE -> changeValue(data);
                case REMOVE -> {
                    List<Param> query = parsedOrNull();
                    if (query == null || query.isEmpty()) {
                        yield Expect.EITHER;
                    }
                    query.remove(data.consumeInt(0, query.size() - 1));
                    rawQuery = UriEncoding.formatQuery(query);
                    yield Expect.FAILS; // every parameter is signed or required
                }
                case ADD -> add(new Param(data.consumeString(24), data.consumeString(40)));
                case REPEAT -> {
                    List<Param> query = parsedOrNull();
                    yield query == null || query.isEmpty() ? Expect.EITHER
                            : add(query.get(data.consumeInt(0, query.size() - 1)));
                }
                case PATH -> changePath(data.consumeString(48));
                case HOST -> {
                    String before = host;
                    host = data.consumeString(48);
                    boolean noWhiteSpace = host.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '\r'
                            || c == '\n');
                    yield noWhiteSpace && !host.equals(before) ? Expect.FAILS : Expect.EITHER;
                }
            };
        }

        /** As presigned, with the token signed or added after signing: verifies within its life and the cap. */
        private Expect unchanged() {
            return expires > MAX_EXPIRES.getSeconds() ? Expect.FAILS : Expect.VERIFIES;
        }

        /** From 5 minutes before the signing time (the skew) to the end of its life, it verifies; else not. */
        private Expect moveClock(FuzzedDataProvider data, TestClock clock) {
            long seconds = data.consumeLong(-900, 900);
            clock.set(SIGNED_AT.plusSeconds(seconds));
            boolean inLife = seconds >= -RequestVerifier.DEFAULT_CLOCK_SKEW.getSeconds() && seconds <= expires;
            return inLife ? unchanged() : Expect.FAILS;
        }

        private Expect changeValue(FuzzedDataProvider data) {
            List<Param> query = parsedOrNull();
            if (query == null || query.isEmpty()) {
                return Expect.EITHER;
            }
            int at = data.consumeInt(0, query.size() - 1);
            Param before = query.get(at);
            query.set(at, new Param(before.name(), data.consumeString(80)));
            rawQuery = UriEncoding.formatQuery(query);
            return query.get(at).value().equals(before.value()) ? Expect.EITHER : Expect.FAILS;
        }

        /** An extra parameter is signed over and so fails, but for another X-Amz-Signature: the first one counts. */
        private Expect add(Param extra) {
            rawQuery = rawQuery + "&" + UriEncoding.formatQuery(List.of(extra));
            return extra.name().equals(SigV4.QUERY_SIGNATURE) ? Expect.EITHER : Expect.FAILS;
        }

        /** The path verifies if it normalises to the signed one, and fails if it normalises to another. */
        private Expect changePath(String changed) {
            String before = path;
            path = changed;
            if (UriEncoding.normalizePath(path).equals(UriEncoding.normalizePath(before))) {
                return unchanged();
            }
            return isWellFormed(path) ? Expect.FAILS : Expect.EITHER; // lone surrogates encode as '?'
        }

        private boolean sameParameters() {
            return signedQuery.equals(parsedOrNull());
        }

        private List<Param> parsedOrNull() {
            try {
                return new ArrayList<>(UriEncoding.parseQuery(rawQuery));
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
    }
}
