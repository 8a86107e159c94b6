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
    void leavesShortValuesAlone() {
        assertThat(StderrExcerpt.of(result("{\"a\": \"ok\"}", "ok then", false))).isEqualTo("; stderr: ok then");
    }
}
