package dev.riffle.sigv4.credentials;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * For tests of providers that read the shared files: a fresh temporary home directory with an empty {@code .aws}
 * folder, and an environment (no variables, no properties but {@code os.name}) that points at it.
 */
abstract class WithHomeDirectory {

    @TempDir
    Path home;

    AwsFolder aws;
    TestEnvironment environment;

    @BeforeEach
    void createHomeDirectory() {
        aws = new AwsFolder(home);
        environment = TestEnvironment.home(home);
    }
}
