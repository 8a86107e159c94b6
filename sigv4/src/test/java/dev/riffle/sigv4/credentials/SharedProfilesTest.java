package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.CredentialsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedProfilesTest {

    @TempDir
    Path home;

    private Path configFile;
    private Path credentialsFile;

    @BeforeEach
    void createAwsFolder() throws IOException {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        configFile = aws.resolve("config");
        credentialsFile = aws.resolve("credentials");
    }

    private SharedProfiles load() {
        return SharedProfiles.load(TestEnvironment.home(home).build());
    }

    @Test
    void credentialsFileValuesWinOverConfigFileValuesAndTheRestIsKept() throws IOException {
        Files.writeString(configFile, "[profile dev]\nregion = eu-west-1\naws_access_key_id = FROM_CONFIG\n");
        Files.writeString(credentialsFile, "[dev]\naws_access_key_id = FROM_CREDENTIALS\n"
                + "aws_secret_access_key = S\n");

        Profile dev = load().requireProfile("dev");

        assertThat(dev.property("aws_access_key_id")).contains("FROM_CREDENTIALS");
        assertThat(dev.property("region")).contains("eu-west-1");
        assertThat(dev.property("aws_secret_access_key")).contains("S");
        assertThat(dev.describe()).contains(configFile.toString(), credentialsFile.toString());
    }

    @Test
    void profilesFromEitherFileAreFound() throws IOException {
        Files.writeString(configFile, "[profile only-config]\nregion = a\n");
        Files.writeString(credentialsFile, "[only-credentials]\naws_access_key_id = A\n");

        SharedProfiles profiles = load();

        assertThat(profiles.profile("only-config")).isPresent();
        assertThat(profiles.profile("only-credentials")).isPresent();
        assertThat(profiles.profile("absent")).isEmpty();
    }

    @Test
    void noFilesMeansNoProfiles() {
        assertThat(load().profile("default")).isEmpty();
    }

    @Test
    void profileNotFoundNamesBothFilesAndTheProfilesFound() throws IOException {
        Files.writeString(configFile, "[default]\nregion = a\n[profile prod]\nregion = b\n");

        assertThatThrownBy(() -> load().requireProfile("dev")).isInstanceOf(CredentialsException.class)
                .hasMessage("no profile 'dev' in config file " + configFile + " and credentials file "
                        + credentialsFile + " (not found); profiles found: default, prod");
    }

    @Test
    void profileNotFoundPointsAtASectionThatWasSkipped() throws IOException {
        Files.writeString(configFile, "[default]\nregion = a\n[dev]\nregion = b\n");

        assertThatThrownBy(() -> load().requireProfile("dev")).hasMessageContaining(
                configFile + ", line 3 was skipped: in the config file a named profile's header is [profile dev]");
    }

    @Test
    void aMalformedFileIsReportedWithPathAndLine() throws IOException {
        Files.writeString(credentialsFile, "[default]\naws_access_key_id = A\n[broken\n");

        assertThatThrownBy(this::load).isInstanceOf(CredentialsException.class)
                .hasMessageContaining(credentialsFile + ", line 3:");
    }

    @Test
    void theProfileIsChosenByPropertyThenVariableThenDefault() {
        TestEnvironment environment = TestEnvironment.home(home);
        assertThat(SharedProfiles.selectedProfileName(environment.build())).isEqualTo("default");

        environment.variable("AWS_PROFILE", "from-variable");
        assertThat(SharedProfiles.selectedProfileName(environment.build())).isEqualTo("from-variable");

        environment.property("aws.profile", "from-property");
        assertThat(SharedProfiles.selectedProfileName(environment.build())).isEqualTo("from-property");
    }

    @Test
    void toStringShowsNoValues() throws IOException {
        Files.writeString(credentialsFile, "[default]\naws_secret_access_key = " + FakeSecrets.SECRET + "\n");

        SharedProfiles profiles = load();

        FakeSecrets.assertNoSecretIn(profiles.toString());
        FakeSecrets.assertNoSecretIn(profiles.requireProfile("default").toString());
        assertThat(profiles.requireProfile("default").toString()).contains("aws_secret_access_key");
    }
}
