package dev.riffle.sigv4.credentials;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One named profile, its properties merged from the shared files that define it.
 *
 * <p>{@link #toString()} shows the property names only: values include secret access keys.
 */
final class Profile {

    private final String name;
    private final Map<String, String> properties;
    private final List<Path> files;

    Profile(String name, Map<String, String> properties, List<Path> files) {
        this.name = name;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.files = List.copyOf(files);
    }

    /** The profile's name, without any {@code profile} prefix. */
    String name() {
        return name;
    }

    /** The value of {@code key}, unless it is absent or empty. */
    Optional<String> property(String key) {
        String value = properties.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The names of the properties set, in file order. */
    Set<String> propertyNames() {
        return properties.keySet();
    }

    /** For messages: "profile 'dev' (in /home/me/.aws/config)". */
    String describe() {
        return "profile '" + name + "' (in "
                + files.stream().map(Path::toString).collect(Collectors.joining(" and ")) + ")";
    }

    @Override
    public String toString() {
        return "Profile[" + name + ", properties=" + properties.keySet() + ", files=" + files + "]";
    }
}
