package dev.riffle.sigv4.credentials;

import dev.riffle.sigv4.Credentials;
import dev.riffle.sigv4.CredentialsProvider;
import java.util.List;

/**
 * The usual way to find credentials: the sources of the AWS SDK for Java v2's default chain that riffle
 * implements, in the SDK's order.
 * <ol>
 *   <li>system properties {@code aws.accessKeyId}, {@code aws.secretAccessKey}, {@code aws.sessionToken}
 *       ({@link SystemPropertyCredentialsProvider});</li>
 *   <li>environment variables {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}
 *       ({@link EnvironmentCredentialsProvider});</li>
 *   <li>the selected profile of the shared files, static keys or {@code credential_process}
 *       ({@link ProfileCredentialsProvider}).</li>
 * </ol>
 *
 * <p>Not implemented, though the SDK's chain has them: web identity tokens ({@code AWS_WEB_IDENTITY_TOKEN_FILE},
 * between the environment and the profile in the SDK), and after the profile, container credentials (ECS, EKS Pod
 * Identity) and the EC2 instance metadata service (IMDS). IAM Identity Center (SSO) and role profiles are not read
 * either. All of these can reach riffle through a profile whose {@code credential_process} is
 * {@code aws configure export-credentials --profile NAME --format process}, or through a host's own provider.
 *
 * <p>A source that is half configured (say {@code AWS_ACCESS_KEY_ID} without the secret) counts as failed and the
 * next one is tried, as in the SDK; if none answers, the exception lists every source with the reason it failed,
 * never a secret.
 *
 * <p>Caching: the first source that answers is remembered and asked directly on later calls, as the SDK does, so
 * that a long-running process keeps one identity. That source caches as it documents: properties and variables are
 * read again on each call, the profile is read once, and a {@code credential_process} runs again shortly before
 * its answer expires.
 */
public final class DefaultCredentialsProvider implements CredentialsProvider {

    private static final String NOT_IMPLEMENTED = "riffle does not read web identity tokens, IAM Identity Center"
            + " (SSO) or role profiles, container (ECS) or instance (IMDS) credentials; for those, use a profile"
            + " with credential_process = aws configure export-credentials --profile NAME --format process.";

    private final CredentialsProviderChain chain;

    private DefaultCredentialsProvider(ProfileCredentialsProvider profile) {
        Environment environment = profile.environment();
        this.chain = new CredentialsProviderChain(List.of(
                new CredentialsProviderChain.Link("system properties",
                        SystemPropertyCredentialsProvider.create(environment)),
                new CredentialsProviderChain.Link("environment variables",
                        EnvironmentCredentialsProvider.create(environment)),
                new CredentialsProviderChain.Link("profile '" + profile.profileName() + "'", profile)),
                NOT_IMPLEMENTED);
    }

    /** The chain over the real process: its properties, variables and home directory. */
    public static DefaultCredentialsProvider create() {
        return create(Environment.system());
    }

    /** The chain over the settings of {@code environment}. */
    public static DefaultCredentialsProvider create(Environment environment) {
        return create(ProfileCredentialsProvider.builder().environment(environment).build());
    }

    /**
     * The chain with {@code profile} as its last source, and its other sources reading the same environment: to
     * choose the profile or the {@code credential_process} timeout.
     */
    public static DefaultCredentialsProvider create(ProfileCredentialsProvider profile) {
        return new DefaultCredentialsProvider(profile);
    }

    /**
     * The credentials of the first source that answers, or of the one that answered before.
     *
     * @throws dev.riffle.sigv4.CredentialsException listing each source tried and why it failed
     */
    @Override
    public Credentials resolveCredentials() {
        return chain.resolveCredentials();
    }

    /** The sources by name and which one answered; never a credential. */
    @Override
    public String toString() {
        return "DefaultCredentialsProvider" + chain;
    }
}
