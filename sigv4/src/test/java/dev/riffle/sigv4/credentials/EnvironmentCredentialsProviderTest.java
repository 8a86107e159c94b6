package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EnvironmentCredentialsProviderTest {

    private final TestEnvironment environment = TestEnvironment.home(Path.of("/home/tester"));

    private Credentials resolve() {
        return EnvironmentCredentialsProvider.create(environment.build()).resolveCredentials();
    }

    @Test
    void readsLongTermKeys() {
        environment.variable("AWS_ACCESS_KEY_ID", FakeSecrets.ACCESS_KEY_ID)
                .variable("AWS_SECRET_ACCESS_KEY", FakeSecrets.SECRET);

        Credentials credentials = resolve();

        assertThat(credentials.accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
        assertThat(credentials.secretAccessKey()).isEqualTo(FakeSecrets.SECRET);
        assertThat(credentials.sessionToken()).isEmpty();
    }

    @Test
    void readsTheSessionTokenOfTemporaryCredentials() {
        environment.variable("AWS_ACCESS_KEY_ID", FakeSecrets.ACCESS_KEY_ID)
                .variable("AWS_SECRET_ACCESS_KEY", FakeSecrets.SECRET)
                .variable("AWS_SESSION_TOKEN", FakeSecrets.TOKEN);

        assertThat(resolve().sessionToken()).contains(FakeSecrets.TOKEN);
    }

    @Test
    void ignoresTheSystemPropertiesOfTheSameMeaning() {
        environment.property("aws.accessKeyId", FakeSecrets.ACCESS_KEY_ID)
                .property("aws.secretAccessKey", FakeSecrets.SECRET);

        assertThatThrownBy(this::resolve).isInstanceOf(CredentialsException.class)
                .hasMessage("environment variables: neither AWS_ACCESS_KEY_ID nor AWS_SECRET_ACCESS_KEY is set");
    }

    @Test
    void aKeyIdWithoutSecretIsReportedAsHalfConfigured() {
        environment.variable("AWS_ACCESS_KEY_ID", FakeSecrets.ACCESS_KEY_ID);

        assertThatThrownBy(this::resolve).isInstanceOf(CredentialsException.class)
                .hasMessage("environment variables: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
    }

    @Test
    void aSecretWithoutKeyIdIsReportedWithoutShowingIt() {
        environment.variable("AWS_SECRET_ACCESS_KEY", FakeSecrets.SECRET)
                .variable("AWS_SESSION_TOKEN", FakeSecrets.TOKEN);

        assertThatThrownBy(this::resolve).isInstanceOf(CredentialsException.class)
                .hasMessage("environment variables: AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }

    @Test
    void aLoneTokenIsMentioned() {
        environment.variable("AWS_SESSION_TOKEN", FakeSecrets.TOKEN);

        assertThatThrownBy(this::resolve).hasMessageContaining("(only AWS_SESSION_TOKEN is)")
                .satisfies(e -> FakeSecrets.assertNoSecretIn(e.getMessage()));
    }

    @Test
    void blankVariablesCountAsUnset() {
        environment.variable("AWS_ACCESS_KEY_ID", FakeSecrets.ACCESS_KEY_ID).variable("AWS_SECRET_ACCESS_KEY", " ");

        assertThatThrownBy(this::resolve).hasMessageContaining("AWS_SECRET_ACCESS_KEY is not");
    }

    @Test
    void toStringNamesTheVariablesButNoValue() {
        environment.variable("AWS_ACCESS_KEY_ID", FakeSecrets.ACCESS_KEY_ID)
                .variable("AWS_SECRET_ACCESS_KEY", FakeSecrets.SECRET);

        String text = EnvironmentCredentialsProvider.create(environment.build()).toString();

        assertThat(text).contains("AWS_ACCESS_KEY_ID").doesNotContain(FakeSecrets.ACCESS_KEY_ID);
        FakeSecrets.assertNoSecretIn(text);
    }
}
