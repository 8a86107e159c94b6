package dev.riffle.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The signing-key cache: what it gives equals a fresh derivation, and its shared arrays stay inside the package. */
class SigningKeysTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final CredentialScope SCOPE = CredentialScope.of("20261121T100000Z", "us-west-2", "transcribe");

    @Test
    void theCachedKeyIsTheDerivedOne() {
        assertThat(SigningKeys.signingKey(SECRET, SCOPE)).isEqualTo(SigningKeys.derive(SECRET, SCOPE));
    }

    @Test
    void theCachedArrayIsNotHandedOutsideThePackage() throws NoSuchMethodException {
        int modifiers = SigningKeys.class.getDeclaredMethod("signingKey", String.class, CredentialScope.class)
                .getModifiers();

        assertThat(Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)).isFalse();
    }

    @Test
    void derivingGivesEachCallerItsOwnArray() {
        byte[] mine = SigningKeys.derive(SECRET, SCOPE);
        mine[0] ^= 1;

        assertThat(SigningKeys.derive(SECRET, SCOPE)).isNotEqualTo(mine);
        assertThat(SigningKeys.signingKey(SECRET, SCOPE)).isEqualTo(SigningKeys.derive(SECRET, SCOPE));
    }
}
