package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.CredentialsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The profiles of the shared config and credentials files together, merged as the AWS CLI and SDKs merge them.
 *
 * <p>The config file is read first and the credentials file second; for a profile both define, a property of the
 * credentials file replaces the same property of the config file, and the other properties of both are kept. (The
 * AWS SDKs and Tools Reference Guide: "the credentials file takes precedence".)
 */
final class SharedProfiles {

    /** The profile used when none is selected. */
    static final String DEFAULT_PROFILE = "default";
    static final String PROFILE_PROPERTY = "aws.profile";
    static final String PROFILE_VARIABLE = "AWS_PROFILE";

    private final List<ProfileFileLocation> locations;
    private final List<ProfileFile> files;
    private final Map<String, Profile> profiles;

    private SharedProfiles(List<ProfileFileLocation> locations, List<ProfileFile> files) {
        this.locations = List.copyOf(locations);
        this.files = List.copyOf(files);
        this.profiles = merge(files);
    }

    /**
     * Reads both files where {@code environment} says they are.
     *
     * @throws CredentialsException if a file is malformed or unreadable, or was chosen by a setting but is missing
     */
    static SharedProfiles load(Environment environment) {
        // Credentials after config: later files win, and the credentials file must win.
        List<ProfileFileLocation> locations = List.of(
                ProfileFileLocation.of(ProfileFileKind.CONFIG, environment),
                ProfileFileLocation.of(ProfileFileKind.CREDENTIALS, environment));
        List<ProfileFile> files = new ArrayList<>();
        for (ProfileFileLocation location : locations) {
            location.load().ifPresent(files::add);
        }
        return new SharedProfiles(locations, files);
    }

    /**
     * The profile to use: the {@code aws.profile} system property, else {@code AWS_PROFILE}, else
     * {@code default} (the AWS SDK for Java v2 order).
     */
    static String selectedProfileName(Environment environment) {
        return environment.property(PROFILE_PROPERTY)
                .or(() -> environment.variable(PROFILE_VARIABLE))
                .orElse(DEFAULT_PROFILE);
    }

    /** The profile called {@code name}, if either file defines it. */
    Optional<Profile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** The profile called {@code name}, or an exception saying where riffle looked and what it found instead. */
    Profile requireProfile(String name) {
        return profile(name).orElseThrow(() -> new CredentialsException(profileNotFound(name)));
    }

    /** "no profile 'dev' in ...", naming each file, the profiles found and any section that nearly matched. */
    String profileNotFound(String name) {
        StringBuilder message = new StringBuilder("no profile '").append(name).append("' in ").append(describeFiles());
        if (!profiles.isEmpty()) {
            message.append("; profiles found: ").append(String.join(", ", profiles.keySet()));
        }
        for (ProfileFile file : files) {
            for (ProfileFile.IgnoredSection ignored : file.ignoredSections()) {
                if (ignored.intendedName().equals(name)) {
                    message.append("; ").append(file.path()).append(", line ").append(ignored.line())
                            .append(" was skipped: ").append(ignored.reason());
                }
            }
        }
        return message.toString();
    }

    /** Both files, each marked "(not found)" if it does not exist. */
    String describeFiles() {
        return locations.stream().map(this::describe).collect(Collectors.joining(" and "));
    }

    private String describe(ProfileFileLocation location) {
        boolean found = files.stream().anyMatch(file -> file.kind() == location.kind());
        return location.kind().displayName() + " file " + location + (found ? "" : " (not found)");
    }

    private static Map<String, Profile> merge(List<ProfileFile> files) {
        Map<String, Map<String, String>> properties = new LinkedHashMap<>();
        Map<String, List<Path>> definedIn = new LinkedHashMap<>();
        for (ProfileFile file : files) {
            file.profiles().forEach((name, fileProperties) -> {
                properties.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(fileProperties);
                definedIn.computeIfAbsent(name, n -> new ArrayList<>()).add(file.path());
            });
        }
        Map<String, Profile> profiles = new LinkedHashMap<>();
        properties.forEach((name, merged) -> profiles.put(name, new Profile(name, merged, definedIn.get(name))));
        return profiles;
    }

    @Override
    public String toString() {
        return "SharedProfiles[" + describeFiles() + ", profiles=" + profiles.keySet() + "]";
    }
}
