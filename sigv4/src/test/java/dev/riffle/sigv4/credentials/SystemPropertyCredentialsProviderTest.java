package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SystemPropertyCredentialsProviderTest {

    private final TestEnvironment environment = TestEnvironment.home(Path.of("/home/tester"));

    private Credentials resolve() {
        return SystemPropertyCredentialsProvider.create(environment.build()).resolveCredentials();
    }

    @Test
    void readsTheSdkForJavaV2Properties() {
        environment.property("aws.accessKeyId", FakeSecrets.ACCESS_KEY_ID)
                .property("aws.secretAccessKey", FakeSecrets.SECRET)
                .property("aws.sessionToken", FakeSecrets.TOKEN);

        Credentials credentials = resolve();

        assertThat(credentials.accessKeyId()).isEqualTo(FakeSecrets.ACCESS_KEY_ID);
        assertThat(credentials.secretAccessKey()).isEqualTo(FakeSecrets.SECRET);
        assertThat(credentials.sessionToken()).contains(FakeSecrets.TOKEN);
    }

    @Test
    void acceptsTheOlderSecretKeyName() {
        environment.property("aws.accessKeyId", FakeSecrets.ACCESS_KEY_ID)
                .property("aws.secretKey", FakeSecrets.SECRET);

        assertThat(resolve().secretAccessKey()).isEqualTo(FakeSecrets.SECRET);
    }

    @Test
    void prefersSecretAccessKeyOverTheOlderName() {
        environment.property("aws.accessKeyId", FakeSecrets.ACCESS_KEY_ID)
                .property("aws.secretKey", FakeSecrets.OTHER_SECRET)
                .property("aws.secretAccessKey", FakeSecrets.SECRET);

        assertThat(resolve().secretAccessKey()).isEqualTo(FakeSecrets.SECRET);
    }

    @Test
    void namesBothSecretNamesWhenTheSecretIsMissing() {
        environment.property("aws.accessKeyId", FakeSecrets.ACCESS_KEY_ID);

        assertThatThrownBy(this::resolve).isInstanceOf(CredentialsException.class).hasMessage(
                "system properties: aws.accessKeyId is set but aws.secretAccessKey (or aws.secretKey) is not");
    }

    @Test
    void ignoresTheEnvironmentVariables() {
        environment.variable("AWS_ACCESS_KEY_ID", FakeSecrets.ACCESS_KEY_ID)
                .variable("AWS_SECRET_ACCESS_KEY", FakeSecrets.SECRET);

        assertThatThrownBy(this::resolve).hasMessage(
                "system properties: neither aws.accessKeyId nor aws.secretAccessKey (or aws.secretKey) is set");
    }

    @Test
    void toStringShowsNoValue() {
        environment.property("aws.accessKeyId", FakeSecrets.ACCESS_KEY_ID)
                .property("aws.secretAccessKey", FakeSecrets.SECRET);

        String text = SystemPropertyCredentialsProvider.create(environment.build()).toString();

        assertThat(text).isEqualTo("SystemPropertyCredentialsProvider[aws.accessKeyId, aws.secretAccessKey"
                + " (or aws.secretKey), aws.sessionToken]");
        FakeSecrets.assertNoSecretIn(text);
    }
}
