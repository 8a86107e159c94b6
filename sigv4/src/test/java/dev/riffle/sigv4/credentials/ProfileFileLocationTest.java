package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.CredentialsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFileLocationTest {

    @TempDir
    Path home;

    private ProfileFileLocation config(TestEnvironment environment) {
        return ProfileFileLocation.of(ProfileFileKind.CONFIG, environment.build());
    }

    @Test
    void defaultsToTheAwsFolderUnderHome() {
        assertThat(config(TestEnvironment.home(home)).path()).isEqualTo(home.resolve(".aws/config"));
        assertThat(ProfileFileLocation.of(ProfileFileKind.CREDENTIALS, TestEnvironment.home(home).build()).path())
                .isEqualTo(home.resolve(".aws/credentials"));
    }

    @Test
    void aMissingFileAtTheDefaultPlaceIsNoError() {
        assertThat(config(TestEnvironment.home(home)).load()).isEmpty();
    }

    @Test
    void theEnvironmentVariableMovesTheFile() throws IOException {
        Path elsewhere = Files.writeString(home.resolve("my-config"), "[profile moved]\nregion = x\n");

        ProfileFileLocation location = config(TestEnvironment.home(home).variable("AWS_CONFIG_FILE",
                elsewhere.toString()));

        assertThat(location.load()).get().satisfies(file -> assertThat(file.profiles()).containsOnlyKeys("moved"));
    }

    @Test
    void theSystemPropertyWinsOverTheVariable() {
        ProfileFileLocation location = config(TestEnvironment.home(home)
                .variable("AWS_CONFIG_FILE", "/from/variable")
                .property("aws.configFile", "/from/property"));

        assertThat(location.path()).isEqualTo(Path.of("/from/property"));
    }

    @Test
    void aMissingFileTheUserPointedToIsReportedWithTheSetting() {
        Path missing = home.resolve("nowhere/credentials");
        ProfileFileLocation location = ProfileFileLocation.of(ProfileFileKind.CREDENTIALS,
                TestEnvironment.home(home).variable("AWS_SHARED_CREDENTIALS_FILE", missing.toString()).build());

        assertThatThrownBy(location::load).isInstanceOf(CredentialsException.class)
                .hasMessage("The AWS credentials file " + missing
                        + " does not exist, but the environment variable AWS_SHARED_CREDENTIALS_FILE points to it");
    }

    @Test
    void tildeStandsForTheHomeDirectory() {
        assertThat(ProfileFileLocation.expandHome("~/conf/aws", home)).isEqualTo(home.resolve("conf/aws"));
        assertThat(ProfileFileLocation.expandHome("~\\conf", home)).isEqualTo(home.resolve("conf"));
        assertThat(ProfileFileLocation.expandHome("~", home)).isEqualTo(home);
        assertThat(ProfileFileLocation.expandHome("~other/conf", home)).isEqualTo(Path.of("~other/conf"));
        assertThat(ProfileFileLocation.expandHome("/abs/~/conf", home)).isEqualTo(Path.of("/abs/~/conf"));
    }

    @Test
    void tildeIsExpandedInTheVariable() {
        ProfileFileLocation location = config(TestEnvironment.home(home).variable("AWS_CONFIG_FILE", "~/x/config"));

        assertThat(location.path()).isEqualTo(home.resolve("x/config"));
        assertThat(location.toString()).contains("AWS_CONFIG_FILE");
    }

    @Test
    void aFileThatIsNotUtf8IsReported() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.write(home.resolve(".aws/config"), new byte[] {'[', 'd', (byte) 0xC3, (byte) 0x28, ']'});

        assertThatThrownBy(() -> config(TestEnvironment.home(home)).load())
                .isInstanceOf(CredentialsException.class).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void aFolderWhereTheFileShouldBeIsReported() throws IOException {
        Files.createDirectories(home.resolve(".aws/config"));

        assertThatThrownBy(() -> config(TestEnvironment.home(home)).load())
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining(home.resolve(".aws/config") + " cannot be read");
    }
}
