package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.CredentialsException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where one shared file is, and whether the user chose that place: a missing file at the default place just means
 * "no profiles from it", but a missing file the user pointed to with {@code AWS_CONFIG_FILE} or
 * {@code AWS_SHARED_CREDENTIALS_FILE} is a mistake worth reporting.
 */
final class ProfileFileLocation {

    private final ProfileFileKind kind;
    private final Path path;
    private final String chosenBy;

    private ProfileFileLocation(ProfileFileKind kind, Path path, String chosenBy) {
        this.kind = kind;
        this.path = path;
        this.chosenBy = chosenBy;
    }

    /**
     * The file of {@code kind}: where its system property or environment variable says (in that order, as the AWS
     * SDK for Java v2 reads them), else under the home directory.
     */
    static ProfileFileLocation of(ProfileFileKind kind, Environment environment) {
        Optional<String> fromProperty = environment.property(kind.property());
        if (fromProperty.isPresent()) {
            return chosen(kind, fromProperty.get(), "the system property " + kind.property(), environment);
        }
        Optional<String> fromVariable = environment.variable(kind.variable());
        if (fromVariable.isPresent()) {
            return chosen(kind, fromVariable.get(), "the environment variable " + kind.variable(), environment);
        }
        return new ProfileFileLocation(kind, environment.homeDirectory().resolve(kind.pathUnderHome()), null);
    }

    private static ProfileFileLocation chosen(ProfileFileKind kind, String setting, String chosenBy,
                                              Environment environment) {
        return new ProfileFileLocation(kind, expandHome(setting, environment.homeDirectory()), chosenBy);
    }

    /**
     * {@code ~} alone or followed by a separator stands for the home directory, as in the AWS CLI and SDKs (a shell
     * would not expand it inside a quoted variable, so the tools do). {@code ~user} is not expanded.
     */
    static Path expandHome(String setting, Path homeDirectory) {
        if (setting.equals("~")) {
            return homeDirectory;
        }
        if (setting.startsWith("~/") || setting.startsWith("~\\")) {
            return homeDirectory.resolve(setting.substring(2));
        }
        return Path.of(setting);
    }

    /** Where the file is (or would be). */
    Path path() {
        return path;
    }

    /** Config or credentials. */
    ProfileFileKind kind() {
        return kind;
    }

    /**
     * The parsed file, or empty if there is no file at the default place.
     *
     * @throws CredentialsException if the file is malformed or unreadable, or if the user chose this place and
     *                              there is no file there
     */
    Optional<ProfileFile> load() {
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            return Optional.of(ProfileFileParser.parse(path, kind, lines));
        } catch (NoSuchFileException e) {
            if (chosenBy != null) {
                throw new CredentialsException("The AWS " + kind.displayName() + " file " + path
                        + " does not exist, but " + chosenBy + " points to it", e);
            }
            return Optional.empty();
        } catch (MalformedInputException e) {
            throw new CredentialsException("The AWS " + kind.displayName() + " file " + path
                    + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new CredentialsException("The AWS " + kind.displayName() + " file " + path + " cannot be read: "
                    + e, e);
        }
    }

    /** The path, and what chose it if not the default. */
    @Override
    public String toString() {
        return path + (chosenBy == null ? "" : " (set by " + chosenBy + ")");
    }
}
