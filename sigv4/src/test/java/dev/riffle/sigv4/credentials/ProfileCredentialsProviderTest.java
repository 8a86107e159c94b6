package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProfileCredentialsProviderTest extends WithHomeDirectory {

    private ProfileCredentialsProvider provider() {
        return ProfileCredentialsProvider.builder().environment(environment.build()).build();
    }

    private Credentials resolve() {
        return provider().resolveCredentials();
    }

    @Test
    void readsStaticKeysOfTheDefaultProfile() throws IOException {
        aws.credentials(AwsFolder.staticKeys("default") + "aws_session_token = " + FakeSecrets.TOKEN + "\n");

        Credentials credentials = resolve();

        assertThat(credentials.accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
        assertThat(credentials.secretAccessKey()).isEqualTo(FakeSecrets.SECRET);
        assertThat(credentials.sessionToken()).contains(FakeSecrets.TOKEN);
    }

    @Test
    void awsProfileSelectsTheProfile() throws IOException {
        aws.credentials("[default]\naws_access_key_id = WRONG\naws_secret_access_key = WRONG\n"
                + AwsFolder.staticKeys("dev"));
        environment.variable("AWS_PROFILE", "dev");

        assertThat(resolve().accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
        assertThat(provider().profileName()).isEqualTo("dev");
    }

    @Test
    void theSystemPropertyWinsOverAwsProfileAndTheBuilderWinsOverBoth() {
        environment.variable("AWS_PROFILE", "from-variable").property("aws.profile", "from-property");

        assertThat(provider().profileName()).isEqualTo("from-property");
        assertThat(ProfileCredentialsProvider.builder().environment(environment.build()).profileName("chosen")
                .build().profileName()).isEqualTo("chosen");
    }

    @Test
    void keysMayBeSplitBetweenTheFilesAndTheCredentialsFileWins() throws IOException {
        aws.config("[profile dev]\naws_access_key_id = " + FakeSecrets.ACCESS_KEY_ID + "\naws_secret_access_key = "
                + FakeSecrets.OTHER_SECRET + "\n");
        aws.credentials("[dev]\naws_secret_access_key = " + FakeSecrets.SECRET + "\n");
        environment.variable("AWS_PROFILE", "dev");

        Credentials credentials = resolve();

        assertThat(credentials.accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
        assertThat(credentials.secretAccessKey()).isEqualTo(FakeSecrets.SECRET);
    }

    @Test
    void filesMayBeMovedWithTildeForHome() throws IOException {
        java.nio.file.Files.writeString(home.resolve("creds.ini"), AwsFolder.staticKeys("default"));
        environment.variable("AWS_SHARED_CREDENTIALS_FILE", "~/creds.ini");

        assertThat(resolve().accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
    }

    @Test
    void aMovedFileThatDoesNotExistIsReported() {
        environment.variable("AWS_CONFIG_FILE", "~/missing/config");

        assertThatThrownBy(this::resolve).isInstanceOf(CredentialsException.class).hasMessage("The AWS config file "
                + home.resolve("missing/config") + " does not exist, but the environment variable AWS_CONFIG_FILE"
                + " points to it");
    }

    @Test
    void aMissingProfileIsReportedWithTheFilesSearched() throws IOException {
        aws.credentials(AwsFolder.staticKeys("default"));
        environment.variable("AWS_PROFILE", "prod");

        assertThatThrownBy(this::resolve).isInstanceOf(CredentialsException.class)
                .hasMessage("no profile 'prod' in config file " + aws.configPath() + " (not found) and credentials"
                        + " file " + aws.credentialsPath() + "; profiles found: default");
    }

    @Test
    void aProfileWithoutCredentialsIsReported() throws IOException {
        aws.config("[default]\nregion = eu-west-1\n");

        assertThatThrownBy(this::resolve).hasMessage("profile 'default' (in " + aws.configPath() + ") has no"
                + " credentials: it sets neither aws_access_key_id and aws_secret_access_key nor credential_process");
    }

    @Test
    void aHalfConfiguredProfileIsReportedWithoutTheSecret() throws IOException {
        aws.credentials("[default]\naws_secret_access_key = " + FakeSecrets.SECRET + "\n");

        assertThatThrownBy(this::resolve)
                .hasMessage("profile 'default' (in " + aws.credentialsPath() + "): aws_secret_access_key is set but"
                        + " aws_access_key_id is not")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }

    @Test
    void aMalformedFileIsReportedWithPathAndLine() throws IOException {
        aws.credentials(AwsFolder.staticKeys("default") + "aws_session_token " + FakeSecrets.TOKEN + "\n");

        assertThatThrownBy(this::resolve).hasMessageStartingWith("Malformed AWS credentials file "
                        + aws.credentialsPath() + ", line 4: ")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }

    @Test
    void roleProfilesAreRejectedWithAWayOut() throws IOException {
        aws.config("[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = default\n");
        aws.credentials(AwsFolder.staticKeys("admin"));
        environment.variable("AWS_PROFILE", "admin");

        assertThatThrownBy(this::resolve).isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("profile 'admin' (in " + aws.configPath() + " and " + aws.credentialsPath()
                        + ") uses role_arn, source_profile, which riffle does not support")
                .hasMessageContaining("credential_process = aws configure export-credentials --profile admin"
                        + " --format process")
                .hasMessageContaining("AWS_PROFILE=admin-riffle")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }

    @Test
    void ssoAndWebIdentityProfilesAreRejected() throws IOException {
        aws.config("[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\n"
                + "[profile web]\nweb_identity_token_file = /var/token\nrole_arn = arn:aws:iam::1:role/r\n");

        assertThatThrownBy(() -> ProfileCredentialsProvider.builder().environment(environment.build())
                .profileName("sso").build().resolveCredentials())
                .hasMessageContaining("profile 'sso' (in " + aws.configPath() + ") uses sso_session, sso_account_id,"
                        + " which riffle does not support");
        assertThatThrownBy(() -> ProfileCredentialsProvider.builder().environment(environment.build())
                .profileName("web").build().resolveCredentials())
                .hasMessageContaining("uses web_identity_token_file, role_arn,");
    }

    /**
     * The SDKs assume a role only with role_arn, and use IAM Identity Center only with one of its five settings:
     * a leftover source_profile, or an sso_ setting of another kind, leaves the static keys in charge.
     */
    @Test
    void settingsTheSdksIgnoreWithoutARoleArnDoNotRejectTheProfile() throws IOException {
        aws.config("[profile keys]\nsource_profile = default\ncredential_source = Environment\n"
                + "sso_registration_scopes = sso:account:access\n");
        aws.credentials(AwsFolder.staticKeys("keys"));
        environment.variable("AWS_PROFILE", "keys");

        assertThat(resolve().accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
    }

    @Test
    void afterASuccessTheProfileIsNotReadAgain() throws IOException {
        aws.credentials(AwsFolder.staticKeys("default"));
        ProfileCredentialsProvider provider = provider();
        Credentials first = provider.resolveCredentials();

        aws.credentials("this file is now broken\n");

        assertThat(provider.resolveCredentials()).isSameAs(first);
    }

    @Test
    void afterAFailureTheFilesAreReadAgain() throws IOException {
        ProfileCredentialsProvider provider = provider();
        assertThatThrownBy(provider::resolveCredentials).hasMessageContaining("no profile 'default'");

        aws.credentials(AwsFolder.staticKeys("default"));

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
    }

    @Test
    void toStringNamesTheProfileAndNoCredential() throws IOException {
        aws.credentials(AwsFolder.staticKeys("default"));
        ProfileCredentialsProvider provider = provider();
        provider.resolveCredentials();

        assertThat(provider.toString()).isEqualTo("ProfileCredentialsProvider[profile=default]");
    }

    @Test
    void rejectsMeaninglessSettings() {
        assertThatThrownBy(() -> ProfileCredentialsProvider.builder().profileName(" "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfileCredentialsProvider.builder().processTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "its commands are /bin/sh scripts")
    void runsTheCredentialProcessOfTheProfileWhichWinsOverStaticKeys() throws IOException {
        String command = new Scripts(home).printing("creds.sh", "2099-01-01T00:00:00Z");
        aws.config("[profile dev]\nregion = eu-west-1\ncredential_process = " + command + "\n");
        aws.credentials("[dev]\naws_access_key_id = STATIC\naws_secret_access_key = STATIC\n");
        environment.variable("AWS_PROFILE", "dev");

        Credentials credentials = resolve();

        assertThat(credentials.accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
        assertThat(credentials.sessionToken()).contains(FakeSecrets.TOKEN);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "its commands are /bin/sh scripts")
    void theCredentialProcessFailureNamesTheProfileAndUsesTheTimeout() throws IOException {
        String command = new Scripts(home).command("slow.sh", "sleep 30");
        aws.config("[profile dev]\ncredential_process = " + command + "\n");
        ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder().environment(environment.build())
                .profileName("dev").processTimeout(Duration.ofMillis(200)).build();

        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("credential_process of profile 'dev' did not finish within 200 ms");
    }
}
