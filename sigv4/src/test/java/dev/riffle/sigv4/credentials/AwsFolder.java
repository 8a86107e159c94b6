package dev.riffle.sigv4.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code .aws} folder of a test's home directory, to write config and credentials files into. */
final class AwsFolder {

    private final Path folder;

    AwsFolder(Path home) {
        try {
            this.folder = Files.createDirectories(home.resolve(".aws"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path config(String text) throws IOException {
        return Files.writeString(folder.resolve("config"), text);
    }

    Path credentials(String text) throws IOException {
        return Files.writeString(folder.resolve("credentials"), text);
    }

    Path configPath() {
        return folder.resolve("config");
    }

    Path credentialsPath() {
        return folder.resolve("credentials");
    }

    /** A credentials-file section with the fake key id and secret. */
    static String staticKeys(String section) {
        return "[" + section + "]\naws_access_key_id = " + FakeSecrets.ACCESS_KEY_ID + "\naws_secret_access_key = "
                + FakeSecrets.SECRET + "\n";
    }
}
