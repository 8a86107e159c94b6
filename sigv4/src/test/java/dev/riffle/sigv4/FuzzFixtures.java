package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.time.Instant;

/**
 * What the verifier fuzz tests share: fixed test credentials with distinctive secrets (so that a message quoting one
 * cannot go unnoticed), the lookup a server would hold them in, and the string edits the structured inputs are made
 * of.
 */
final class FuzzFixtures {

    static final String SECRET = "sEcReT-fuzz-wJalrXUtnFEMI-K7MDENG";
    static final String TOKEN = "ToKeN-fuzz-FwoGZXIvYXdzEJr-IQoJb3";
    static final String TEMPORARY_SECRET = "tEmPsEcReT-fuzz-bPxRfiCYEXAMPLE";

    static final Credentials LONG_TERM = Credentials.of("AKIDFUZZLONGTERM", SECRET);
    /** Expires long after any clock a fuzz test sets, so that expiry is never the reason for a refusal. */
    static final Credentials TEMPORARY = Credentials.of("ASIAFUZZTEMPORARY", TEMPORARY_SECRET, TOKEN,
            Instant.parse("2030-01-01T00:00:00Z"));
    static final CredentialsLookup LOOKUP = CredentialsLookup.of(LONG_TERM, TEMPORARY);

    private FuzzFixtures() {
    }

    /** Fails if {@code message} quotes a secret access key or the session token. */
    static void assertNoSecretIn(String message) {
        assertThat(message).doesNotContain(SECRET, TEMPORARY_SECRET, TOKEN);
    }

    /** The refusal's documented shape: a reason, a message naming what failed, and no secret. */
    static void assertRequestRefusal(SignatureVerificationException refusal) {
        assertThat(refusal.reason()).isNotNull();
        assertThat(refusal.isEventFailure()).isFalse();
        assertThat(refusal.httpStatus()).isEqualTo(403);
        assertThat(refusal.getMessage()).isNotBlank();
        assertNoSecretIn(refusal.getMessage());
    }

    /** The long-term or the temporary credentials, as the fuzzer picks. */
    static Credentials eitherCredentials(FuzzedDataProvider data) {
        return data.consumeBoolean() ? LONG_TERM : TEMPORARY;
    }

    /** {@code text} with a range the fuzzer picks replaced by a string it picks: a typo, a cut, an insertion. */
    static String splice(FuzzedDataProvider data, String text) {
        int from = data.consumeInt(0, text.length());
        int to = data.consumeInt(from, text.length());
        return text.substring(0, from) + data.consumeString(24) + text.substring(to);
    }

    /**
     * Applies one edit the fuzzer picks and returns its expected outcome, or (a third of the time) two to four, whose
     * combined outcome is {@code unknown}: single edits keep the oracle sharp, stacked ones reach further.
     */
    static <E, X> X oneOrSeveralEdits(FuzzedDataProvider data, E[] edits, java.util.function.Function<E, X> apply,
                                      X unknown) {
        if (data.consumeInt(0, 2) > 0) {
            return apply.apply(data.pickValue(edits));
        }
        for (int i = data.consumeInt(2, 4); i > 0; i--) {
            apply.apply(data.pickValue(edits));
        }
        return unknown;
    }

    /** What an edited request should do: verify, be refused, or either (the edit's effect is not known). */
    enum Expect { VERIFIES, FAILS, EITHER }

    /**
     * Runs {@code verification} and checks the outcome against {@code expect}, and a refusal's reason and message.
     *
     * @return the verified request, or null if it was refused
     */
    static VerifiedRequest verifyAsExpected(java.util.function.Supplier<VerifiedRequest> verification, Expect expect) {
        VerifiedRequest verified;
        try {
            verified = verification.get();
        } catch (SignatureVerificationException refusal) {
            assertThat(expect).as("refused (%s: %s) though nothing signed changed", refusal.reason(),
                    refusal.getMessage()).isNotEqualTo(Expect.VERIFIES);
            assertRequestRefusal(refusal);
            return null;
        }
        assertThat(expect).as("verified though a signed part changed").isNotEqualTo(Expect.FAILS);
        return verified;
    }
}
