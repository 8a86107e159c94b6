package dev.riffle.sigv4.credentials;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one shared config or credentials file says: its profiles with their properties in file order, and the
 * sections it skipped as the AWS SDKs do (kept so that "profile not found" can point at a near miss, such as
 * {@code [dev]} in a config file where {@code [profile dev]} was meant).
 */
final class ProfileFile {

    /**
     * A section the SDKs would skip rather than reject.
     *
     * @param line          its line number
     * @param intendedName  the profile name the author most likely meant
     * @param reason        why it was skipped and how to fix it
     */
    record IgnoredSection(int line, String intendedName, String reason) {
    }

    private final Path path;
    private final ProfileFileKind kind;
    private final Map<String, Map<String, String>> profiles;
    private final List<IgnoredSection> ignoredSections;

    ProfileFile(Path path, ProfileFileKind kind, Map<String, Map<String, String>> profiles,
                List<IgnoredSection> ignoredSections) {
        this.path = path;
        this.kind = kind;
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        profiles.forEach((name, properties) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(properties))));
        this.profiles = Collections.unmodifiableMap(copy);
        this.ignoredSections = List.copyOf(ignoredSections);
    }

    /** Where the file was read from. */
    Path path() {
        return path;
    }

    /** Config or credentials. */
    ProfileFileKind kind() {
        return kind;
    }

    /** Properties by profile name; names without any {@code profile } prefix. */
    Map<String, Map<String, String>> profiles() {
        return profiles;
    }

    /** The sections skipped, in file order. */
    List<IgnoredSection> ignoredSections() {
        return ignoredSections;
    }

    /** The path and the profile names, never a property value. */
    @Override
    public String toString() {
        return "ProfileFile[" + kind.displayName() + " " + path + ", profiles=" + profiles.keySet() + "]";
    }
}
