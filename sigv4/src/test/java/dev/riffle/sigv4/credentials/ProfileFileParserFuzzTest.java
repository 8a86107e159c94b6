package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.riffle.sigv4.CredentialsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fuzzes {@link ProfileFileParser}, the reader of the shared {@code ~/.aws/config} and {@code ~/.aws/credentials}
 * files: text a user (or a tool) wrote, which holds secret keys and session tokens.
 *
 * <p>Properties: every file parses or is refused with a {@link CredentialsException} that names the file and a line
 * of it ({@code Malformed AWS ... file PATH, line N: ...}); nothing else is thrown and nothing hangs; no message
 * quotes a secret access key or a session token, wherever the edits moved them. Every profile parsed has a name the
 * SDKs accept. And the oracle: the files as written parse to their profiles and keys.
 *
 * <p>Half the inputs start from a realistic file of either kind (comments, a sub-property block, secrets and a token)
 * edited line by line: a line replaced, inserted, deleted, indented, un-indented, split, joined or spliced. The other
 * half are raw text.
 *
 * <p>{@code mvn verify} runs this in Jazzer's fuzzing mode for a bounded time (set in the root pom). A longer run:
 * {@code JAZZER_FUZZ=1 mvn -B -o -pl sigv4 test -Dtest=ProfileFileParserFuzzTest -Djazzer.max_duration=30m}.
 */
class ProfileFileParserFuzzTest {

    private static final Path PATH = Path.of("/home/fuzz/.aws/file");
    private static final Pattern REFUSAL = Pattern.compile(
            "Malformed AWS (config|credentials) file " + Pattern.quote(PATH.toString()) + ", line ([0-9]+): .+",
            Pattern.DOTALL);
    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_\\-/.%@]+");

    /** The line edits. */
    private enum Edit { REPLACE, INSERT, DELETE, INDENT, UNINDENT, SPLIT, JOIN, SPLICE }

    @FuzzTest(maxDuration = "${jazzer.max_duration:30s}")
    void parsesOrRefusesNamingTheLine(FuzzedDataProvider data) {
        ProfileFileKind kind = data.pickValue(ProfileFileKind.values());
        if (!data.consumeBoolean()) {
            check(kind, data.consumeRemainingAsString().lines().toList());
            return;
        }
        List<String> lines = new ArrayList<>(template(kind));
        int edits = data.consumeInt(0, 4);
        for (int i = 0; i < edits && !lines.isEmpty(); i++) {
            edit(data.pickValue(Edit.values()), lines, data);
        }
        ProfileFile file = check(kind, lines);
        if (edits == 0) {
            assertAsWritten(file);
        }
    }

    private static ProfileFile check(ProfileFileKind kind, List<String> lines) {
        ProfileFile file;
        try {
            file = ProfileFileParser.parse(PATH, kind, lines);
        } catch (CredentialsException refused) {
            FakeSecrets.assertNoSecretIn(refused.getMessage());
            var refusal = REFUSAL.matcher(refused.getMessage());
            assertThat(refusal.matches()).as("the message names the file and line: %s", refused.getMessage()).isTrue();
            assertThat(Integer.parseInt(refusal.group(2))).isBetween(1, lines.size());
            return null;
        }
        assertThat(file.profiles().keySet()).allMatch(name -> VALID_NAME.matcher(name).matches());
        file.ignoredSections().forEach(ignored -> assertThat(ignored.line()).isBetween(1, lines.size()));
        return file;
    }

    private static void assertAsWritten(ProfileFile file) {
        assertThat(file).isNotNull();
        assertThat(file.profiles()).containsOnlyKeys("default", "dev");
        Map<String, String> byDefault = file.profiles().get("default");
        assertThat(byDefault).containsEntry("aws_secret_access_key", FakeSecrets.SECRET)
                .containsEntry("aws_session_token", FakeSecrets.TOKEN);
        assertThat(file.profiles().get("dev")).containsEntry("aws_secret_access_key", FakeSecrets.OTHER_SECRET)
                .containsEntry("s3", "\nmax_concurrent_requests = 10");
    }

    /** A file as people write them: comments, spacing variants, a sub-property block, secrets and a token. */
    private static List<String> template(ProfileFileKind kind) {
        String dev = kind == ProfileFileKind.CONFIG ? "[profile dev]" : "[dev]";
        return List.of(
                "# written by aws configure",
                "[default]",
                "aws_access_key_id = " + FakeSecrets.ACCESS_KEY_ID,
                "aws_secret_access_key = " + FakeSecrets.SECRET,
                "aws_session_token=" + FakeSecrets.TOKEN,
                "region = eu-west-1 ; where the data lives",
                "",
                dev + "   # the other account",
                "aws_access_key_id=AKIDOTHER",
                "aws_secret_access_key =" + FakeSecrets.OTHER_SECRET,
                "s3 =",
                "  max_concurrent_requests = 10");
    }

    private static void edit(Edit edit, List<String> lines, FuzzedDataProvider data) {
        int at = data.consumeInt(0, lines.size() - 1);
        String line = lines.get(at);
        switch (edit) {
            case REPLACE -> lines.set(at, data.consumeString(40));
            case INSERT -> lines.add(at, data.consumeString(40));
            case DELETE -> lines.remove(at);
            case INDENT -> lines.set(at, (data.consumeBoolean() ? " " : "\t") + line);
            case UNINDENT -> lines.set(at, line.stripLeading());
            case SPLIT -> {
                int cut = data.consumeInt(0, line.length());
                lines.set(at, line.substring(0, cut));
                lines.add(at + 1, line.substring(cut));
            }
            case JOIN -> {
                if (at + 1 < lines.size()) {
                    lines.set(at, line + lines.remove(at + 1));
                }
            }
            case SPLICE -> {
                int from = data.consumeInt(0, line.length());
                int to = data.consumeInt(from, line.length());
                lines.set(at, line.substring(0, from) + data.consumeString(12) + line.substring(to));
            }
        }
    }
}
