package dev.riffle.sigv4.credentials;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Builds an {@link Environment} from variables and properties a test chooses; nothing of the real process leaks in. */
final class TestEnvironment {

    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();
    private final Path home;

    private TestEnvironment(Path home) {
        this.home = home;
        properties.put("os.name", "Linux");
    }

    static TestEnvironment home(Path home) {
        return new TestEnvironment(home);
    }

    TestEnvironment variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    TestEnvironment property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    Environment build() {
        return Environment.of(variables, properties, home);
    }
}
