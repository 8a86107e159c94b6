package dev.riffle.sigv4.credentials;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StderrExcerptTest {

    private static ShellCommand.Result result(String stdout, String stderr, boolean stderrOverflowed) {
        return new ShellCommand.Result(false, 1, stdout.getBytes(UTF_8), false, stderr.getBytes(UTF_8),
                stderrOverflowed);
    }

    @Test
    void quotesStderrTrimmed() {
        assertThat(StderrExcerpt.of(result("", "  token expired, run 'login'\n", false)))
                .isEqualTo("; stderr: token expired, run 'login'");
    }

    @Test
    void saysWhenStderrWasEmpty() {
        assertThat(StderrExcerpt.of(result("", " \n", false))).isEqualTo("; stderr was empty");
    }

    @Test
    void saysWhenStderrWasCut() {
        assertThat(StderrExcerpt.of(result("", "abc", true))).isEqualTo("; stderr: abc [cut at 1024 bytes]");
    }

    @Test
    void blanksStringValuesOfStdoutThatStderrRepeats() {
        String answer = Scripts.answer("2030-01-01T00:00:00Z");

        String excerpt = StderrExcerpt.of(result(answer, "debug: answered " + answer, false));

        FakeSecrets.assertNoSecretIn(excerpt);
        assertThat(excerpt).contains("debug: answered", "\"SecretAccessKey\": \"***\"", "\"Version\": 1");
    }

    @Test
    void blanksTheStartOfASecretThatTheCutLeftAtTheEnd() {
        String answer = Scripts.answer(null);
        String cut = "debug: secret is " + FakeSecrets.SECRET.substring(0, 12);

        String excerpt = StderrExcerpt.of(result(answer, cut, true));

        assertThat(excerpt).isEqualTo("; stderr: debug: secret is *** [cut at 1024 bytes]");
    }

    @Test
    void blanksATokenAsLongAsStdoutMayBeWithoutOverflowingTheStack() {
        // Found by CredentialProcessOutputFuzzTest: the pattern that found the values recursed once per character, so
        // a failing command with a long token (2 KiB was enough at the default 1 MiB stack) threw StackOverflowError
        // instead of the CredentialsException that quotes its stderr.
        String token = FakeSecrets.TOKEN.repeat(2000);
        String answer = "{\"Version\": 1, \"SessionToken\": \"" + token + "\"}";
        String echoed = ("echo: " + answer).substring(0, ShellCommand.STDERR_LIMIT);

        String excerpt = StderrExcerpt.of(result(answer, echoed, true));

        assertThat(excerpt).isEqualTo("; stderr: echo: {\"Version\": 1, \"SessionToken\": \"*** [cut at 1024 bytes]");
    }

    @Test
    void blanksValuesAfterAQuoteThatDoesNotPairUp() {
        // Found by CredentialProcessOutputFuzzTest: a value that lost its closing quote swallowed the next member's
        // ": \"", and the secret after it was quoted as it was.
        String broken = "{\"AccessKeyId\": \"AKIDEXAMPLE: \"" + FakeSecrets.SECRET + "\"}";

        String excerpt = StderrExcerpt.of(result(broken, "printed " + broken, false));

        FakeSecrets.assertNoSecretIn(excerpt);
        assertThat(excerpt).isEqualTo("; stderr: printed {\"AccessKeyId\": \"***\"***\"}");
    }

    @Test
    void blanksTheDecodedSecretWhenStdoutEscapedItsSlashes() {
        String secret = FakeSecrets.SECRET.replace('-', '/');
        String answer = "{\"Version\": 1, \"SecretAccessKey\": \"" + secret.replace("/", "\\/") + "\"}";

        String excerpt = StderrExcerpt.of(result(answer, "debug: secret " + secret + " rejected", false));

        FakeSecrets.assertNoSecretIn(excerpt);
        assertThat(excerpt).isEqualTo("; stderr: debug: secret *** rejected");
    }

    @Test
    void blanksTheDecodedTokenWhenStdoutUsedUnicodeEscapes() {
        String escapedToken = FakeSecrets.TOKEN.chars().mapToObj(c -> String.format("\\u%04X", c))
                .collect(java.util.stream.Collectors.joining());
        String answer = "{\"Version\": 1, \"SessionToken\": \"" + escapedToken + "\"}";

        String excerpt = StderrExcerpt.of(result(answer, "token=" + FakeSecrets.TOKEN, false));

        FakeSecrets.assertNoSecretIn(excerpt);
        assertThat(excerpt).isEqualTo("; stderr: token=***");
    }

    @Test
    void blanksTheSecretInTheEscapingOfAnotherJsonWriter() {
        String secret = "a\"" + FakeSecrets.SECRET + "/z";
        String stdoutForm = "a\\u0022" + FakeSecrets.SECRET + "/z";
        String answer = "{\"SecretAccessKey\": \"" + stdoutForm + "\"}";
        String usualForm = "a\\\"" + FakeSecrets.SECRET + "/z";
        String slashForm = "a\\\"" + FakeSecrets.SECRET + "\\/z";

        String excerpt = StderrExcerpt.of(result(answer,
                "echo {\"k\": \"" + usualForm + "\"} {\"k\": \"" + slashForm + "\"} raw " + secret, false));

        FakeSecrets.assertNoSecretIn(excerpt);
        assertThat(excerpt).isEqualTo("; stderr: echo {\"k\": \"***\"} {\"k\": \"***\"} raw ***");
    }

    @Test
    void leavesWhatIsNotAnEscapeAsPrinted() {
        String answer = "{\"SecretAccessKey\": \"" + FakeSecrets.SECRET + "\\q\\u12\"}";

        String excerpt = StderrExcerpt.of(result(answer, "got " + FakeSecrets.SECRET + "\\q\\u12", false));

        FakeSecrets.assertNoSecretIn(excerpt);
        assertThat(excerpt).isEqualTo("; stderr: got ***");
    }

    @Test
    void leavesShortValuesAlone() {
        assertThat(StderrExcerpt.of(result("{\"a\": \"ok\"}", "ok then", false))).isEqualTo("; stderr: ok then");
    }
}
