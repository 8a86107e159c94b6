package dev.riffle.sigv4.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Executable shell scripts in a test's temporary folder, to be run as a real credential_process. */
final class Scripts {

    private final Path folder;

    Scripts(Path folder) {
        this.folder = folder;
    }

    /** Writes {@code body} as a {@code /bin/sh} script and returns a command line that runs it. */
    String command(String name, String body) throws IOException {
        Path script = folder.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return "'" + script + "'";
    }

    /** A command that prints a valid answer with the fake secrets, and an expiry if one is given. */
    String printing(String name, String expiration) throws IOException {
        return command(name, "printf '%s' '" + answer(expiration) + "'");
    }

    /** The JSON of a valid answer with the fake secrets. */
    static String answer(String expiration) {
        return "{\"Version\": 1, \"AccessKeyId\": \"" + FakeSecrets.ACCESS_KEY_ID + "\", \"SecretAccessKey\": \""
                + FakeSecrets.SECRET + "\", \"SessionToken\": \"" + FakeSecrets.TOKEN + "\""
                + (expiration == null ? "" : ", \"Expiration\": \"" + expiration + "\"") + "}";
    }

    /** Where a script may write files the test reads back. */
    Path file(String name) {
        return folder.resolve(name);
    }
}
