package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsException;
import dev.riffle.sigv4.CredentialsProvider;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials from one profile of the shared AWS files ({@code ~/.aws/credentials} and {@code ~/.aws/config}):
 * static keys ({@code aws_access_key_id}, {@code aws_secret_access_key}, optional {@code aws_session_token}) or a
 * {@code credential_process}, which wins over static keys as it does in the AWS SDKs.
 *
 * <p>Which profile: the one given to the builder, else the {@code aws.profile} system property, else
 * {@code AWS_PROFILE}, else {@code default}, decided when the provider is built. Where the files are:
 * {@code AWS_SHARED_CREDENTIALS_FILE} and {@code AWS_CONFIG_FILE} (or the system properties
 * {@code aws.sharedCredentialsFile} and {@code aws.configFile}), {@code ~} meaning the home directory; else under
 * {@code ~/.aws}.
 *
 * <p>Not supported: profiles that assume a role ({@code role_arn}, with {@code source_profile},
 * {@code credential_source} or {@code web_identity_token_file}) or use IAM Identity Center ({@code sso_start_url},
 * {@code sso_region}, {@code sso_account_id}, {@code sso_role_name}, {@code sso_session}). The AWS SDKs give those
 * settings precedence over static keys and {@code credential_process}, so using the keys instead would silently
 * pick other credentials than the SDKs: such a profile fails with a message that names the settings and shows how
 * to bridge it through the AWS CLI. Without {@code role_arn} or those five, the SDKs ignore the other settings
 * ({@code source_profile} left over, say), and so does riffle.
 *
 * <p>Caching: the first successful call reads the files and fixes what the profile says; static keys are then
 * kept, and a {@code credential_process} keeps its answer until shortly before it expires (see
 * {@link ProcessCredentialsProvider}). A failed call is not remembered: the next call reads the files again. To see
 * edits to the files after a success, build a new provider.
 */
public final class ProfileCredentialsProvider implements CredentialsProvider {

    static final String ACCESS_KEY_ID = "aws_access_key_id";
    static final String SECRET_ACCESS_KEY = "aws_secret_access_key";
    static final String SESSION_TOKEN = "aws_session_token";
    static final String CREDENTIAL_PROCESS = "credential_process";

    /** With any of these the AWS SDKs assume a role or use IAM Identity Center, whatever else the profile says. */
    private static final List<String> OVERRIDING_SETTINGS = List.of("role_arn", "sso_start_url", "sso_region",
            "sso_account_id", "sso_role_name", "sso_session");
    /** What such a profile's error lists, so that the user sees everything the SDKs would act on. */
    private static final List<String> UNSUPPORTED_SETTINGS =
            List.of("role_arn", "source_profile", "credential_source", "web_identity_token_file");
    private static final String UNSUPPORTED_PREFIX = "sso_";

    private final Environment environment;
    private final String profileName;
    private final Duration processTimeout;
    private volatile CredentialsProvider source;

    private ProfileCredentialsProvider(Builder builder) {
        this.environment = builder.environment;
        this.profileName = builder.profileName != null ? builder.profileName
                : SharedProfiles.selectedProfileName(builder.environment);
        this.processTimeout = builder.processTimeout;
    }

    /** The selected profile of the real environment's files. */
    public static ProfileCredentialsProvider create() {
        return builder().build();
    }

    /** A builder; every setting has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The profile's credentials.
     *
     * @throws CredentialsException if a file is malformed, the profile does not exist, has no credentials, uses a
     *                              setting riffle does not support, or its {@code credential_process} fails
     */
    @Override
    public Credentials resolveCredentials() {
        CredentialsProvider resolved = source;
        if (resolved == null) {
            synchronized (this) {
                if (source == null) {
                    source = readProfile();
                }
                resolved = source;
            }
        }
        return resolved.resolveCredentials();
    }

    /** The profile this provider reads. */
    public String profileName() {
        return profileName;
    }

    /** Where the settings come from; the default chain reads its other sources from the same place. */
    Environment environment() {
        return environment;
    }

    private CredentialsProvider readProfile() {
        Profile profile = SharedProfiles.load(environment).requireProfile(profileName);
        rejectUnsupportedSettings(profile);
        Optional<String> command = profile.property(CREDENTIAL_PROCESS);
        if (command.isPresent()) {
            return ProcessCredentialsProvider.builder(command.get()).profileName(profileName)
                    .timeout(processTimeout).environment(environment).build();
        }
        if (profile.property(ACCESS_KEY_ID).isEmpty() && profile.property(SECRET_ACCESS_KEY).isEmpty()) {
            throw new CredentialsException(profile.describe() + " has no credentials: it sets neither "
                    + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " nor " + CREDENTIAL_PROCESS);
        }
        KeySettings keys = new KeySettings(profile.describe(), profile::property,
                ACCESS_KEY_ID, List.of(SECRET_ACCESS_KEY), SESSION_TOKEN);
        return StaticCredentialsProvider.of(keys.credentials());
    }

    /**
     * Refuses a profile the AWS SDKs would resolve by assuming a role or through IAM Identity Center: that is,
     * one with {@code role_arn} or one of the five SSO settings. Other leftovers ({@code source_profile} without
     * {@code role_arn}, say) the SDKs ignore, and so does riffle.
     */
    private void rejectUnsupportedSettings(Profile profile) {
        if (profile.propertyNames().stream().noneMatch(OVERRIDING_SETTINGS::contains)) {
            return;
        }
        List<String> unsupported = profile.propertyNames().stream()
                .filter(name -> UNSUPPORTED_SETTINGS.contains(name) || name.startsWith(UNSUPPORTED_PREFIX))
                .toList();
        String bridge = profileName + "-riffle";
        throw new CredentialsException(profile.describe() + " uses " + String.join(", ", unsupported)
                + ", which riffle does not support: riffle reads only static keys (" + ACCESS_KEY_ID + ", "
                + SECRET_ACCESS_KEY + ", " + SESSION_TOKEN + ") and " + CREDENTIAL_PROCESS + ". To use this profile,"
                + " let the AWS CLI resolve it: add a profile [profile " + bridge + "] with " + CREDENTIAL_PROCESS
                + " = aws configure export-credentials --profile " + profileName + " --format process"
                + ", and select it with AWS_PROFILE=" + bridge);
    }

    /** Names the profile; never a credential. */
    @Override
    public String toString() {
        return "ProfileCredentialsProvider[profile=" + profileName + "]";
    }

    /** Settings of a {@link ProfileCredentialsProvider}. */
    public static final class Builder {

        private Environment environment = Environment.system();
        private String profileName;
        private Duration processTimeout = ProcessCredentialsProvider.DEFAULT_TIMEOUT;

        private Builder() {
        }

        /** Where variables, system properties and the home directory come from. Default: the real process. */
        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The profile to read, instead of the one {@code aws.profile} or {@code AWS_PROFILE} selects. */
        public Builder profileName(String profileName) {
            Objects.requireNonNull(profileName, "profileName");
            if (profileName.isBlank()) {
                throw new IllegalArgumentException("the profile name is blank");
            }
            this.profileName = profileName.strip();
            return this;
        }

        /** How long a {@code credential_process} may run. Default 60 seconds. */
        public Builder processTimeout(Duration processTimeout) {
            Objects.requireNonNull(processTimeout, "processTimeout");
            if (processTimeout.isZero() || processTimeout.isNegative()) {
                throw new IllegalArgumentException("the process timeout must be positive");
            }
            this.processTimeout = processTimeout;
            return this;
        }

        /** The provider; it reads no file until asked for credentials. */
        public ProfileCredentialsProvider build() {
            return new ProfileCredentialsProvider(this);
        }
    }
}
