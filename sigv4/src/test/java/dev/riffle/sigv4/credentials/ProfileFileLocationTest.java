package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.CredentialsException;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @Test
    void aPropertyThatIsNoPathIsReportedWithTheSetting() {
        TestEnvironment environment = TestEnvironment.home(home).property("aws.configFile", "/tmp/con\0fig");

        assertThatThrownBy(() -> config(environment)).isInstanceOf(CredentialsException.class)
                .hasMessageContaining("the system property aws.configFile")
                .hasMessageContaining("valid path for the AWS config file");
    }

    @Test
    void aVariableThatIsNoPathAfterTheTildeIsReportedWithTheSetting() {
        TestEnvironment environment = TestEnvironment.home(home).variable("AWS_SHARED_CREDENTIALS_FILE", "~/a\0b");

        assertThatThrownBy(() -> ProfileFileLocation.of(ProfileFileKind.CREDENTIALS, environment.build()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("the environment variable AWS_SHARED_CREDENTIALS_FILE");
    }

    @Test
    void aSettingThatIsNoPathFailsTheProvidersWithTheirOwnException() {
        TestEnvironment environment = TestEnvironment.home(home).property("aws.configFile", "con\0fig");

        assertThatThrownBy(() -> DefaultCredentialsProvider.create(environment.build()).resolveCredentials())
                .isInstanceOf(CredentialsException.class).hasMessageContaining("aws.configFile");
        assertThatThrownBy(() -> DefaultRegionProvider.create(environment.build()).resolveRegion())
                .isInstanceOf(CredentialsException.class).hasMessageContaining("aws.configFile");
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        Path device = Path.of("/dev/zero");
        assumeThat(Files.exists(device)).isTrue();
        ProfileFileLocation location = config(TestEnvironment.home(home).variable("AWS_CONFIG_FILE", "/dev/zero"));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(location::load)
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("The AWS config file /dev/zero")
                .hasMessageContaining("is not a regular file"));
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = home.resolve("config-fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(mkfifo.waitFor()).isZero();
        ProfileFileLocation location = config(TestEnvironment.home(home).variable("AWS_CONFIG_FILE",
                fifo.toString()));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(location::load)
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining(fifo.toString())
                .hasMessageContaining("is not a regular file"));
    }

    @Test
    void aFileOverOneMebibyteIsRefused() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), comments(ProfileFileLocation.MAX_FILE_BYTES + 1));

        assertThatThrownBy(() -> config(TestEnvironment.home(home)).load())
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining(home.resolve(".aws/config").toString())
                .hasMessageContaining("larger than 1048576 bytes");
    }

    @Test
    void aFileOfExactlyOneMebibyteIsRead() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        String profile = "[profile big]\nregion = x\n";
        Files.writeString(home.resolve(".aws/config"),
                profile + comments(ProfileFileLocation.MAX_FILE_BYTES - profile.length()));

        assertThat(config(TestEnvironment.home(home)).load()).get()
                .satisfies(file -> assertThat(file.profiles()).containsOnlyKeys("big"));
    }

    /** {@code length} bytes of comment lines. */
    private static String comments(int length) {
        String line = "#".repeat(63) + "\n";
        return line.repeat(length / line.length()) + "#".repeat(length % line.length());
    }
}
