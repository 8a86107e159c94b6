package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.CredentialsException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultCredentialsProviderTest extends WithHomeDirectory {

    private String resolvedKeyId() {
        return DefaultCredentialsProvider.create(environment.build()).resolveCredentials().accessKeyId();
    }

    private void profileWithKeyId(String keyId) throws IOException {
        aws.credentials("[default]\naws_access_key_id = " + keyId + "\naws_secret_access_key = S\n");
    }

    @Test
    void systemPropertiesComeFirst() throws IOException {
        environment.property("aws.accessKeyId", "FROM_PROPERTIES").property("aws.secretAccessKey", "S")
                .variable("AWS_ACCESS_KEY_ID", "FROM_VARIABLES").variable("AWS_SECRET_ACCESS_KEY", "S");
        profileWithKeyId("FROM_PROFILE");

        assertThat(resolvedKeyId()).isEqualTo("FROM_PROPERTIES");
    }

    @Test
    void environmentVariablesComeBeforeTheProfile() throws IOException {
        environment.variable("AWS_ACCESS_KEY_ID", "FROM_VARIABLES").variable("AWS_SECRET_ACCESS_KEY", "S");
        profileWithKeyId("FROM_PROFILE");

        assertThat(resolvedKeyId()).isEqualTo("FROM_VARIABLES");
    }

    @Test
    void theProfileComesLast() throws IOException {
        profileWithKeyId("FROM_PROFILE");

        assertThat(resolvedKeyId()).isEqualTo("FROM_PROFILE");
    }

    @Test
    void aHalfConfiguredSourceIsPassedOverAsInTheSdk() throws IOException {
        environment.variable("AWS_ACCESS_KEY_ID", "FROM_VARIABLES");
        profileWithKeyId("FROM_PROFILE");

        assertThat(resolvedKeyId()).isEqualTo("FROM_PROFILE");
    }

    @Test
    void theProfileProviderChoosesTheProfile() throws IOException {
        aws.credentials(AwsFolder.staticKeys("default").replace(FakeSecrets.ACCESS_KEY_ID, "WRONG")
                + AwsFolder.staticKeys("dev"));

        DefaultCredentialsProvider provider = DefaultCredentialsProvider.create(
                ProfileCredentialsProvider.builder().environment(environment.build()).profileName("dev").build());

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
    }

    @Test
    void whenNothingAnswersEverySourceIsListedWithItsReason() {
        environment.variable("AWS_SECRET_ACCESS_KEY", FakeSecrets.SECRET)
                .property("aws.sessionToken", FakeSecrets.TOKEN);

        assertThatThrownBy(this::resolvedKeyId).isInstanceOf(CredentialsException.class)
                .hasMessage("No AWS credentials found. riffle tried, in order:\n"
                        + "  1. system properties: neither aws.accessKeyId nor aws.secretAccessKey (or aws.secretKey)"
                        + " is set (only aws.sessionToken is)\n"
                        + "  2. environment variables: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not\n"
                        + "  3. no profile 'default' in config file " + aws.configPath() + " (not found) and"
                        + " credentials file " + aws.credentialsPath() + " (not found)\n"
                        + "riffle does not read web identity tokens, IAM Identity Center (SSO) or role profiles,"
                        + " container (ECS) or instance (IMDS) credentials; for those, use a profile with"
                        + " credential_process = aws configure export-credentials --profile NAME --format process.")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()))
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(3));
    }

    @Test
    void aMalformedProfileFileIsListedWithItsPathAndLine() throws IOException {
        aws.config("region = eu-west-1\n");

        assertThatThrownBy(this::resolvedKeyId)
                .hasMessageContaining("  3. Malformed AWS config file " + aws.configPath() + ", line 1: ");
    }

    @Test
    void theSourceThatAnsweredFirstIsAskedDirectlyFromThenOn() throws IOException {
        Map<String, String> variables = new HashMap<>();
        Environment changing = Environment.of(variables::get, Map.<String, String>of()::get, home);
        profileWithKeyId("FROM_PROFILE");
        DefaultCredentialsProvider provider = DefaultCredentialsProvider.create(changing);
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("FROM_PROFILE");

        variables.put("AWS_ACCESS_KEY_ID", "FROM_VARIABLES");
        variables.put("AWS_SECRET_ACCESS_KEY", "S");

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("FROM_PROFILE");
        assertThat(provider.toString()).isEqualTo("DefaultCredentialsProvider[system properties, environment"
                + " variables, profile 'default'], answered by profile 'default'");
    }

    @Test
    void untilASourceAnswersEveryCallTriesThemAll() throws IOException {
        DefaultCredentialsProvider provider = DefaultCredentialsProvider.create(environment.build());
        assertThatThrownBy(provider::resolveCredentials).isInstanceOf(CredentialsException.class);

        profileWithKeyId("FROM_PROFILE");

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("FROM_PROFILE");
    }

    @Test
    void toStringNeverShowsACredential() throws IOException {
        aws.credentials(AwsFolder.staticKeys("default"));
        DefaultCredentialsProvider provider = DefaultCredentialsProvider.create(environment.build());
        provider.resolveCredentials();

        FakeSecrets.assertNoSecretIn(provider.toString());
        assertThat(provider.toString()).doesNotContain(FakeSecrets.ACCESS_KEY_ID);
    }
}
