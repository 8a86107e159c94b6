package dev.riffle.sigv4.credentials;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.riffle.sigv4.Credentials;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Fuzzes what riffle reads from a {@code credential_process}: its stdout through {@link CredentialProcessOutput}
 * (and so {@link FlatJsonReader}), and its stderr through {@link StderrExcerpt}, which quotes it in a failure's
 * message after blanking the string values stdout printed.
 *
 * <p>Properties: stdout parses or is refused with an {@link IllegalArgumentException} (exactly that class: no
 * {@code NumberFormatException} or other subclass) with one of the documented, short messages; nothing else is
 * thrown and nothing hangs; no message quotes the secret access key or the session token. The excerpt is always
 * made, never fails, and never contains a whole secret or token value that stdout printed as a plain JSON string.
 * And the oracle: a well-formed answer parses to its keys.
 *
 * <p>Half the inputs are answers built from the fuzzer's choices (member order, a {@code Version} that may be any
 * number literal, a token of any length up to the 64 KiB stdout cap, an expiry, an extra member, a splice), with a
 * stderr that may echo them; the other half are raw strings.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl sigv4 test -Dtest=CredentialProcessOutputFuzzTest -Djazzer.max_duration=30m}.
 */
class CredentialProcessOutputFuzzTest {

    /** The messages {@link CredentialProcessOutput#parse} documents; none quotes a value. */
    private static final Pattern DOCUMENTED = Pattern.compile(String.join("|",
            "invalid JSON at character [0-9]+: .+",
            "Version must be the number 1, but is .+",
            "(AccessKeyId|SecretAccessKey) is missing or empty",
            "(AccessKeyId|SecretAccessKey|SessionToken|Expiration) must be a string, but is a (number|boolean)",
            "Expiration is not an ISO-8601 date-time with an offset, such as 2030-01-01T00:00:00Z"));
    /** Long enough for any of those messages; a longer one quotes or expands the input. */
    private static final int LONGEST_MESSAGE = 200;

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    @DictionaryEntries({"\"Version\": ", "\"AccessKeyId\": ", "\"SecretAccessKey\": ", "\"SessionToken\": ",
            "\"Expiration\": ", "2030-01-01T00:00:00Z", "1e", "E+", "\\u", "\\\"", "null", "true"})
    void parsesOrRefusesWithoutQuoting(FuzzedDataProvider data) {
        boolean wellFormed = false;
        String stdout;
        if (data.consumeBoolean()) {
            Answer answer = Answer.build(data);
            stdout = answer.json;
            wellFormed = answer.wellFormed;
        } else {
            stdout = data.consumeString(2000);
        }
        String stderr = data.consumeBoolean() ? data.consumeString(40) + stdout + data.consumeString(40)
                : data.consumeString(200);
        Credentials credentials = checkParse(stdout);
        if (wellFormed) {
            assertThat(credentials).as("a well-formed answer").isNotNull();
            assertThat(credentials.accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
            assertThat(credentials.secretAccessKey()).isEqualTo(FakeSecrets.SECRET);
        }
        checkExcerpt(stdout, stderr, data.consumeBoolean());
    }

    private static Credentials checkParse(String stdout) {
        try {
            return CredentialProcessOutput.parse(stdout);
        } catch (IllegalArgumentException refused) {
            assertThat(refused).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThat(refused.getMessage()).hasSizeLessThanOrEqualTo(LONGEST_MESSAGE).matches(DOCUMENTED);
            FakeSecrets.assertNoSecretIn(refused.getMessage());
            return null;
        }
    }

    /** As {@link ShellCommand} captures them: stdout up to its cap, stderr cut at its limit, perhaps mid-character. */
    private static void checkExcerpt(String stdout, String stderr, boolean stdoutOverflowed) {
        byte[] out = stdout.getBytes(UTF_8);
        byte[] err = stderr.getBytes(UTF_8);
        boolean stderrOverflowed = err.length > ShellCommand.STDERR_LIMIT;
        ShellCommand.Result result = new ShellCommand.Result(false, 1,
                Arrays.copyOf(out, Math.min(out.length, ShellCommand.STDOUT_LIMIT)), stdoutOverflowed,
                Arrays.copyOf(err, Math.min(err.length, ShellCommand.STDERR_LIMIT)), stderrOverflowed);
        String excerpt = StderrExcerpt.of(result);
        assertThat(excerpt).startsWith("; stderr");
        for (String secret : List.of(FakeSecrets.SECRET, FakeSecrets.TOKEN)) {
            String value = plainStringValue(stdout, secret);
            if (out.length <= ShellCommand.STDOUT_LIMIT && value != null) {
                assertThat(excerpt).doesNotContain(value);
            }
        }
    }

    /** The value of a member of {@code stdout} that is {@code unit}, once or repeated, as a plain JSON string. */
    private static String plainStringValue(String stdout, String unit) {
        int start = stdout.indexOf(": \"" + unit);
        if (start < 0) {
            return null;
        }
        start += 3;
        int end = start;
        while (stdout.startsWith(unit, end)) {
            end += unit.length();
        }
        return stdout.startsWith("\"", end) ? stdout.substring(start, end) : null;
    }

    /** A credential_process answer of the fuzzer's making, and whether it is one riffle must accept. */
    private record Answer(String json, boolean wellFormed) {

        static Answer build(FuzzedDataProvider data) {
            String version = data.pickValue(List.of("1", "1.0", "10e-1", "2", "\"1\"", "true", "null", "FUZZ"));
            if (version.equals("FUZZ")) {
                version = data.consumeString(12);
            }
            List<String> members = new ArrayList<>();
            members.add("\"Version\": " + version);
            members.add("\"AccessKeyId\": \"" + FakeSecrets.ACCESS_KEY_ID + "\"");
            members.add("\"SecretAccessKey\": \"" + FakeSecrets.SECRET + "\"");
            if (data.consumeBoolean()) { // real tokens run from a few hundred bytes to several KiB
                members.add("\"SessionToken\": \"" + FakeSecrets.TOKEN.repeat(data.consumeInt(1, 1800)) + "\"");
            }
            boolean validExpiration = true;
            if (data.consumeBoolean()) {
                String expiration = data.pickValue(List.of("2030-01-01T00:00:00Z", "2030-01-01T02:00:00.5+02:00",
                        "FUZZ"));
                validExpiration = !expiration.equals("FUZZ");
                members.add("\"Expiration\": \"" + (validExpiration ? expiration : escape(data.consumeString(30)))
                        + "\"");
            }
            boolean extra = data.consumeBoolean();
            if (extra) {
                members.add("\"" + escape(data.consumeString(12)) + "\": " + data.consumeString(20));
            }
            Collections.shuffle(members, new Random(data.consumeLong()));
            String json = "{" + String.join(data.pickValue(List.of(",", ", ", ",\n  ")), members) + "}";
            boolean spliced = data.consumeBoolean();
            if (spliced) {
                int from = data.consumeInt(0, json.length());
                int to = data.consumeInt(from, json.length());
                json = json.substring(0, from) + data.consumeString(16) + json.substring(to);
            }
            boolean versionOne = List.of("1", "1.0", "10e-1").contains(version);
            return new Answer(json, versionOne && validExpiration && !extra && !spliced);
        }

        /** As a JSON string's content: quotes, backslashes and control characters escaped. */
        private static String escape(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
