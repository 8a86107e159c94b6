package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.riffle.sigv4.Credentials;
import org.junit.jupiter.api.Test;

class StaticCredentialsProviderTest {

    @Test
    void answersTheSameCredentialsEveryTime() {
        Credentials credentials = Credentials.of(FakeSecrets.ACCESS_KEY_ID, FakeSecrets.SECRET, FakeSecrets.TOKEN);
        StaticCredentialsProvider provider = StaticCredentialsProvider.of(credentials);

        assertThat(provider.resolveCredentials()).isSameAs(credentials);
        assertThat(provider.resolveCredentials()).isSameAs(credentials);
    }

    @Test
    void toStringShowsTheKeyIdButNoSecret() {
        StaticCredentialsProvider provider = StaticCredentialsProvider.of(
                Credentials.of(FakeSecrets.ACCESS_KEY_ID, FakeSecrets.SECRET, FakeSecrets.TOKEN));

        assertThat(provider.toString()).contains(FakeSecrets.ACCESS_KEY_ID);
        FakeSecrets.assertNoSecretIn(provider.toString());
    }
}
