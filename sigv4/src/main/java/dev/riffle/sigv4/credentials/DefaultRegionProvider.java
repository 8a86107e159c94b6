package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.CredentialsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The AWS region to use, looked up in this order:
 * <ol>
 *   <li>the system property {@code aws.region} (as the AWS SDK for Java v2);</li>
 *   <li>the environment variable {@code AWS_REGION} (all AWS SDKs);</li>
 *   <li>the environment variable {@code AWS_DEFAULT_REGION} (the AWS CLI's name, which many setups export);</li>
 *   <li>{@code region} in the selected profile: {@code aws.profile}, else {@code AWS_PROFILE}, else
 *       {@code default}.</li>
 * </ol>
 * The profile is read from the config file and, as the AWS SDK for Java v2 does, also from the credentials file
 * (which wins for the same profile); {@code region} belongs in the config file, but a file the SDK accepts should
 * not give riffle a different answer. The instance metadata service is not consulted.
 *
 * <p>Nothing is cached: every call looks again, reading the files if it gets that far.
 */
public final class DefaultRegionProvider {

    static final String REGION_PROPERTY = "aws.region";
    static final String REGION_VARIABLE = "AWS_REGION";
    static final String DEFAULT_REGION_VARIABLE = "AWS_DEFAULT_REGION";
    static final String PROFILE_REGION = "region";

    private final Environment environment;
    private final String profileName;

    private DefaultRegionProvider(Environment environment, String profileName) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.profileName = Objects.requireNonNull(profileName, "profileName");
    }

    /** Looks in the real process's properties, variables and files. */
    public static DefaultRegionProvider create() {
        return create(Environment.system());
    }

    /** Looks in {@code environment}, with the profile it selects. */
    public static DefaultRegionProvider create(Environment environment) {
        return new DefaultRegionProvider(environment, SharedProfiles.selectedProfileName(environment));
    }

    /** Looks in {@code environment}, with the profile {@code profileName} instead of the selected one. */
    public static DefaultRegionProvider create(Environment environment, String profileName) {
        return new DefaultRegionProvider(environment, profileName);
    }

    /**
     * The region, or empty if no source sets one.
     *
     * @throws CredentialsException if it comes to the shared files and one is malformed or unreadable, or was named
     *                              by {@code AWS_CONFIG_FILE} or {@code AWS_SHARED_CREDENTIALS_FILE} but is missing
     */
    public Optional<String> region() {
        return find(new ArrayList<>());
    }

    /**
     * The region.
     *
     * @throws CredentialsException if no source sets one, listing each source and what it held; or as for
     *                              {@link #region()}
     */
    public String resolveRegion() {
        List<String> checked = new ArrayList<>();
        return find(checked).orElseThrow(() -> new CredentialsException("No AWS region found. riffle checked, in order: "
                + String.join("; ", checked) + ". Set " + REGION_VARIABLE + " or add '" + PROFILE_REGION
                + " = ...' to the profile."));
    }

    private Optional<String> find(List<String> checked) {
        return setting("the system property " + REGION_PROPERTY, environment.property(REGION_PROPERTY), checked)
                .or(() -> setting(REGION_VARIABLE, environment.variable(REGION_VARIABLE), checked))
                .or(() -> setting(DEFAULT_REGION_VARIABLE, environment.variable(DEFAULT_REGION_VARIABLE), checked))
                .or(() -> fromProfile(checked));
    }

    private static Optional<String> setting(String name, Optional<String> value, List<String> checked) {
        if (value.isEmpty()) {
            checked.add(name + " is not set");
        }
        return value;
    }

    private Optional<String> fromProfile(List<String> checked) {
        SharedProfiles profiles = SharedProfiles.load(environment);
        Optional<Profile> profile = profiles.profile(profileName);
        if (profile.isEmpty()) {
            checked.add(profiles.profileNotFound(profileName));
            return Optional.empty();
        }
        Optional<String> region = profile.get().property(PROFILE_REGION);
        if (region.isEmpty()) {
            checked.add(profile.get().describe() + " sets no " + PROFILE_REGION);
        }
        return region;
    }

    /** Names the profile it would read. */
    @Override
    public String toString() {
        return "DefaultRegionProvider[profile=" + profileName + "]";
    }
}
