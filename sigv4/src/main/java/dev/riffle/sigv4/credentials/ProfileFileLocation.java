package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.CredentialsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;

/**
 * Where one shared file is, and whether the user chose that place: a missing file at the default place just means
 * "no profiles from it", but a missing file the user pointed to with {@code AWS_CONFIG_FILE} or
 * {@code AWS_SHARED_CREDENTIALS_FILE} is a mistake worth reporting.
 */
final class ProfileFileLocation {

    /**
     * The most a profile file may hold. Real ones are a few KiB; the bound keeps a setting that points at a device
     * or an ever-growing file from exhausting memory.
     */
    static final int MAX_FILE_BYTES = 1024 * 1024;

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

    /**
     * @throws CredentialsException naming the setting if its value is not a path on this platform (a NUL
     *                              character, say): providers and the chain that tries them expect only that type
     */
    private static ProfileFileLocation chosen(ProfileFileKind kind, String setting, String chosenBy,
                                              Environment environment) {
        try {
            return new ProfileFileLocation(kind, expandHome(setting, environment.homeDirectory()), chosenBy);
        } catch (InvalidPathException e) {
            throw new CredentialsException(chosenBy + " does not hold a valid path for the AWS "
                    + kind.displayName() + " file: " + e.getReason(), e);
        }
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
     * @throws CredentialsException if the file is malformed or unreadable, is not a regular file, is larger than
     *                              {@link #MAX_FILE_BYTES}, or if the user chose this place and there is no file
     *                              there
     */
    Optional<ProfileFile> load() {
        try {
            List<String> lines = readLines();
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

    /**
     * The file's lines, read only if it is a regular file and at most {@link #MAX_FILE_BYTES} long: a FIFO would
     * block the caller until something wrote to it, and a device such as {@code /dev/zero} would never end.
     */
    private List<String> readLines() throws IOException {
        if (!Files.readAttributes(path, BasicFileAttributes.class).isRegularFile()) {
            throw unreadable("it is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw unreadable("it is larger than " + MAX_FILE_BYTES + " bytes, the most a profile file may hold");
        }
        // A fresh decoder reports malformed input (MalformedInputException) instead of replacing it.
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().lines().toList();
    }

    private CredentialsException unreadable(String reason) {
        return new CredentialsException("The AWS " + kind.displayName() + " file " + this + " cannot be read: "
                + reason);
    }

    /** The path, and what chose it if not the default. */
    @Override
    public String toString() {
        return path + (chosenBy == null ? "" : " (set by " + chosenBy + ")");
    }
}
