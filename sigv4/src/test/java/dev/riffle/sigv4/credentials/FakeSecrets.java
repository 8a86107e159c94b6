package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Distinctive fake secrets, so a test can prove that a message or a {@code toString()} never contains one: a
 * substring this unusual cannot appear by accident.
 */
final class FakeSecrets {

    static final String ACCESS_KEY_ID = "AKIDRIFFLETEST0001";
    static final String SECRET = "sEcReT-zq8Wx3-must-never-be-shown";
    static final String TOKEN = "ToKeN-k7Yp2v-must-never-be-shown";
    static final String OTHER_SECRET = "oThErSeCrEt-m4Nb7-must-never-be-shown";

    private FakeSecrets() {
    }

    /** Fails if {@code text} contains any of the fake secrets or tokens, or a long piece of one. */
    static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(SECRET, TOKEN, OTHER_SECRET)
                .doesNotContain("zq8Wx3", "k7Yp2v", "m4Nb7");
    }
}
