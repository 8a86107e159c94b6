package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.Credentials;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialProcessOutputTest {

    private static final String ID = "\"AccessKeyId\": \"" + FakeSecrets.ACCESS_KEY_ID + "\"";
    private static final String SECRET = "\"SecretAccessKey\": \"" + FakeSecrets.SECRET + "\"";
    private static final String TOKEN = "\"SessionToken\": \"" + FakeSecrets.TOKEN + "\"";

    private static Credentials parse(String members) {
        return CredentialProcessOutput.parse("{" + members + "}");
    }

    @Test
    void readsACompleteAnswer() {
        Credentials credentials = parse("\"Version\": 1, " + ID + ", " + SECRET + ", " + TOKEN
                + ", \"Expiration\": \"2030-01-02T03:04:05Z\"");

        assertThat(credentials.accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
        assertThat(credentials.secretAccessKey()).isEqualTo(FakeSecrets.SECRET);
        assertThat(credentials.sessionToken()).contains(FakeSecrets.TOKEN);
        assertThat(credentials.expiration()).contains(Instant.parse("2030-01-02T03:04:05Z"));
    }

    @Test
    void tokenAndExpirationAreOptional() {
        Credentials credentials = parse("\"Version\": 1, " + ID + ", " + SECRET);

        assertThat(credentials.sessionToken()).isEmpty();
        assertThat(credentials.expiration()).isEmpty();
    }

    @Test
    void nullTokenAndExpirationCountAsAbsent() {
        Credentials credentials = parse("\"Version\": 1, " + ID + ", " + SECRET
                + ", \"SessionToken\": null, \"Expiration\": null");

        assertThat(credentials.sessionToken()).isEmpty();
        assertThat(credentials.expiration()).isEmpty();
    }

    @Test
    void otherMembersAreIgnored() {
        assertThat(parse("\"Version\": 1, " + ID + ", " + SECRET + ", \"AccountId\": \"123456789012\", \"x\": true")
                .accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
    }

    @ParameterizedTest
    @CsvSource({
        "2030-01-02T03:04:05Z,          2030-01-02T03:04:05Z",
        "2030-01-02T03:04:05.123456Z,   2030-01-02T03:04:05.123456Z",
        "2030-01-02T05:04:05+02:00,     2030-01-02T03:04:05Z",
        "2030-01-01T22:04:05-05:00,     2030-01-02T03:04:05Z",
    })
    void readsExpirationWithAnyOffset(String expiration, String instant) {
        assertThat(parse("\"Version\": 1, " + ID + ", " + SECRET + ", \"Expiration\": \"" + expiration + "\"")
                .expiration()).contains(Instant.parse(instant));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"                 | Version must be the number 1, but is missing",
        "\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"   | Version must be the number 1, but is 2",
        "\"Version\": \"1\", \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\" | Version must be the number 1, but is a string",
        "\"Version\": 1, \"SecretAccessKey\": \"S\"                          | AccessKeyId is missing or empty",
        "\"Version\": 1, \"AccessKeyId\": \"\", \"SecretAccessKey\": \"S\"    | AccessKeyId is missing or empty",
        "\"Version\": 1, \"AccessKeyId\": \"A\"                              | SecretAccessKey is missing or empty",
        "\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": 5      | SecretAccessKey must be a string, but is a number",
        "\"Version\": 1, \"AccessKeyId\": true, \"SecretAccessKey\": \"S\"   | AccessKeyId must be a string, but is a boolean",
    })
    void rejectsAnswersThatBreakTheFormat(String members, String message) {
        assertThatThrownBy(() -> parse(members)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void aHugeVersionIsNotWrittenOutInTheMessage() {
        // Found on review (CredentialProcessOutputFuzzTest bounds message lengths): toPlainString() wrote 1e999999999
        // out as a billion digits and ran the JVM out of memory instead of refusing the answer.
        assertThatThrownBy(() -> parse("\"Version\": 1e999999999, " + ID + ", " + SECRET))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Version must be the number 1, but is a number other than 1");
        assertThatThrownBy(() -> parse("\"Version\": 2.5e1, " + ID + ", " + SECRET))
                .hasMessage("Version must be the number 1, but is 25");
    }

    @Test
    void acceptsVersionWrittenAsOnePointZero() {
        assertThat(parse("\"Version\": 1.0, " + ID + ", " + SECRET).accessKeyId())
                .isEqualTo(FakeSecrets.ACCESS_KEY_ID);
    }

    @Test
    void rejectsAnExpirationWithoutOffsetWithoutQuotingAnything() {
        assertThatThrownBy(() -> parse("\"Version\": 1, " + ID + ", " + SECRET + ", " + TOKEN
                + ", \"Expiration\": \"2030-01-02T03:04:05\""))
                .hasMessageStartingWith("Expiration is not an ISO-8601 date-time with an offset")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }

    @Test
    void messagesNeverContainTheSecretOrTheToken() {
        assertThatThrownBy(() -> parse("\"Version\": 3, " + ID + ", " + SECRET + ", " + TOKEN))
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
        assertThatThrownBy(() -> parse(ID + ", " + SECRET + ", \"SessionToken\": 7"))
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }
}
