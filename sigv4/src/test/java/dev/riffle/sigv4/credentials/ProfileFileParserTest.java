package dev.riffle.sigv4.credentials;

import static dev.riffle.sigv4.credentials.ProfileFileKind.CONFIG;
import static dev.riffle.sigv4.credentials.ProfileFileKind.CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.riffle.sigv4.CredentialsException;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProfileFileParserTest {

    private static final Path CONFIG_PATH = Path.of("/home/tester/.aws/config");
    private static final Path CREDENTIALS_PATH = Path.of("/home/tester/.aws/credentials");

    private static ProfileFile config(String text) {
        return ProfileFileParser.parse(CONFIG_PATH, CONFIG, text.lines().toList());
    }

    private static ProfileFile credentials(String text) {
        return ProfileFileParser.parse(CREDENTIALS_PATH, CREDENTIALS, text.lines().toList());
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertConfigRejected(String text) {
        return assertThatThrownBy(() -> config(text)).isInstanceOf(CredentialsException.class);
    }

    @Nested
    class Sections {

        @Test
        void credentialsFileSectionsAreProfileNames() {
            ProfileFile file = credentials("[default]\naws_access_key_id = A\n[dev]\naws_access_key_id = B\n");

            assertThat(file.profiles()).containsOnlyKeys("default", "dev");
            assertThat(file.profiles().get("dev")).containsExactly(entry("aws_access_key_id", "B"));
        }

        @Test
        void configFileNamedProfilesNeedTheProfilePrefix() {
            ProfileFile file = config("[default]\nregion = eu-west-1\n[profile dev]\nregion = us-east-1\n"
                    + "[profile\tstaging]\nregion = us-west-2\n");

            assertThat(file.profiles()).containsOnlyKeys("default", "dev", "staging");
            assertThat(file.profiles().get("dev")).containsEntry("region", "us-east-1");
        }

        @Test
        void configFileSkipsSectionsWithoutThePrefixAndRemembersWhy() {
            ProfileFile file = config("[default]\nregion = a\n\n[dev]\nregion = b\n");

            assertThat(file.profiles()).containsOnlyKeys("default");
            assertThat(file.ignoredSections()).singleElement().satisfies(ignored -> {
                assertThat(ignored.line()).isEqualTo(4);
                assertThat(ignored.intendedName()).isEqualTo("dev");
                assertThat(ignored.reason()).contains("[profile dev]");
            });
        }

        @Test
        void credentialsFileSkipsTheProfilePrefix() {
            ProfileFile file = credentials("[profile dev]\naws_access_key_id = A\n");

            assertThat(file.profiles()).isEmpty();
            assertThat(file.ignoredSections()).singleElement().satisfies(ignored -> {
                assertThat(ignored.intendedName()).isEqualTo("dev");
                assertThat(ignored.reason()).contains("write [dev]");
            });
        }

        @Test
        void credentialsFileAcceptsAProfileCalledProfile() {
            assertThat(credentials("[profile]\nx = 1\n").profiles()).containsOnlyKeys("profile");
        }

        @Test
        void profilePrefixWithoutNameIsSkipped() {
            ProfileFile file = config("[profile ]\nregion = a\n");

            assertThat(file.profiles()).isEmpty();
            assertThat(file.ignoredSections()).singleElement()
                    .satisfies(ignored -> assertThat(ignored.reason()).contains("no profile name"));
        }

        @Test
        void profileNamesWithCharactersTheSdksRejectAreSkipped() {
            ProfileFile file = credentials("[ok-name_1.2@x/y%z]\na = 1\n[not ok!]\nb = 2\n");

            assertThat(file.profiles()).containsOnlyKeys("ok-name_1.2@x/y%z");
            assertThat(file.ignoredSections()).singleElement()
                    .satisfies(ignored -> assertThat(ignored.reason()).contains("only letters, digits"));
        }

        @Test
        void whiteSpaceInsideTheBracketsIsIgnored() {
            assertThat(config("[  profile   dev  ]\na = 1\n[ default ]\nb = 2\n").profiles())
                    .containsOnlyKeys("dev", "default");
        }

        @Test
        void prefixedDefaultWinsOverPlainDefaultWhenItComesLater() {
            ProfileFile file = config("[default]\nregion = plain\nonly_plain = x\n[profile default]\nregion = prefixed\n");

            assertThat(file.profiles().get("default")).containsExactly(entry("region", "prefixed"));
        }

        @Test
        void prefixedDefaultWinsOverPlainDefaultWhenItComesFirst() {
            ProfileFile file = config("[profile default]\nregion = prefixed\n[default]\nregion = plain\n");

            assertThat(file.profiles().get("default")).containsExactly(entry("region", "prefixed"));
            assertThat(file.ignoredSections()).singleElement()
                    .satisfies(ignored -> assertThat(ignored.reason()).contains("takes precedence"));
        }

        @Test
        void repeatedSectionsMergeAndLaterValuesWin() {
            ProfileFile file = credentials("[dev]\na = 1\nb = 2\n[other]\n[dev]\nb = 3\nc = 4\n");

            assertThat(file.profiles().get("dev")).containsExactly(entry("a", "1"), entry("b", "3"), entry("c", "4"));
        }

        @Test
        void headerMayBeFollowedByAComment() {
            assertThat(config("[default] # main\na = 1\n[profile dev];dev\nb = 2\n").profiles())
                    .containsOnlyKeys("default", "dev");
        }
    }

    @Nested
    class Properties {

        @Test
        void namesAndValuesAreTrimmed() {
            ProfileFile file = credentials("[d]\na=1\nb   =\t2  \nc = two words \n");

            assertThat(file.profiles().get("d")).containsExactly(entry("a", "1"), entry("b", "2"),
                    entry("c", "two words"));
        }

        @Test
        void onlyTheFirstEqualsSignSeparatesNameFromValue() {
            ProfileFile file = config("[default]\ncredential_process = get-creds --mode=fast\n");

            assertThat(file.profiles().get("default")).containsEntry("credential_process", "get-creds --mode=fast");
        }

        @Test
        void aCommentInAValueMustFollowWhiteSpace() {
            ProfileFile file = credentials("[d]\na = 1 # note\nb = 2\t; note\nc = x#y\nd = x;y\n");

            assertThat(file.profiles().get("d")).containsExactly(entry("a", "1"), entry("b", "2"), entry("c", "x#y"),
                    entry("d", "x;y"));
        }

        @Test
        void emptyValuesAreKept() {
            assertThat(credentials("[d]\na =\n").profiles().get("d")).containsExactly(entry("a", ""));
        }

        @Test
        void propertyNamesWithCharactersTheSdksRejectAreSkipped() {
            ProfileFile file = credentials("[d]\ngood = 1\nbad name = 2\n");

            assertThat(file.profiles().get("d")).containsExactly(entry("good", "1"));
        }

        @Test
        void continuationLinesAreAppendedAfterANewline() {
            ProfileFile file = config("[default]\nnote = first\n  second\n\tthird\nnext = 1\n");

            assertThat(file.profiles().get("default"))
                    .containsExactly(entry("note", "first\nsecond\nthird"), entry("next", "1"));
        }

        @Test
        void subPropertiesAreToleratedAndDoNotDisturbTheProperties() {
            ProfileFile file = config("[default]\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 20\n"
                    + "  addressing_style = path\naws_access_key_id = A\n");

            Map<String, String> properties = file.profiles().get("default");
            assertThat(properties).containsEntry("region", "eu-west-1").containsEntry("aws_access_key_id", "A");
            assertThat(properties.get("s3")).contains("max_concurrent_requests = 20");
        }

        @Test
        void commentsAndBlankLinesAnywhere() {
            ProfileFile file = config("# top\n; also top\n\n[default]\n   # indented comment\n\t; another\n"
                    + "a = 1\n   \n");

            assertThat(file.profiles().get("default")).containsExactly(entry("a", "1"));
        }

        @Test
        void aByteOrderMarkBeforeTheFirstHeaderIsDropped() {
            assertThat(credentials("\uFEFF[default]\na = 1\n").profiles()).containsOnlyKeys("default");
        }

        @Test
        void windowsLineEndingsAreAccepted() {
            assertThat(credentials("[default]\r\na = 1\r\n").profiles().get("default"))
                    .containsExactly(entry("a", "1"));
        }
    }

    @Nested
    class MalformedFiles {

        @Test
        void propertyBeforeAnySection() {
            assertConfigRejected("# comment\n\nregion = eu-west-1\n[default]\n")
                    .hasMessage("Malformed AWS config file " + CONFIG_PATH
                            + ", line 3: a property before any [section] header");
        }

        @Test
        void lineThatIsNeitherSectionPropertyCommentNorBlank() {
            assertConfigRejected("[default]\nregion = eu-west-1\njust some words\n")
                    .hasMessage("Malformed AWS config file " + CONFIG_PATH + ", line 3: expected 'name = value',"
                            + " a [section] header, a comment or a blank line");
        }

        @Test
        void sectionHeaderWithoutClosingBracket() {
            assertConfigRejected("[default]\na = 1\n\n[profile dev\nb = 2\n")
                    .hasMessageContaining(CONFIG_PATH + ", line 4: the section header has no closing ']'");
        }

        @Test
        void textAfterTheClosingBracket() {
            assertConfigRejected("[default] extra\n").hasMessageContaining("line 1: unexpected text after");
        }

        @Test
        void sectionWithoutName() {
            assertConfigRejected("[ ]\n").hasMessageContaining("line 1: the section header '[]' has no name");
        }

        @Test
        void propertyWithoutName() {
            assertConfigRejected("[default]\n= value\n").hasMessageContaining("line 2: the property has no name");
        }

        @Test
        void indentedLineBeforeAnySection() {
            assertConfigRejected("  region = x\n").hasMessageContaining("line 1: an indented line before any");
        }

        @Test
        void indentedLineRightAfterAHeader() {
            assertConfigRejected("[default]\n  region = x\n").hasMessageContaining("line 2: an indented line continues");
        }

        @Test
        void subPropertyWithoutEqualsSign() {
            assertConfigRejected("[default]\ns3 =\n  max_concurrent_requests 20\n")
                    .hasMessageContaining("line 3: expected an indented 'name = value' sub-property under 's3 ='");
        }

        @Test
        void malformedLinesInSkippedSectionsAreStillReported() {
            assertConfigRejected("[dev]\nnot a property\n").hasMessageContaining("line 2: expected 'name = value'");
        }

        @Test
        void theCredentialsFileIsNamedAsSuch() {
            assertThatThrownBy(() -> credentials("x = 1\n"))
                    .hasMessageStartingWith("Malformed AWS credentials file " + CREDENTIALS_PATH + ", line 1:");
        }

        @Test
        void theMessageNeverQuotesTheLineThatMayHoldASecret() {
            assertConfigRejected("[default]\naws_secret_access_key " + FakeSecrets.SECRET + "\n")
                    .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
            assertConfigRejected("aws_session_token = " + FakeSecrets.TOKEN + "\n")
                    .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
            assertConfigRejected("[" + FakeSecrets.SECRET + "\n")
                    .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
        }
    }

    @Test
    void toStringShowsProfileNamesButNoValues() {
        ProfileFile file = credentials("[default]\naws_secret_access_key = " + FakeSecrets.SECRET + "\n");

        assertThat(file.toString()).contains("default");
        FakeSecrets.assertNoSecretIn(file.toString());
    }
}
