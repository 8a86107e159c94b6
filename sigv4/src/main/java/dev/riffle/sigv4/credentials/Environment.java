package dev.riffle.sigv4.credentials;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the credential and region providers read the process's settings: environment variables, Java system
 * properties and the user's home directory.
 *
 * <p>Java cannot set environment variables, so every provider takes its settings through this type rather than
 * calling {@link System#getenv(String)} itself: {@link #system()} reads the real process, {@link #of(Map, Map, Path)}
 * lets a test (or a host application with its own configuration) supply them.
 *
 * <p>A setting that is absent, empty or only white space counts as unset, and surrounding white space is dropped, as
 * the AWS SDK for Java v2 does with its system settings: an exported-but-empty {@code AWS_PROFILE} must not select a
 * profile named "".
 */
public final class Environment {

    private final Function<String, String> variables;
    private final Function<String, String> properties;
    private final Path homeDirectory;
    private final String description;

    private Environment(Function<String, String> variables, Function<String, String> properties, Path homeDirectory,
                        String description) {
        this.variables = Objects.requireNonNull(variables, "variables");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.homeDirectory = Objects.requireNonNull(homeDirectory, "homeDirectory");
        this.description = description;
    }

    /**
     * The real process: {@link System#getenv(String)}, {@link System#getProperty(String)}, and as the home directory
     * {@code HOME} if it is set, else the {@code user.home} system property.
     *
     * <p>{@code HOME} comes first because that is what {@code ~} means to the AWS CLI and to a shell, so that
     * {@code ~/.aws/config} names the same file for riffle as for the tools that wrote it.
     */
    public static Environment system() {
        String home = nonBlank(System.getenv("HOME")).orElseGet(() -> System.getProperty("user.home"));
        return new Environment(System::getenv, System::getProperty, Path.of(home), "system");
    }

    /**
     * Fixed settings, for tests and for hosts that keep their configuration elsewhere.
     *
     * @param variables     environment variables by name
     * @param properties    system properties by name (include {@code os.name} to choose the shell that runs a
     *                      {@code credential_process}; without it riffle assumes a Unix shell)
     * @param homeDirectory what {@code ~} stands for
     */
    public static Environment of(Map<String, String> variables, Map<String, String> properties, Path homeDirectory) {
        Map<String, String> variablesCopy = Map.copyOf(variables);
        Map<String, String> propertiesCopy = Map.copyOf(properties);
        return new Environment(variablesCopy::get, propertiesCopy::get, homeDirectory, "fixed");
    }

    /**
     * Settings looked up through functions, for hosts that bridge their own configuration system; a function
     * returns null for an unset name.
     */
    public static Environment of(Function<String, String> variables, Function<String, String> properties,
                                 Path homeDirectory) {
        return new Environment(variables, properties, homeDirectory, "custom");
    }

    /** The environment variable {@code name}, unless it is unset or blank; trimmed. */
    public Optional<String> variable(String name) {
        return nonBlank(variables.apply(name));
    }

    /** The system property {@code name}, unless it is unset or blank; trimmed. */
    public Optional<String> property(String name) {
        return nonBlank(properties.apply(name));
    }

    /** What {@code ~} stands for in a path setting, and where the default {@code .aws} folder lives. */
    public Path homeDirectory() {
        return homeDirectory;
    }

    /** Whether commands run through {@code cmd.exe} rather than {@code sh}, judged by the {@code os.name} property. */
    public boolean isWindows() {
        return property("os.name").map(name -> name.startsWith("Windows")).orElse(false);
    }

    /** Says only which kind of environment this is: variables may hold secrets, so none is shown. */
    @Override
    public String toString() {
        return "Environment[" + description + ", home=" + homeDirectory + "]";
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
