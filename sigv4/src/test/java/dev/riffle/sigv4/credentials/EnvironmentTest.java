package dev.riffle.sigv4.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    private static final Path HOME = Path.of("/home/tester");

    @Test
    void blankAndMissingSettingsCountAsUnset() {
        Environment environment = Environment.of(Map.of("EMPTY", "", "SPACES", "  \t"), Map.of("p", " "), HOME);

        assertThat(environment.variable("EMPTY")).isEmpty();
        assertThat(environment.variable("SPACES")).isEmpty();
        assertThat(environment.variable("ABSENT")).isEmpty();
        assertThat(environment.property("p")).isEmpty();
    }

    @Test
    void valuesAreTrimmed() {
        Environment environment = Environment.of(Map.of("AWS_PROFILE", "  dev \n"), Map.of("aws.region", " eu-west-1"),
                HOME);

        assertThat(environment.variable("AWS_PROFILE")).contains("dev");
        assertThat(environment.property("aws.region")).contains("eu-west-1");
    }

    @Test
    void variablesAndPropertiesAreSeparateNamespaces() {
        Environment environment = Environment.of(Map.of("x", "variable"), Map.of("x", "property"), HOME);

        assertThat(environment.variable("x")).contains("variable");
        assertThat(environment.property("x")).contains("property");
    }

    @Test
    void windowsIsJudgedByOsName() {
        assertThat(Environment.of(Map.of(), Map.of("os.name", "Windows 11"), HOME).isWindows()).isTrue();
        assertThat(Environment.of(Map.of(), Map.of("os.name", "Linux"), HOME).isWindows()).isFalse();
        assertThat(Environment.of(Map.of(), Map.of(), HOME).isWindows()).isFalse();
    }

    @Test
    void functionsBridgeAnotherConfigurationSystem() {
        Environment environment = Environment.of(name -> name.equals("A") ? "1" : null, name -> null, HOME);

        assertThat(environment.variable("A")).contains("1");
        assertThat(environment.variable("B")).isEmpty();
        assertThat(environment.homeDirectory()).isEqualTo(HOME);
    }

    @Test
    void theSystemEnvironmentReadsTheRealProcess() {
        Environment environment = Environment.system();

        assertThat(environment.property("java.version")).contains(System.getProperty("java.version").strip());
        assertThat(environment.homeDirectory()).isNotNull();
    }

    @Test
    void toStringShowsNoValues() {
        Environment environment = Environment.of(Map.of("AWS_SECRET_ACCESS_KEY", FakeSecrets.SECRET), Map.of(), HOME);

        FakeSecrets.assertNoSecretIn(environment.toString());
    }
}
